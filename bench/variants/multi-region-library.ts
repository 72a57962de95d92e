import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ChangeSetStage, DeploymentTarget, PipelineIdentity, RegionalArtifactStore, ReleasePipeline, ReleaseSource } from '../../lib';
import { APPLICATION_STACK, MultiRegionVariant, PIPELINE_ACCOUNT, PIPELINE_REGION, PRODUCTION_ACCOUNT, WAVE_REGIONS, applicationStatements } from './multi-region';

/**
 * The wave with this library: a `DeploymentTarget` per region of the production account, a
 * `RegionalArtifactStore` stack per region other than the pipeline's, and one `ChangeSetStage` with
 * every target (one approval naming each change set).
 */
export const multiRegionLibrary: MultiRegionVariant = {
  build(app) {
    const identity = new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: PIPELINE_REGION, name: 'release' });
    const targets = WAVE_REGIONS.map((region) => new DeploymentTarget(app, `Production-${region}`, {
      identity, account: PRODUCTION_ACCOUNT, region, executionStatements: applicationStatements(region),
    }));
    const stores = WAVE_REGIONS.filter((region) => region !== PIPELINE_REGION)
      .map((region) => new RegionalArtifactStore(app, `Artifacts-${region}`, { identity, region }));
    const stack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: PIPELINE_REGION } });
    const sourceBucket = new s3.Bucket(stack, 'Sources', { versioned: true, enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
    new ReleasePipeline(stack, 'Release', {
      pipelineName: 'release',
      source: ReleaseSource.s3({ bucket: sourceBucket, key: 'app.zip' }),
      regionalArtifactStores: stores,
      stages: [new ChangeSetStage({
        stageName: 'Production',
        targets,
        stackName: APPLICATION_STACK,
        changeSetName: 'release',
        templatePath: 'app.yaml',
      })],
    });
  },
};
