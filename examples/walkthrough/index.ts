import { App, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity, sendAccessLogs } from '../../lib/cross-account';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { ChangeSetStage, TestStackStage } from '../../lib/stages';

/** The accounts, region and reviewer address the walkthrough deploys with. */
export interface WalkthroughExampleProps {
  readonly pipelineAccount: string;
  readonly testAccount: string;
  readonly prodAccount: string;
  readonly region: string;
  /**
   * Who is emailed when a release waits for approval.
   * @default 'release-approvers@example.com'
   */
  readonly approvalEmail?: string;
}

/** What the walkthrough built, for tests. */
export interface WalkthroughExample {
  readonly pipelineStack: Stack;
  readonly testTarget: DeploymentTarget;
  readonly prodTarget: DeploymentTarget;
  readonly release: ReleasePipeline;
  readonly sourceBucket: s3.Bucket;
}

/** The object users upload: a zip of examples/walkthrough/source/ (see the README). */
export const WALKTHROUGH_SOURCE_KEY = 'wordpress.zip';

/**
 * The CloudFormation user guide's walkthrough pipeline, across accounts: an S3 source, a TestStage
 * (CreateStack → ApproveTestStack → DeleteTestStack) in the test account and a ProdStage
 * (CreateChangeSet → ApproveChangeSet → ExecuteChangeSet) in the production account, deploying the
 * WordPress template in ./source with the test or production configuration file.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/continuous-delivery-codepipeline-basic-walkthrough.html
 */
export function walkthroughExample(app: App, props: WalkthroughExampleProps): WalkthroughExample {
  const identity = new PipelineIdentity({ pipelineAccount: props.pipelineAccount, region: props.region, name: 'wordpress' });
  const testTarget = new DeploymentTarget(app, 'WordPressTestTarget', {
    identity, account: props.testAccount, executionStatements: wordpressStatements(props.region),
  });
  const prodTarget = new DeploymentTarget(app, 'WordPressProdTarget', {
    identity, account: props.prodAccount, executionStatements: wordpressStatements(props.region),
  });
  for (const target of [testTarget, prodTarget]) acknowledgeWordPressStatements(target);

  const pipelineStack = new Stack(app, 'WordPressPipeline', {
    env: { account: props.pipelineAccount, region: props.region },
    description: 'The WordPress release pipeline: test stack, then a reviewed change set in production',
  });
  const store = new CrossAccountArtifactStore(pipelineStack, 'Artifacts', { identity, targets: [testTarget, prodTarget] });
  const sourceBucket = new s3.Bucket(pipelineStack, 'SourceBucket', {
    versioned: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    enforceSSL: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  sendAccessLogs(sourceBucket, store.accessLogsBucket, 'source/');

  const topic = new sns.Topic(pipelineStack, 'ApprovalTopic', {
    displayName: 'WordPress release approvals',
    // The pipeline role publishes from this account, which the AWS managed SNS key allows.
    masterKey: kms.Alias.fromAliasName(pipelineStack, 'SnsManagedKey', 'alias/aws/sns'),
    enforceSSL: true,
  });
  topic.addSubscription(new subscriptions.EmailSubscription(props.approvalEmail ?? 'release-approvers@example.com'));

  const release = new ReleasePipeline(pipelineStack, 'Release', {
    pipelineName: 'wordpress-release',
    artifactStore: store,
    source: ReleaseSource.s3({ bucket: sourceBucket, key: WALKTHROUGH_SOURCE_KEY }),
    stages: [
      new TestStackStage({
        target: testTarget,
        stackName: 'Test-MyWordPressSite',
        templatePath: 'wordpress.yaml',
        templateConfiguration: 'test-stack-configuration.json',
        approval: { topic },
      }),
      new ChangeSetStage({
        target: prodTarget,
        stackName: 'Prod-MyWordPressSite',
        changeSetName: 'UpdatePreview-MyWordPressSite',
        templatePath: 'wordpress.yaml',
        templateConfiguration: 'prod-stack-configuration.json',
        approval: { topic },
      }),
    ],
  });
  return { pipelineStack, testTarget, prodTarget, release, sourceBucket };
}

/** What CloudFormation needs to create, update and delete the WordPress stack (see source/wordpress.yaml). */
function wordpressStatements(region: string): iam.PolicyStatement[] {
  return [
    new iam.PolicyStatement({
      actions: [
        'ec2:RunInstances', 'ec2:TerminateInstances', 'ec2:StartInstances', 'ec2:StopInstances',
        'ec2:ModifyInstanceAttribute', 'ec2:CreateSecurityGroup', 'ec2:DeleteSecurityGroup',
        'ec2:AuthorizeSecurityGroupIngress', 'ec2:RevokeSecurityGroupIngress', 'ec2:CreateTags', 'ec2:DeleteTags',
        'ec2:DescribeInstances', 'ec2:DescribeSecurityGroups', 'ec2:DescribeImages', 'ec2:DescribeKeyPairs',
        'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeAccountAttributes',
      ],
      resources: ['*'],
      conditions: { StringEquals: { 'aws:RequestedRegion': region } },
    }),
    new iam.PolicyStatement({
      actions: ['ssm:GetParameters'],
      resources: [`arn:aws:ssm:${region}::parameter/aws/service/ami-amazon-linux-latest/*`],
    }),
  ];
}

function acknowledgeWordPressStatements(target: DeploymentTarget): void {
  const role = target.node.findChild('ExecutionRole');
  Validations.of(role).acknowledge(
    {
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'EC2 instance and security group IDs are generated when CloudFormation creates them, and RunInstances also touches the AMI, subnet, network interface and volume; the statement is limited to the EC2 calls the WordPress template needs, in the pipeline region (aws:RequestedRegion).',
    },
    {
      id: `AwsSolutions-IAM5[Resource::arn:aws:ssm:${target.region}::parameter/aws/service/ami-amazon-linux-latest/*]`,
      reason: 'The public Amazon Linux AMI parameters only, which the template\'s ImageId parameter type resolves.',
    },
  );
}
