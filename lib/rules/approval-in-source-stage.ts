import { categoryOf, stagesKnown } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals.html */
export const approvalInSourceStage: Rule = {
  id: 'approval-in-source-stage',
  severity: 'error',
  description: 'No approval action in the source stage',
  limit: 'none',
  source: Sources.STRUCTURE,
  *check(pipeline) {
    if (!stagesKnown(pipeline) || pipeline.stages.length === 0) return;
    const first = pipeline.stages[0];
    for (const action of first.actions) {
      if (categoryOf(action) === 'Approval') {
        yield { stage: first, action, message: 'an approval action is in the source stage', fix: 'move the approval to a stage after the source stage.' };
      }
    }
  },
};
