import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { ReleasePipeline, ReleasePipelineProps } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { IReleaseStage } from '../../lib/stages';

export const PIPELINE_ACCOUNT = '111111111111';
export const TEST_ACCOUNT = '222222222222';
export const REGION = 'us-east-1';

/** A pipeline-account stack with a versioned source bucket and a CloudFormation execution role. */
export function pipelineStack() {
  const app = new App();
  const stack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
  const bucket = new s3.Bucket(stack, 'SourceBucket', { versioned: true });
  const executionRole = new iam.Role(stack, 'ExecutionRole', { assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com') });
  const source = ReleaseSource.s3({ bucket, key: 'app.zip' });
  return { app, stack, bucket, executionRole, source };
}

/** A target account stack for the `release` pipeline in PIPELINE_ACCOUNT. */
export function testTarget(app: App, identity = new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' })) {
  return new DeploymentTarget(app, 'TestTarget', {
    identity,
    account: TEST_ACCOUNT,
    executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: [`arn:aws:sns:${REGION}:${TEST_ACCOUNT}:app`] })],
  });
}

export function release(stack: Stack, source: ReleaseSource, stages: IReleaseStage[], extra: Partial<ReleasePipelineProps> = {}): ReleasePipeline {
  return new ReleasePipeline(stack, 'Release', { pipelineName: 'release', source, stages, ...extra });
}

export { CrossAccountArtifactStore };
