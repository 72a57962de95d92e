import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import {
  CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity, RegionalArtifactStore, sendAccessLogs,
} from '../../lib/cross-account';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { ChangeSetStage, ReleaseStep, StepStage } from '../../lib/stages';

/** The accounts and regions the multi-region example deploys with. */
export interface MultiRegionExampleProps {
  readonly pipelineAccount: string;
  /** The staging account (the examples' `testAccount`). */
  readonly testAccount: string;
  readonly prodAccount: string;
  /** The pipeline's region, where staging and the first production stack are. */
  readonly region: string;
  /**
   * The second production region.
   * @default 'eu-west-1'
   */
  readonly secondRegion?: string;
}

/** What the multi-region example built, for tests. */
export interface MultiRegionExample {
  readonly identity: PipelineIdentity;
  readonly pipelineStack: Stack;
  readonly stagingTarget: DeploymentTarget;
  /** The production targets of the wave: the pipeline's region, then the second region. */
  readonly prodTargets: [DeploymentTarget, DeploymentTarget];
  /** The pipeline region's artifact store (in the pipeline stack). */
  readonly artifactStore: CrossAccountArtifactStore;
  /** The second region's artifact store, a stack of its own in the pipeline account. */
  readonly secondRegionStore: RegionalArtifactStore;
  readonly release: ReleasePipeline;
  readonly sourceBucket: s3.Bucket;
  readonly stagingStage: StepStage;
  readonly productionStage: ChangeSetStage;
}

/** The object users upload: a zip of examples/multi-region/source/ (see the README). */
export const MULTI_REGION_SOURCE_KEY = 'inventory.zip';

/** The second production region when none is given. */
export const DEFAULT_SECOND_REGION = 'eu-west-1';

/**
 * One pipeline, three targets in two regions: the inventory service's queue is checked (cfn-lint),
 * deployed to staging in the pipeline's region and approved there; then production in the
 * pipeline's region and a second region is one wave: both change sets created in parallel, one
 * approval naming both with account and region, both executed in parallel.
 *
 * Every stack is named here: three target stacks, the second region's artifact store and the
 * pipeline stack, deployed in that order by one `cdk deploy --all`.
 */
export function multiRegionExample(app: App, props: MultiRegionExampleProps): MultiRegionExample {
  const secondRegion = props.secondRegion ?? DEFAULT_SECOND_REGION;
  if (secondRegion === props.region) {
    throw new Error(`The multi-region example needs two regions: secondRegion is "${secondRegion}", the pipeline's region too; pass another with -c secondRegion=<region>.`);
  }
  const identity = new PipelineIdentity({ pipelineAccount: props.pipelineAccount, region: props.region, name: 'inventory' });
  const target = (id: string, account: string, environment: string, region: string) => new DeploymentTarget(app, id, {
    identity, account, region, executionStatements: inventoryStatements(account, region, environment),
  });
  const stagingTarget = target('InventoryStagingTarget', props.testAccount, 'staging', props.region);
  const prodTargets: [DeploymentTarget, DeploymentTarget] = [
    target(`InventoryProdTarget-${props.region}`, props.prodAccount, 'prod', props.region),
    target(`InventoryProdTarget-${secondRegion}`, props.prodAccount, 'prod', secondRegion),
  ];
  const secondRegionStore = new RegionalArtifactStore(app, `InventoryArtifacts-${secondRegion}`, { identity, region: secondRegion });

  const pipelineStack = new Stack(app, 'InventoryPipeline', {
    env: { account: props.pipelineAccount, region: props.region },
    description: `The inventory release pipeline: staging, then production in ${props.region} and ${secondRegion} under one approval`,
  });
  const artifactStore = new CrossAccountArtifactStore(pipelineStack, 'Artifacts', { identity });
  const sourceBucket = new s3.Bucket(pipelineStack, 'SourceBucket', {
    versioned: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  sendAccessLogs(sourceBucket, artifactStore.accessLogsBucket, 'source/');

  const staging = ReleaseStep.deployStack({
    actionName: 'DeployStaging', target: stagingTarget, stackName: 'inventory-staging',
    templatePath: 'inventory.yaml', templateConfiguration: 'staging.json',
  });
  const stagingStage = new StepStage({
    stageName: 'Staging',
    steps: [
      ReleaseStep.commands({ actionName: 'LintTemplate', commands: ['pip install --quiet cfn-lint', 'cfn-lint inventory.yaml'] }),
      staging,
      // Names inventory-staging with its account and region; approving lets production start.
      ReleaseStep.approval({ actionName: 'ApproveStaging' }),
    ],
  });
  const productionStage = new ChangeSetStage({
    stageName: 'Production',
    targets: prodTargets,
    stackName: 'inventory',
    changeSetName: 'inventory-release',
    templatePath: 'inventory.yaml',
    templateConfiguration: 'prod.json',
  });
  const release = new ReleasePipeline(pipelineStack, 'Release', {
    pipelineName: 'inventory-release',
    artifactStore,
    regionalArtifactStores: [secondRegionStore],
    source: ReleaseSource.s3({ bucket: sourceBucket, key: MULTI_REGION_SOURCE_KEY }),
    stages: [stagingStage, productionStage],
  });
  return {
    identity, pipelineStack, stagingTarget, prodTargets, artifactStore, secondRegionStore, release, sourceBucket,
    stagingStage, productionStage,
  };
}

/** What CloudFormation needs to create, update and delete source/inventory.yaml's two queues for `environment`. */
function inventoryStatements(account: string, region: string, environment: string): iam.PolicyStatement[] {
  return [new iam.PolicyStatement({
    actions: ['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:GetQueueAttributes', 'sqs:SetQueueAttributes', 'sqs:TagQueue', 'sqs:UntagQueue', 'sqs:ListQueueTags'],
    resources: [`arn:aws:sqs:${region}:${account}:inventory-${environment}`, `arn:aws:sqs:${region}:${account}:inventory-${environment}-dlq`],
  })];
}
