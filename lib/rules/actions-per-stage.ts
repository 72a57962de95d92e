import { stageActionsKnown } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html */
export const actionsPerStage: Rule = {
  id: 'actions-per-stage',
  severity: 'error',
  description: 'Number of actions in a stage',
  limit: '1–50 (classic: 1–20)',
  source: Sources.QUOTAS,
  *check(pipeline, { quotas }) {
    const max = quotas.quotas.maxActionsPerStage;
    for (const [index, stage] of pipeline.stages.entries()) {
      if (!stageActionsKnown(pipeline, index)) continue;
      const count = stage.actions.length;
      if (count === 0) {
        yield { stage, message: 'the stage has no actions; every stage needs at least 1', fix: 'add an action to the stage or remove the stage.' };
      } else if (count > max) {
        yield {
          stage,
          message: `the stage has ${count} actions; the limit is ${max}`,
          fix: 'move actions to another stage; if your account\'s quota was raised, set the maxActionsPerStage override.',
          source: quotas.sourceOf('maxActionsPerStage'),
        };
      }
    }
  },
};
