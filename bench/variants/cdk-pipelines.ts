import { Stack, Stage, StageProps } from 'aws-cdk-lib';
import * as pipelines from 'aws-cdk-lib/pipelines';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PIPELINE_ACCOUNT, REGION, Variant, targetAccount } from './variant';

/** The application each environment deploys: one stack (`app`) with one bucket. */
export class AppStage extends Stage {
  constructor(scope: Construct, id: string, props: StageProps) {
    super(scope, id, props);
    new s3.Bucket(new Stack(this, 'App', { stackName: 'app' }), 'Data', { versioned: true });
  }
}

/**
 * The release pipeline with CDK Pipelines: each environment is a Stage deployed through a change set,
 * with a manual approval before it; cross-account through the bootstrap roles.
 */
export const cdkPipelines: Variant = {
  build(app, environments) {
    const pipeline = sourcedCodePipeline(app, REGION);
    for (let i = 1; i <= environments; i++) {
      pipeline.addStage(new AppStage(app, `Env${i}`, { env: { account: targetAccount(i), region: REGION } }), {
        pre: [new pipelines.ManualApprovalStep('ApproveChangeSet')],
      });
    }
  },
};

/** A CDK Pipelines pipeline in the pipeline account and `region`: an S3 source, a synth step, cross-account keys. */
export function sourcedCodePipeline(app: Construct, region: string): pipelines.CodePipeline {
  const stack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region } });
  const sourceBucket = new s3.Bucket(stack, 'Sources', { versioned: true });
  return new pipelines.CodePipeline(stack, 'Pipeline', {
    pipelineName: 'release',
    crossAccountKeys: true,
    synth: new pipelines.ShellStep('Synth', {
      input: pipelines.CodePipelineSource.s3(sourceBucket, 'app.zip'),
      commands: ['npm ci', 'npx cdk synth'],
    }),
  });
}
