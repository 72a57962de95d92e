import { Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as entry from '../../lib';
import { PIPELINE_ACCOUNT, REGION, Variant, applicationStatements, targetAccount } from './variant';

/** The classes the variant uses, from the package entry (what users import) or from its modules. */
export type LibraryClasses = Pick<typeof entry,
  'ChangeSetStage' | 'CrossAccountArtifactStore' | 'DeploymentTarget' | 'PipelineIdentity' | 'ReleasePipeline' | 'ReleaseSource'>;

/** The release pipeline with this library: a DeploymentTarget per account, a ChangeSetStage each. */
export const library: Variant = libraryVariant(entry);

/** The library variant built with `classes`. */
export function libraryVariant(classes: LibraryClasses): Variant {
  const { ChangeSetStage, CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity, ReleasePipeline, ReleaseSource } = classes;
  return {
    build(app, environments) {
      const identity = new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' });
      const targets = Array.from({ length: environments }, (_, i) =>
        new DeploymentTarget(app, `Target${i + 1}`, { identity, account: targetAccount(i + 1), executionStatements: applicationStatements() }),
      );
      const stack = new Stack(app, 'Pipeline', { env: { account: PIPELINE_ACCOUNT, region: REGION } });
      const store = new CrossAccountArtifactStore(stack, 'Artifacts', { identity, targets });
      const sourceBucket = new s3.Bucket(stack, 'Sources', { versioned: true, enforceSSL: true, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
      new ReleasePipeline(stack, 'Release', {
        pipelineName: 'release',
        artifactStore: store,
        source: ReleaseSource.s3({ bucket: sourceBucket, key: 'app.zip' }),
        stages: targets.map((target, i) => new ChangeSetStage({
          stageName: `Env${i + 1}`,
          target,
          stackName: `app-env${i + 1}`,
          changeSetName: `app-env${i + 1}-release`,
          templatePath: 'app.yaml',
          templateConfiguration: `env${i + 1}.json`,
        })),
      });
    },
  };
}
