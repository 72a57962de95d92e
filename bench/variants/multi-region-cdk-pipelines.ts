import * as pipelines from 'aws-cdk-lib/pipelines';
import { AppStage, sourcedCodePipeline } from './cdk-pipelines';
import { MultiRegionVariant, PIPELINE_REGION, PRODUCTION_ACCOUNT, WAVE_REGIONS } from './multi-region';

/**
 * The wave with CDK Pipelines: a wave of one Stage per region, an approval before it, each stage
 * deployed through a change set with the bootstrap roles; CDK Pipelines adds a support stack with an
 * artifact bucket and key for each region other than the pipeline's.
 */
export const multiRegionCdkPipelines: MultiRegionVariant = {
  build(app) {
    const pipeline = sourcedCodePipeline(app, PIPELINE_REGION);
    const wave = pipeline.addWave('Production', { pre: [new pipelines.ManualApprovalStep('Approve')] });
    for (const region of WAVE_REGIONS) {
      wave.addStage(new AppStage(app, `Production-${region}`, { env: { account: PRODUCTION_ACCOUNT, region } }));
    }
  },
};
