import { describeLiteral, isUnknown } from '../model/values';
import { Rule, Sources } from './rule';
import { v2Features } from './v2-features';

const TYPES = ['V1', 'V2'];

/**
 * The pipeline type is V1 or V2, and a pipeline declared V1 uses no V2 feature: the service refuses
 * one (e.g. "Triggers on tag can only be used with V2 pipelines"). A pipeline with no type is
 * pipeline-type-implicit's concern.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types.html
 */
export const pipelineType: Rule = {
  id: 'pipeline-type',
  severity: 'error',
  description: 'Pipeline type, and no V2 feature on a V1 pipeline',
  limit: 'V1 or V2; variables, triggers, QUEUED/PARALLEL, stage conditions and Commands actions need V2',
  source: Sources.PIPELINE_TYPES,
  *check(pipeline) {
    const type = pipeline.pipelineType;
    if (type === undefined || isUnknown(type)) return;
    if (typeof type !== 'string' || !TYPES.includes(type)) {
      const upper = typeof type === 'string' ? type.toUpperCase() : undefined;
      yield {
        message: `pipeline type ${describeLiteral(type)} is not V1 or V2`,
        fix: upper !== undefined && TYPES.includes(upper) ? `write it as ${upper}.` : 'set PipelineType to V2 (or V1).',
        source: Sources.API,
      };
      return;
    }
    if (type !== 'V1') return;
    for (const feature of v2Features(pipeline)) {
      yield {
        stage: feature.stage,
        action: feature.action,
        message: `the pipeline is V1 but has ${feature.what}, which only a V2 pipeline may have`,
        fix: 'set PipelineType to V2, or remove the V2 feature.',
        source: feature.source,
      };
    }
  },
};
