import * as fs from 'fs';
import { ChangeInput } from '../../../lib/review/change-set-review';
import { bucketPolicyModified, databaseReplaced, nestedStackModified, queueRemoved, roleAdded } from '../../review/change-set-fixtures';
import { AwsJsonServer } from './aws-json-server';
import { AwsQueryServer } from './aws-query-server';
import { cliEnv, makeAwsHome } from './cli-env';
import { FakeAws, FakeAction } from './fake-aws';
import { FakeCloudFormation } from './fake-cloudformation';

/**
 * The release pipeline `pipectl review` reads in the end-to-end tests and the README's measurement,
 * of the identity `release` in us-east-1 (its roles in eu-west-1 end in `-eu-west-1`): ProdStage is
 * a wave of two change sets (one in the pipeline's account, none to make; one in a production
 * account in eu-west-1, five changes) with a pending approval; BigStage has one change set of 500
 * changes. CodePipeline answers on one loopback endpoint, CloudFormation and STS on another.
 */
export const PIPELINE_ACCOUNT = '111111111111';
export const PROD_ACCOUNT = '333333333333';
export const PROD_DEPLOY_ROLE = `arn:aws:iam::${PROD_ACCOUNT}:role/release-deploy-action-eu-west-1`;
export const REVIEW_ROLE = `arn:aws:iam::${PROD_ACCOUNT}:role/release-review-eu-west-1`;
export const TOKEN = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
/** cli-env's caller key: the pipeline account's own credentials. */
export const CALLER_KEY = 'AKIDE2ETEST';

/** `n` changes of a large release: new functions and their roles, modified tables, removed queues. */
export function manyChanges(n: number): ChangeInput[] {
  return Array.from({ length: n }, (_, i) => {
    const kind = i % 4;
    if (kind === 0) return { Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: `Handler${i}`, ResourceType: 'AWS::Lambda::Function', Scope: [], Details: [] } };
    if (kind === 1) return { Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: `Handler${i - 1}Role`, ResourceType: 'AWS::IAM::Role', Scope: [], Details: [] } };
    if (kind === 2) {
      return {
        Type: 'Resource',
        ResourceChange: {
          Action: 'Modify',
          LogicalResourceId: `Table${i}`,
          PhysicalResourceId: `app-big-Table${i}-1A2B3C`,
          ResourceType: 'AWS::DynamoDB::Table',
          Replacement: 'False',
          Scope: ['Properties'],
          Details: [{ Target: { Attribute: 'Properties', Name: 'BillingMode', RequiresRecreation: 'Never' }, Evaluation: 'Static', ChangeSource: 'DirectModification' }],
        },
      };
    }
    return { Type: 'Resource', ResourceChange: { Action: 'Remove', LogicalResourceId: `Queue${i}`, PhysicalResourceId: `https://sqs.eu-west-1.amazonaws.com/${PROD_ACCOUNT}/Queue${i}`, ResourceType: 'AWS::SQS::Queue', PolicyAction: 'Delete', Scope: [], Details: [] } };
  });
}

const cfnAction = (name: string, mode: string, stack: string, extra: Partial<FakeAction> = {}): FakeAction => ({
  name,
  configuration: { ActionMode: mode, StackName: stack, ChangeSetName: 'release' },
  ...extra,
});

export interface ReviewWorld {
  readonly codepipeline: AwsJsonServer;
  readonly query: AwsQueryServer;
  /** The environment of a pipectl run against both endpoints. */
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export async function startReviewWorld(): Promise<ReviewWorld> {
  const home = makeAwsHome();
  const prod = { roleArn: PROD_DEPLOY_ROLE, region: 'eu-west-1' };
  const wave = (stageName: string, stacks: [string, Partial<FakeAction>][], approval: FakeAction): { name: string; status: 'InProgress'; actions: FakeAction[] } => ({
    name: stageName,
    status: 'InProgress',
    actions: [
      ...stacks.map(([stack, extra]) => cfnAction(`Create-${stack}`, 'CHANGE_SET_REPLACE', stack, { ...extra, status: 'Succeeded' })),
      { ...approval, type: { category: 'Approval', provider: 'Manual' }, runOrder: 2 },
      ...stacks.map(([stack, extra]) => cfnAction(`Execute-${stack}`, 'CHANGE_SET_EXECUTE', stack, { ...extra, runOrder: 3 })),
    ],
  });
  const fake = new FakeAws().add({
    name: 'Release',
    account: PIPELINE_ACCOUNT,
    region: 'us-east-1',
    version: 4,
    executions: [],
    stages: [
      { name: 'Source', actions: [{ name: 'Source', type: { category: 'Source', provider: 'S3' }, configuration: { S3Bucket: 'release-source', S3ObjectKey: 'app.zip' } }] },
      wave('ProdStage', [['app-tools', {}], ['app-prod', prod]], { name: 'ApproveChangeSets', status: 'InProgress', token: TOKEN }),
      wave('BigStage', [['app-big', prod]], { name: 'ApproveBig' }),
    ],
  });
  const cloudFormation = new FakeCloudFormation(CALLER_KEY, PIPELINE_ACCOUNT, 100)
    .add({
      account: PIPELINE_ACCOUNT,
      region: 'us-east-1',
      stackName: 'app-tools',
      changeSetName: 'release',
      status: 'FAILED',
      executionStatus: 'UNAVAILABLE',
      statusReason: "The submitted information didn't contain changes. Submit different information to create a change set.",
      changes: [],
    })
    .add({
      account: PROD_ACCOUNT,
      region: 'eu-west-1',
      stackName: 'app-prod',
      changeSetName: 'release',
      status: 'CREATE_COMPLETE',
      executionStatus: 'AVAILABLE',
      changes: [databaseReplaced, roleAdded, bucketPolicyModified, queueRemoved, nestedStackModified],
    })
    .add({ account: PROD_ACCOUNT, region: 'eu-west-1', stackName: 'app-big', changeSetName: 'release', status: 'CREATE_COMPLETE', executionStatus: 'AVAILABLE', changes: manyChanges(500) });
  cloudFormation.roles.add(REVIEW_ROLE);
  const codepipeline = new AwsJsonServer(fake.handlers());
  const query: AwsQueryServer = new AwsQueryServer(cloudFormation.services(() => query.requests[query.requests.length - 1]));
  const [jsonEndpoint, queryEndpoint] = await Promise.all([codepipeline.listen(), query.listen()]);
  // One endpoint per protocol, as the SDK's per-service endpoint variables allow.
  const env = cliEnv(home, jsonEndpoint, { AWS_ENDPOINT_URL_CLOUDFORMATION: queryEndpoint, AWS_ENDPOINT_URL_STS: queryEndpoint });
  return {
    codepipeline,
    query,
    env,
    close: async () => {
      await Promise.all([codepipeline.close(), query.close()]);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
