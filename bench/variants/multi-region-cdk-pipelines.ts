import { Stack, Stage, StageProps } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { APPLICATION_STACK, MultiRegionVariant, PIPELINE_ACCOUNT, PIPELINE_REGION, PRODUCTION_ACCOUNT, WAVE_REGIONS } from './multi-region';

/** The application in one region: one stack with one bucket. */
class AppStage extends Stage {
  constructor(scope: Construct, id: string, props: StageProps) {
    super(scope, id, props);
    new s3.Bucket(new Stack(this, 'App', { stackName: APPLICATION_STACK }), 'Data', { versioned: true });
  }
}

/**
 * The wave with CDK Pipelines: a wave of one Stage per region, an approval before it, each stage
 * deployed through a change set with the bootstrap roles; CDK Pipelines adds a support stack with an
 * artifact bucket and key for each region other than the pipeline's.
 */
export const multiRegionCdkPipelines: MultiRegionVariant = {
  build(app) {
    const stack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: PIPELINE_REGION } });
    const sourceBucket = new s3.Bucket(stack, 'Sources', { versioned: true });
    const pipeline = new pipelines.CodePipeline(stack, 'Pipeline', {
      pipelineName: 'release',
      crossAccountKeys: true,
      synth: new pipelines.ShellStep('Synth', {
        input: pipelines.CodePipelineSource.s3(sourceBucket, 'app.zip'),
        commands: ['npm ci', 'npx cdk synth'],
      }),
    });
    const wave = pipeline.addWave('Production', { pre: [new pipelines.ManualApprovalStep('Approve')] });
    for (const region of WAVE_REGIONS) {
      wave.addStage(new AppStage(app, `Production-${region}`, { env: { account: PRODUCTION_ACCOUNT, region } }));
    }
  },
};
