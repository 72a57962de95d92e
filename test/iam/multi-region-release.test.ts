import { App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MULTI_REGION_SOURCE_KEY, multiRegionExample } from '../../examples/multi-region';
import { Decision, Request, evaluate } from './evaluate';
import { PolicyWorld } from './policy-world';

/**
 * One release of the multi-region example (pipeline account in us-east-1; a lint check and staging
 * in us-east-1; production in us-east-1 and eu-west-1 as one wave), every runtime call evaluated by an
 * independent IAM evaluator against the policies the app deploys, both sides across accounts and
 * regions.
 */
const P = '111111111111';
const STAGING = '222222222222';
const PROD = '333333333333';
const EAST = 'us-east-1';
const WEST = 'eu-west-1';

const app = new App();
const example = multiRegionExample(app, { pipelineAccount: P, testAccount: STAGING, prodAccount: PROD, region: EAST, secondRegion: WEST });
const world = PolicyWorld.fromApp(app);
const pipelineStack = example.pipelineStack;
const commandsRole: string = world.valueOf(pipelineStack.stackName,
  pipelineStack.resolve((example.release.node.findChild('Staging-LintTemplate-CommandsRole') as iam.IRole).roleArn));
const commandsSession = commandsRole.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/') + '/1700000000000';

const pipelineSession = `arn:aws:sts::${P}:assumed-role/inventory-pipeline/1700000000000`;
/** Role names: the pipeline region's as they always were, `-<region>` for every other region. */
const suffix = (region: string) => (region === EAST ? '' : `-${region}`);
const actionRole = (account: string, region: string) => `arn:aws:iam::${account}:role/inventory-deploy-action${suffix(region)}`;
const actionSession = (account: string, region: string) => `arn:aws:sts::${account}:assumed-role/inventory-deploy-action${suffix(region)}/1700000000000`;
const executionRole = (account: string, region: string) => `arn:aws:iam::${account}:role/inventory-cfn-execution${suffix(region)}`;
const stack = (account: string, region: string, name = 'inventory') => `arn:aws:cloudformation:${region}:${account}:stack/${name}/5b1a2c40-0e1f-11ef-9d0e-0a1b2c3d4e5f`;
const bucketName = (region: string) => `inventory-artifacts-${P}-${region}`;
const artifact = (region: string) => `arn:aws:s3:::${bucketName(region)}/inventory-release/Source/Xy12AbC`;
const key = (region: string) => world.keyByAlias(P, region, 'alias/inventory-artifacts').arn;
const keyAlias = (region: string) => `arn:aws:kms:${region}:${P}:alias/inventory-artifacts`;
const sourceObject = `arn:aws:s3:::${world.valueOf(pipelineStack.stackName, pipelineStack.resolve(example.sourceBucket.bucketName))}/${MULTI_REGION_SOURCE_KEY}`;
/** What S3 in `region` sends to KMS when it encrypts or decrypts an object of `bucket` for a caller. */
const viaS3 = (region: string, bucketRegion = region) => ({ 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': `arn:aws:s3:::${bucketName(bucketRegion)}` });
const passToCloudFormation = { 'iam:PassedToService': 'cloudformation.amazonaws.com' };
const changeSet = (account: string, region: string, name = 'inventory-release') => ({ 'cloudformation:ChangeSetName': name, 'cloudformation:RoleArn': executionRole(account, region) });

/** The calls of one target's change set: create (after the pipeline role assumed the action role), then execute. */
function changeSetCalls(who: string, account: string, region: string): Array<[string, Request]> {
  const session = actionSession(account, region);
  return [
    [`pipeline role assumes the ${who} action role`, { principal: pipelineSession, action: 'sts:AssumeRole', resource: actionRole(account, region), region }],
    [`${who} action role reads the template from its region's store`, { principal: session, action: 's3:GetObject', resource: artifact(region) }],
    [`${who} action role decrypts it with its region's key (through S3)`, { principal: session, action: 'kms:Decrypt', resource: key(region), context: viaS3(region) }],
    [`${who} action role passes its execution role to CloudFormation`, { principal: session, action: 'iam:PassRole', resource: executionRole(account, region), region, context: passToCloudFormation }],
    [`${who} action role describes its stack`, { principal: session, action: 'cloudformation:DescribeStacks', resource: stack(account, region) }],
    [`${who} action role creates the change set`, { principal: session, action: 'cloudformation:CreateChangeSet', resource: stack(account, region), context: changeSet(account, region) }],
    [`${who} action role describes the change set`, { principal: session, action: 'cloudformation:DescribeChangeSet', resource: stack(account, region), context: { 'cloudformation:ChangeSetName': 'inventory-release' } }],
    [`CloudFormation assumes the ${who} execution role`, { principal: 'cloudformation.amazonaws.com', action: 'sts:AssumeRole', resource: executionRole(account, region), region }],
    [`${who} action role executes the change set`, { principal: session, action: 'cloudformation:ExecuteChangeSet', resource: stack(account, region), context: { 'cloudformation:ChangeSetName': 'inventory-release' } }],
  ];
}

/** Every call one release makes, by whom, on what, in which region. */
const RELEASE: Array<[string, Request]> = [
  // Source: the pipeline role reads the zip and stores it in the pipeline region's store.
  ['pipeline role reads the source object', { principal: pipelineSession, action: 's3:GetObject', resource: sourceObject }],
  ['pipeline role writes the source artifact in us-east-1', { principal: pipelineSession, action: 's3:PutObject', resource: artifact(EAST) }],
  ['pipeline role encrypts it with the us-east-1 key (through S3)', { principal: pipelineSession, action: 'kms:GenerateDataKey', resource: key(EAST), context: viaS3(EAST) }],
  // Before an action runs in eu-west-1, CodePipeline copies its input artifact there as the pipeline role.
  ['pipeline role reads the artifact in us-east-1 to copy it', { principal: pipelineSession, action: 's3:GetObject', resource: artifact(EAST) }],
  ['pipeline role decrypts it with the us-east-1 key (through S3)', { principal: pipelineSession, action: 'kms:Decrypt', resource: key(EAST), context: viaS3(EAST) }],
  ['pipeline role writes the copy into the eu-west-1 store', { principal: pipelineSession, action: 's3:PutObject', resource: artifact(WEST) }],
  ['pipeline role encrypts the copy with the eu-west-1 key, named by alias (through S3)', { principal: pipelineSession, action: 'kms:GenerateDataKey', resource: keyAlias(WEST), context: viaS3(WEST) }],
  // Staging: the lint check runs as its Commands role, then the stack is deployed directly, then approved.
  ['pipeline role assumes the lint check\'s Commands role', { principal: pipelineSession, action: 'sts:AssumeRole', resource: commandsRole, region: EAST }],
  ['Commands role reads the source artifact', { principal: commandsSession, action: 's3:GetObject', resource: artifact(EAST) }],
  ['Commands role decrypts it (through S3)', { principal: commandsSession, action: 'kms:Decrypt', resource: key(EAST), context: viaS3(EAST) }],
  ['Commands role writes its log', { principal: commandsSession, action: 'logs:PutLogEvents', resource: `arn:aws:logs:${EAST}:${P}:log-group:/aws/codepipeline/inventory-release:log-stream:LintTemplate-1` }],
  ['pipeline role assumes the staging action role', { principal: pipelineSession, action: 'sts:AssumeRole', resource: actionRole(STAGING, EAST), region: EAST }],
  ['staging action role reads the template', { principal: actionSession(STAGING, EAST), action: 's3:GetObject', resource: artifact(EAST) }],
  ['staging action role decrypts it (through S3)', { principal: actionSession(STAGING, EAST), action: 'kms:Decrypt', resource: key(EAST), context: viaS3(EAST) }],
  ['staging action role passes its execution role to CloudFormation', { principal: actionSession(STAGING, EAST), action: 'iam:PassRole', resource: executionRole(STAGING, EAST), context: passToCloudFormation }],
  ['staging action role describes the staging stack', { principal: actionSession(STAGING, EAST), action: 'cloudformation:DescribeStacks', resource: stack(STAGING, EAST, 'inventory-staging') }],
  ['staging action role creates the staging stack', { principal: actionSession(STAGING, EAST), action: 'cloudformation:CreateStack', resource: stack(STAGING, EAST, 'inventory-staging'), context: { 'cloudformation:RoleArn': executionRole(STAGING, EAST) } }],
  ['staging action role updates the staging stack', { principal: actionSession(STAGING, EAST), action: 'cloudformation:UpdateStack', resource: stack(STAGING, EAST, 'inventory-staging'), context: { 'cloudformation:RoleArn': executionRole(STAGING, EAST) } }],
  ['CloudFormation assumes the staging execution role', { principal: 'cloudformation.amazonaws.com', action: 'sts:AssumeRole', resource: executionRole(STAGING, EAST), region: EAST }],
  ...changeSetCalls('production us-east-1', PROD, EAST),
  ...changeSetCalls('production eu-west-1', PROD, WEST),
];

const administrator = [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }];

/** What must fail, and the decision IAM reaches for it. */
const REFUSED: Array<[string, Request, Decision]> = [
  ['eu-west-1 action role reads the us-east-1 store', { principal: actionSession(PROD, WEST), action: 's3:GetObject', resource: artifact(EAST) }, 'ImplicitlyDenied'],
  ['us-east-1 action role reads the eu-west-1 store', { principal: actionSession(PROD, EAST), action: 's3:GetObject', resource: artifact(WEST) }, 'ImplicitlyDenied'],
  ['staging action role reads the eu-west-1 store', { principal: actionSession(STAGING, EAST), action: 's3:GetObject', resource: artifact(WEST) }, 'ImplicitlyDenied'],
  ['Commands role reads the eu-west-1 store', { principal: commandsSession, action: 's3:GetObject', resource: artifact(WEST) }, 'ImplicitlyDenied'],
  ['staging action role deploys the production stack', { principal: actionSession(STAGING, EAST), action: 'cloudformation:CreateStack', resource: stack(PROD, EAST), context: { 'cloudformation:RoleArn': executionRole(PROD, EAST) } }, 'ImplicitlyDenied'],
  ['eu-west-1 action role decrypts with the us-east-1 key (through S3 there)', { principal: actionSession(PROD, WEST), action: 'kms:Decrypt', resource: key(EAST), context: viaS3(EAST) }, 'ImplicitlyDenied'],
  ['us-east-1 action role decrypts with the eu-west-1 key (through S3 there)', { principal: actionSession(PROD, EAST), action: 'kms:Decrypt', resource: key(WEST), context: viaS3(WEST) }, 'ImplicitlyDenied'],
  ['eu-west-1 action role decrypts with its key directly, not through S3', { principal: actionSession(PROD, WEST), action: 'kms:Decrypt', resource: key(WEST) }, 'ImplicitlyDenied'],
  ['eu-west-1 action role creates the change set in us-east-1', { principal: actionSession(PROD, WEST), action: 'cloudformation:CreateChangeSet', resource: stack(PROD, EAST), context: changeSet(PROD, EAST) }, 'ImplicitlyDenied'],
  ['us-east-1 action role creates the change set in eu-west-1', { principal: actionSession(PROD, EAST), action: 'cloudformation:CreateChangeSet', resource: stack(PROD, WEST), context: changeSet(PROD, WEST) }, 'ImplicitlyDenied'],
  ['us-east-1 action role executes the change set in ap-southeast-2, where no target was made', { principal: actionSession(PROD, EAST), action: 'cloudformation:ExecuteChangeSet', resource: stack(PROD, 'ap-southeast-2'), context: { 'cloudformation:ChangeSetName': 'inventory-release' } }, 'ImplicitlyDenied'],
  ['staging action role creates the staging stack in eu-west-1 (staging has no target there)', { principal: actionSession(STAGING, EAST), action: 'cloudformation:CreateStack', resource: stack(STAGING, WEST, 'inventory-staging'), context: { 'cloudformation:RoleArn': executionRole(STAGING, EAST) } }, 'ImplicitlyDenied'],
  ['eu-west-1 action role creates a change set of another name', { principal: actionSession(PROD, WEST), action: 'cloudformation:CreateChangeSet', resource: stack(PROD, WEST), context: changeSet(PROD, WEST, 'other') }, 'ImplicitlyDenied'],
  ['eu-west-1 action role creates a change set on another stack', { principal: actionSession(PROD, WEST), action: 'cloudformation:CreateChangeSet', resource: stack(PROD, WEST, 'billing'), context: changeSet(PROD, WEST) }, 'ImplicitlyDenied'],
  ['eu-west-1 action role passes the us-east-1 execution role', { principal: actionSession(PROD, WEST), action: 'iam:PassRole', resource: executionRole(PROD, EAST), context: passToCloudFormation }, 'ImplicitlyDenied'],
  ['eu-west-1 action role passes its execution role to Lambda', { principal: actionSession(PROD, WEST), action: 'iam:PassRole', resource: executionRole(PROD, WEST), context: { 'iam:PassedToService': 'lambda.amazonaws.com' } }, 'ImplicitlyDenied'],
  ['pipeline role assumes an execution role', { principal: pipelineSession, action: 'sts:AssumeRole', resource: executionRole(PROD, WEST) }, 'ImplicitlyDenied'],
  ['an administrator role of the pipeline account assumes the eu-west-1 action role', { principal: `arn:aws:iam::${P}:role/Admin`, action: 'sts:AssumeRole', resource: actionRole(PROD, WEST), identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['an administrator role of the production account reads the eu-west-1 store', { principal: `arn:aws:iam::${PROD}:role/Admin`, action: 's3:GetObject', resource: artifact(WEST), identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['an administrator role of the production account decrypts with the eu-west-1 key through S3', { principal: `arn:aws:iam::${PROD}:role/Admin`, action: 'kms:Decrypt', resource: key(WEST), context: viaS3(WEST), identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['eu-west-1 action role writes into its store (it writes no artifacts)', { principal: actionSession(PROD, WEST), action: 's3:PutObject', resource: artifact(WEST) }, 'ImplicitlyDenied'],
  ['pipeline role reads the eu-west-1 store without TLS', { principal: pipelineSession, action: 's3:GetObject', resource: artifact(WEST), context: { 'aws:SecureTransport': 'false' } }, 'ExplicitlyDenied'],
];

describe('one multi-region release under IAM evaluation', () => {
  test.each(RELEASE)('allowed: %s', async (_what, request) => {
    const { decision, reasons } = await evaluate(world, request);
    expect({ decision, reasons }).toEqual({ decision: 'Allowed', reasons: '' });
  });

  test.each(REFUSED)('refused: %s', async (_what, request, expected) => {
    expect((await evaluate(world, request)).decision).toBe(expected);
  });

  test('the release table assumes exactly the roles the pipeline\'s actions run as, in their regions', () => {
    const template = world.stacks.find((s) => s.stackName === pipelineStack.stackName)!.template;
    const [pipeline] = Object.values(template.Resources!).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
    const stages = world.valueOf(pipelineStack.stackName, pipeline.Properties!.Stages) as Array<{ Actions: Array<{ RoleArn?: string; Region?: string }> }>;
    const used = new Set(stages.flatMap((s) => s.Actions).filter((a) => a.RoleArn !== undefined).map((a) => `${a.RoleArn} in ${a.Region ?? EAST}`));
    const assumed = new Set(RELEASE.filter(([, r]) => r.action === 'sts:AssumeRole' && r.principal === pipelineSession).map(([, r]) => `${r.resource} in ${r.region}`));
    expect([...used].sort()).toEqual([...assumed].sort());
  });

  test('each region\'s artifact store is the pipeline\'s store there', () => {
    const template = world.stacks.find((s) => s.stackName === pipelineStack.stackName)!.template;
    const [pipeline] = Object.values(template.Resources!).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
    const stores = world.valueOf(pipelineStack.stackName, pipeline.Properties!.ArtifactStores) as Array<{ Region: string; ArtifactStore: { Location: string; EncryptionKey: { Id: string } } }>;
    expect(stores.map((s) => ({ region: s.Region, bucket: s.ArtifactStore.Location, key: world.key(s.ArtifactStore.EncryptionKey.Id).arn })).sort((a, b) => a.region.localeCompare(b.region))).toEqual([
      { region: WEST, bucket: bucketName(WEST), key: key(WEST) },
      { region: EAST, bucket: bucketName(EAST), key: key(EAST) },
    ]);
  });
});
