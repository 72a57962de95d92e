import { actionsByRunOrder } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html */
export const parallelActions: Rule = {
  id: 'parallel-actions',
  severity: 'error',
  description: 'Actions that run in parallel in a stage (same runOrder)',
  limit: '50 (classic: 10)',
  source: Sources.QUOTAS,
  *check(pipeline, { quotas }) {
    const max = quotas.quotas.maxParallelActionsPerStage;
    for (const stage of pipeline.stages) {
      for (const [order, count] of actionsByRunOrder(stage)) {
        if (count > max) {
          yield {
            stage,
            message: `${count} actions share runOrder ${order}; at most ${max} may run in parallel`,
            fix: 'give some of them a higher runOrder or move them to another stage; if your account\'s quota was raised, set the maxParallelActionsPerStage override.',
            source: quotas.sourceOf('maxParallelActionsPerStage'),
          };
        }
      }
    }
  },
};
