import { allActionsKnown } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html */
export const actionsPerPipeline: Rule = {
  id: 'actions-per-pipeline',
  severity: 'error',
  description: 'Number of actions in a pipeline',
  limit: '500',
  source: Sources.QUOTAS,
  *check(pipeline, { quotas }) {
    if (!allActionsKnown(pipeline)) return;
    const count = pipeline.stages.reduce((sum, stage) => sum + stage.actions.length, 0);
    const max = quotas.quotas.maxActionsPerPipeline;
    if (count > max) {
      yield {
        message: `the pipeline has ${count} actions; the limit is ${max}`,
        fix: 'split the release into several pipelines; if your account\'s quota was raised, set the maxActionsPerPipeline override.',
        source: quotas.sourceOf('maxActionsPerPipeline'),
      };
    }
  },
};
