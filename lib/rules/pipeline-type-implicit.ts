import { describeValue } from '../model/values';
import { Rule, Sources } from './rule';
import { V2Feature, v2Features } from './v2-features';

/** Features named in one finding before "and N more", so that a 50-stage pipeline makes one short line. */
const NAMED_FEATURES = 3;

/**
 * A pipeline with no type that uses V2 features. The API takes it, and makes it a V2 pipeline with
 * V2's pricing; the declaration should say so rather than leave it to the service.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const pipelineTypeImplicit: Rule = {
  id: 'pipeline-type-implicit',
  severity: 'warning',
  description: 'V2 features on a pipeline that does not state its type',
  limit: 'PipelineType: V2 stated when a V2 feature is used',
  source: Sources.API,
  *check(pipeline) {
    if (pipeline.pipelineType !== undefined) return;
    const features = [...v2Features(pipeline)].map(describe);
    if (features.length === 0) return;
    const named = features.slice(0, NAMED_FEATURES).join(', ');
    const more = features.length > NAMED_FEATURES ? ` and ${features.length - NAMED_FEATURES} more` : '';
    yield {
      message: `the pipeline states no type but has ${named}${more}: the service makes it a V2 pipeline, priced as V2`,
      fix: 'set PipelineType to V2, so that the declaration states the type the pipeline gets.',
    };
  },
};

function describe(feature: V2Feature): string {
  if (feature.action) return `${feature.what} ("${describeValue(feature.action.name)}")`;
  return feature.stage ? `${feature.what} in stage "${describeValue(feature.stage.name)}"` : feature.what;
}
