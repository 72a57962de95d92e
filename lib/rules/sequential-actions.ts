import { actionsByRunOrder } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html */
export const sequentialActions: Rule = {
  id: 'sequential-actions',
  severity: 'error',
  description: 'Actions that run in sequence in a stage (distinct runOrder values)',
  limit: '50 (classic: 10)',
  source: Sources.QUOTAS,
  *check(pipeline, { quotas }) {
    const max = quotas.quotas.maxSequentialActionsPerStage;
    for (const stage of pipeline.stages) {
      const orders = actionsByRunOrder(stage);
      if (orders.size > max) {
        yield {
          stage,
          message: `the stage has ${orders.size} distinct runOrder values; at most ${max} actions may run in sequence`,
          fix: 'run some actions in parallel (same runOrder) or move them to another stage; if your account\'s quota was raised, set the maxSequentialActionsPerStage override.',
          source: quotas.sourceOf('maxSequentialActionsPerStage'),
        };
      }
    }
  },
};
