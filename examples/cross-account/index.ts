import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity, sendAccessLogs } from '../../lib/cross-account';
import { acknowledgeSourceActionRole } from './evidence';

/** The accounts and region the example deploys to. */
export interface CrossAccountExampleProps {
  readonly pipelineAccount: string;
  readonly testAccount: string;
  readonly prodAccount: string;
  readonly region: string;
}

/** What the example built, for tests. */
export interface CrossAccountExample {
  readonly pipelineStack: Stack;
  readonly store: CrossAccountArtifactStore;
  readonly testTarget: DeploymentTarget;
  readonly prodTarget: DeploymentTarget;
  readonly pipeline: codepipeline.Pipeline;
}

/** The application stack's resources, which the execution roles may manage (see app.yaml). */
function topicStatements(props: CrossAccountExampleProps, account: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      actions: ['sns:CreateTopic', 'sns:DeleteTopic', 'sns:GetTopicAttributes', 'sns:SetTopicAttributes',
        'sns:TagResource', 'sns:UntagResource', 'sns:ListTagsForResource'],
      resources: [`arn:aws:sns:${props.region}:${account}:sample-app-notifications`],
    }),
  ];
}

/**
 * A plain aws-cdk-lib pipeline in the pipeline account that deploys app.yaml to a test account and
 * then a production account, on the roles of two `DeploymentTarget` stacks and the artifact store
 * of a `CrossAccountArtifactStore`. `cdk deploy --all` deploys the targets first, then the pipeline.
 */
export function crossAccountExample(app: App, props: CrossAccountExampleProps): CrossAccountExample {
  const identity = new PipelineIdentity({ pipelineAccount: props.pipelineAccount, region: props.region, name: 'sample-app' });

  const testTarget = new DeploymentTarget(app, 'SampleAppTestTarget', {
    identity,
    account: props.testAccount,
    executionStatements: topicStatements(props, props.testAccount),
  });
  const prodTarget = new DeploymentTarget(app, 'SampleAppProdTarget', {
    identity,
    account: props.prodAccount,
    executionStatements: topicStatements(props, props.prodAccount),
  });

  const pipelineStack = new Stack(app, 'SampleAppPipeline', {
    env: { account: props.pipelineAccount, region: props.region },
    description: 'The sample-app release pipeline, its artifact bucket and key',
  });
  const store = new CrossAccountArtifactStore(pipelineStack, 'Artifacts', { identity, targets: [testTarget, prodTarget] });

  const sourceBucket = new s3.Bucket(pipelineStack, 'SourceBucket', {
    versioned: true, // an S3 source action requires a versioned bucket
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  sendAccessLogs(sourceBucket, store.accessLogsBucket, 'source/');

  const source = new codepipeline.Artifact('Source');
  const deploy = (target: DeploymentTarget, stackName: string) => {
    target.allowStack(stackName);
    return new actions.CloudFormationCreateUpdateStackAction({
      actionName: 'Deploy',
      stackName,
      templatePath: source.atPath('app.yaml'),
      adminPermissions: false,
      role: target.actionRole,
      deploymentRole: target.executionRole,
    });
  };

  const pipeline = new codepipeline.Pipeline(pipelineStack, 'Pipeline', {
    pipelineName: 'sample-app',
    pipelineType: codepipeline.PipelineType.V2,
    artifactBucket: store.bucket,
    role: store.pipelineRole,
    stages: [
      {
        stageName: 'Source',
        actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: sourceBucket, bucketKey: 'sample-app.zip', output: source })],
      },
      { stageName: 'Test', actions: [deploy(testTarget, 'sample-app-test')] },
      { stageName: 'Prod', actions: [deploy(prodTarget, 'sample-app-prod')] },
    ],
  });
  acknowledgeSourceActionRole(pipeline, 'Source', store.bucketResource);

  return { pipelineStack, store, testTarget, prodTarget, pipeline };
}
