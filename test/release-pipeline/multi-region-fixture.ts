import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { DeploymentTarget, PipelineIdentity, RegionalArtifactStore } from '../../lib/cross-account';
import { ReleasePipeline, ReleasePipelineProps } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { ChangeSetStage, IReleaseStage, TestStackStage } from '../../lib/stages';

export const PIPELINE = '111111111111';
export const STAGING = '222222222222';
export const PROD = '333333333333';

/** A target for `identity` in `account` and `region` that may create the app's SNS topic. */
export function target(app: App, id: string, identity: PipelineIdentity, account: string, region?: string): DeploymentTarget {
  return new DeploymentTarget(app, id, {
    identity, account, region,
    executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: [`arn:aws:sns:${region ?? identity.region}:${account}:app`] })],
  });
}

/** The `shop` pipeline in `identity`'s region: an S3 source, then `stages`. */
export function shopPipeline(app: App, identity: PipelineIdentity, stages: IReleaseStage[], extra: Partial<ReleasePipelineProps> = {}) {
  const stack = new Stack(app, 'ShopPipeline', { env: { account: PIPELINE, region: identity.region } });
  const bucket = new s3.Bucket(stack, 'SourceBucket', { versioned: true, enforceSSL: true });
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'The source bucket of a test app: its access logs are the app owner\'s choice, not part of what the library builds.' });
  const pipeline = new ReleasePipeline(stack, 'Release', { pipelineName: 'shop', source: ReleaseSource.s3({ bucket, key: 'app.zip' }), stages, ...extra });
  return { stack, pipeline };
}

export const shopIdentity = () => new PipelineIdentity({ pipelineAccount: PIPELINE, region: 'us-east-1', name: 'shop' });

/**
 * A pipeline in us-east-1 with targets (staging, us-east-1), (prod, us-east-1) and (prod, eu-west-1):
 * a test stack in staging, then a change set in each production region.
 */
export function multiRegionApp(extra: Partial<ReleasePipelineProps> = {}, app = new App(), prepare?: (app: App) => void) {
  prepare?.(app);
  const identity = shopIdentity();
  const staging = target(app, 'StagingTarget', identity, STAGING);
  const prodUs = target(app, 'ProdUsTarget', identity, PROD);
  const prodEu = target(app, 'ProdEuTarget', identity, PROD, 'eu-west-1');
  const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
  const { stack, pipeline } = shopPipeline(app, identity, [
    new TestStackStage({ stageName: 'Staging', stackName: 'shop-test', templatePath: 'app.yaml', target: staging }),
    new ChangeSetStage({ stageName: 'ProdUs', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', target: prodUs }),
    new ChangeSetStage({ stageName: 'ProdEu', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', target: prodEu }),
  ], { regionalArtifactStores: [euStore], ...extra });
  return { app, identity, staging, prodUs, prodEu, euStore, stack, pipeline };
}
