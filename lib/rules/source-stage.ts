import { categoryOf, stageActionsKnown, stagesKnown } from '../model/walk';
import { Rule, Sources } from './rule';

/**
 * The first stage holds only source actions, at least one, and no other stage holds any.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/reference-pipeline-structure.html
 */
export const sourceStage: Rule = {
  id: 'source-stage',
  severity: 'error',
  description: 'Source actions only, and at least one, in the first stage; none elsewhere',
  limit: 'first stage: ≥ 1 source action, nothing else',
  source: Sources.STRUCTURE,
  *check(pipeline) {
    if (!stagesKnown(pipeline) || pipeline.stages.length === 0) return;
    const [first, ...rest] = pipeline.stages;
    if (stageActionsKnown(pipeline, 0)) {
      const categories = first.actions.map(categoryOf);
      if (first.actions.length > 0 && !categories.includes('Source') && !categories.includes(undefined)) {
        yield { stage: first, message: 'the first stage has no source action', fix: 'start the pipeline with a stage of source actions (S3, CodeCommit, ECR or a CodeStar connection).' };
      }
      for (const action of first.actions) {
        const category = categoryOf(action);
        // Approvals get their own, more specific rule.
        if (category !== undefined && category !== 'Source' && category !== 'Approval') {
          yield { stage: first, action, message: `a ${category} action is in the first stage, which may hold only source actions`, fix: 'move it to a later stage.' };
        }
      }
    }
    for (const stage of rest) {
      for (const action of stage.actions) {
        if (categoryOf(action) === 'Source') {
          yield { stage, action, message: 'a source action is outside the first stage', fix: 'move every source action into the first stage.' };
        }
      }
    }
  },
};
