import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PIPELINE_ACCOUNT, REGION } from './variants/variant';

/**
 * The smallest app with an aws-cdk-lib `codepipeline.Pipeline`: one stack, an S3 source and a manual
 * approval, everything else aws-cdk-lib's defaults. No library built on that construct synthesizes
 * faster than this, which puts a floor under the N = 1 column.
 */
export function minimalPipeline(app: App): Stack {
  const stack = new Stack(app, 'Minimal', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
  const source = new codepipeline.Artifact('Source');
  new codepipeline.Pipeline(stack, 'Pipeline', {
    stages: [
      { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: new s3.Bucket(stack, 'Sources', { versioned: true }), bucketKey: 'app.zip', output: source })] },
      { stageName: 'Approve', actions: [new actions.ManualApprovalAction({ actionName: 'Approve' })] },
    ],
  });
  return stack;
}
