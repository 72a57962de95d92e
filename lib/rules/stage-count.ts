import { stagesKnown } from '../model/walk';
import { Rule, Sources } from './rule';

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html */
export const stageCount: Rule = {
  id: 'stage-count',
  severity: 'error',
  description: 'Number of stages in a pipeline',
  limit: '2–50 (classic: 2–10)',
  source: Sources.QUOTAS,
  *check(pipeline, { quotas }) {
    if (!stagesKnown(pipeline)) return;
    const count = pipeline.stages.length;
    const { minStagesPerPipeline: min, maxStagesPerPipeline: max } = quotas.quotas;
    if (count < min) {
      yield {
        message: `the pipeline has ${count} stage${count === 1 ? '' : 's'}; at least ${min} are required`,
        fix: 'add a source stage followed by at least one stage that builds, tests, approves or deploys.',
        source: quotas.sourceOf('minStagesPerPipeline'),
      };
    } else if (count > max) {
      yield {
        message: `the pipeline has ${count} stages; the limit is ${max}`,
        fix: `merge stages or split the release into several pipelines; if your account's quota was raised, set the maxStagesPerPipeline override.`,
        source: quotas.sourceOf('maxStagesPerPipeline'),
      };
    }
  },
};
