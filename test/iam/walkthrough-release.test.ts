import { App, Stack } from 'aws-cdk-lib';
import { walkthroughExample } from '../../examples/walkthrough';
import { Decision, Request, evaluate } from './evaluate';
import { PolicyWorld } from './policy-world';

/**
 * One release of the walkthrough (S3 source → TestStage in the test account → ProdStage change set in
 * the production account), every runtime call evaluated by an independent IAM evaluator against the
 * policies the app deploys: the caller's identity policies and the resource's policy, both sides
 * across accounts.
 */
const P = '111111111111';
const TEST = '222222222222';
const PROD = '333333333333';
const REGION = 'us-east-1';

const app = new App();
const example = walkthroughExample(app, { pipelineAccount: P, testAccount: TEST, prodAccount: PROD, region: REGION });
const world = PolicyWorld.fromApp(app);
const pipelineStack: Stack = example.pipelineStack;

const pipelineSession = `arn:aws:sts::${P}:assumed-role/wordpress-pipeline/1700000000000`;
const actionSession = (account: string) => `arn:aws:sts::${account}:assumed-role/wordpress-deploy-action/1700000000000`;
const actionRole = (account: string) => `arn:aws:iam::${account}:role/wordpress-deploy-action`;
const executionRole = (account: string) => `arn:aws:iam::${account}:role/wordpress-cfn-execution`;
const stack = (account: string, name: string) => `arn:aws:cloudformation:${REGION}:${account}:stack/${name}/5b1a2c40-0e1f-11ef-9d0e-0a1b2c3d4e5f`;
const artifactBucket = `wordpress-artifacts-${P}-${REGION}`;
const artifact = `arn:aws:s3:::${artifactBucket}/wordpress-release/TemplateSo/Xy12AbC`;
const sourceBucket: string = world.valueOf(pipelineStack.stackName, pipelineStack.resolve(example.sourceBucket.bucketName));
const sourceObject = `arn:aws:s3:::${sourceBucket}/wordpress.zip`;
const key = world.keyByAlias(P, REGION, 'alias/wordpress-artifacts').arn;
const topic: string = world.valueOf(pipelineStack.stackName, { Ref: pipelineStack.getLogicalId(pipelineStack.node.findChild('ApprovalTopic').node.defaultChild as any) });
/** What S3 sends to KMS when it decrypts or encrypts an artifact for a caller. */
const viaS3 = (region = REGION) => ({ 'kms:ViaService': `s3.${region}.amazonaws.com`, 'kms:EncryptionContext:aws:s3:arn': `arn:aws:s3:::${artifactBucket}` });
const cfn = (account: string, changeSetName?: string) => ({
  'cloudformation:RoleArn': executionRole(account),
  ...(changeSetName ? { 'cloudformation:ChangeSetName': changeSetName } : {}),
});

/** Every call one release makes, in order, by whom, and on what. */
const RELEASE: Array<[string, Request]> = [
  // Source stage: the pipeline role reads the uploaded zip and stores it as the source artifact.
  ['pipeline role reads the source object', { principal: pipelineSession, action: 's3:GetObject', resource: sourceObject }],
  ['pipeline role reads the source object version', { principal: pipelineSession, action: 's3:GetObjectVersion', resource: sourceObject }],
  ['pipeline role writes the source artifact', { principal: pipelineSession, action: 's3:PutObject', resource: artifact }],
  ['pipeline role encrypts it with the artifact key (through S3)', { principal: pipelineSession, action: 'kms:GenerateDataKey', resource: key, context: viaS3() }],
  // TestStage: CreateStack (REPLACE_ON_FAILURE) as the test account's action role.
  ['pipeline role assumes the test action role', { principal: pipelineSession, action: 'sts:AssumeRole', resource: actionRole(TEST) }],
  ['test action role reads the template artifact', { principal: actionSession(TEST), action: 's3:GetObject', resource: artifact }],
  ['test action role decrypts it (through S3)', { principal: actionSession(TEST), action: 'kms:Decrypt', resource: key, context: viaS3() }],
  ['test action role describes the test stack', { principal: actionSession(TEST), action: 'cloudformation:DescribeStacks', resource: stack(TEST, 'Test-MyWordPressSite') }],
  ['test action role passes the execution role to CloudFormation', { principal: actionSession(TEST), action: 'iam:PassRole', resource: executionRole(TEST), context: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } }],
  ['test action role creates the test stack', { principal: actionSession(TEST), action: 'cloudformation:CreateStack', resource: stack(TEST, 'Test-MyWordPressSite'), context: cfn(TEST) }],
  ['test action role updates the test stack', { principal: actionSession(TEST), action: 'cloudformation:UpdateStack', resource: stack(TEST, 'Test-MyWordPressSite'), context: cfn(TEST) }],
  ['test action role follows the stack events', { principal: actionSession(TEST), action: 'cloudformation:DescribeStackEvents', resource: stack(TEST, 'Test-MyWordPressSite') }],
  ['CloudFormation assumes the test execution role', { principal: 'cloudformation.amazonaws.com', action: 'sts:AssumeRole', resource: executionRole(TEST) }],
  // ApproveTestStack: the pipeline role notifies the reviewers.
  ['pipeline role publishes the approval request', { principal: pipelineSession, action: 'sns:Publish', resource: topic }],
  // DeleteTestStack (DELETE_ONLY).
  ['test action role deletes the test stack', { principal: actionSession(TEST), action: 'cloudformation:DeleteStack', resource: stack(TEST, 'Test-MyWordPressSite'), context: cfn(TEST) }],
  // ProdStage: CreateChangeSet, ApproveChangeSet, ExecuteChangeSet as the production action role.
  ['pipeline role assumes the production action role', { principal: pipelineSession, action: 'sts:AssumeRole', resource: actionRole(PROD) }],
  ['production action role reads the template artifact', { principal: actionSession(PROD), action: 's3:GetObject', resource: artifact }],
  ['production action role decrypts it (through S3)', { principal: actionSession(PROD), action: 'kms:Decrypt', resource: key, context: viaS3() }],
  ['production action role describes the production stack', { principal: actionSession(PROD), action: 'cloudformation:DescribeStacks', resource: stack(PROD, 'Prod-MyWordPressSite') }],
  ['production action role passes the execution role to CloudFormation', { principal: actionSession(PROD), action: 'iam:PassRole', resource: executionRole(PROD), context: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } }],
  ['production action role deletes a stale change set', { principal: actionSession(PROD), action: 'cloudformation:DeleteChangeSet', resource: stack(PROD, 'Prod-MyWordPressSite'), context: { 'cloudformation:ChangeSetName': 'UpdatePreview-MyWordPressSite' } }],
  ['production action role creates the change set', { principal: actionSession(PROD), action: 'cloudformation:CreateChangeSet', resource: stack(PROD, 'Prod-MyWordPressSite'), context: cfn(PROD, 'UpdatePreview-MyWordPressSite') }],
  ['production action role describes the change set', { principal: actionSession(PROD), action: 'cloudformation:DescribeChangeSet', resource: stack(PROD, 'Prod-MyWordPressSite'), context: { 'cloudformation:ChangeSetName': 'UpdatePreview-MyWordPressSite' } }],
  ['pipeline role publishes the change set approval request', { principal: pipelineSession, action: 'sns:Publish', resource: topic }],
  ['production action role executes the change set', { principal: actionSession(PROD), action: 'cloudformation:ExecuteChangeSet', resource: stack(PROD, 'Prod-MyWordPressSite'), context: { 'cloudformation:ChangeSetName': 'UpdatePreview-MyWordPressSite' } }],
  ['CloudFormation assumes the production execution role', { principal: 'cloudformation.amazonaws.com', action: 'sts:AssumeRole', resource: executionRole(PROD) }],
];

const administrator = [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }];

/** What must fail, and the decision IAM reaches for it. */
const REFUSED: Array<[string, Request, Decision]> = [
  ['test action role creates another stack', { principal: actionSession(TEST), action: 'cloudformation:CreateStack', resource: stack(TEST, 'Other-Stack'), context: cfn(TEST) }, 'ImplicitlyDenied'],
  ['test action role deploys the production stack in the production account', { principal: actionSession(TEST), action: 'cloudformation:CreateStack', resource: stack(PROD, 'Prod-MyWordPressSite'), context: cfn(PROD) }, 'ImplicitlyDenied'],
  ['test action role creates a change set on the test stack (it deploys directly)', { principal: actionSession(TEST), action: 'cloudformation:CreateChangeSet', resource: stack(TEST, 'Test-MyWordPressSite'), context: cfn(TEST, 'UpdatePreview-MyWordPressSite') }, 'ImplicitlyDenied'],
  ['production action role creates a change set of another name', { principal: actionSession(PROD), action: 'cloudformation:CreateChangeSet', resource: stack(PROD, 'Prod-MyWordPressSite'), context: cfn(PROD, 'Other-ChangeSet') }, 'ImplicitlyDenied'],
  ['production action role executes a change set of another name', { principal: actionSession(PROD), action: 'cloudformation:ExecuteChangeSet', resource: stack(PROD, 'Prod-MyWordPressSite'), context: { 'cloudformation:ChangeSetName': 'Other-ChangeSet' } }, 'ImplicitlyDenied'],
  ['production action role updates the production stack directly', { principal: actionSession(PROD), action: 'cloudformation:UpdateStack', resource: stack(PROD, 'Prod-MyWordPressSite'), context: cfn(PROD) }, 'ImplicitlyDenied'],
  ['production action role deletes the production stack', { principal: actionSession(PROD), action: 'cloudformation:DeleteStack', resource: stack(PROD, 'Prod-MyWordPressSite'), context: cfn(PROD) }, 'ImplicitlyDenied'],
  ['production action role passes the test account\'s execution role', { principal: actionSession(PROD), action: 'iam:PassRole', resource: executionRole(TEST), context: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } }, 'ImplicitlyDenied'],
  ['test action role passes its execution role to Lambda', { principal: actionSession(TEST), action: 'iam:PassRole', resource: executionRole(TEST), context: { 'iam:PassedToService': 'lambda.amazonaws.com' } }, 'ImplicitlyDenied'],
  ['test action role decrypts with the artifact key directly, not through S3', { principal: actionSession(TEST), action: 'kms:Decrypt', resource: key }, 'ImplicitlyDenied'],
  ['test action role decrypts through S3 of another region', { principal: actionSession(TEST), action: 'kms:Decrypt', resource: key, context: viaS3('eu-west-1') }, 'ImplicitlyDenied'],
  ['test action role encrypts with the artifact key (it writes no artifacts)', { principal: actionSession(TEST), action: 'kms:GenerateDataKey', resource: key, context: viaS3() }, 'ImplicitlyDenied'],
  ['test action role writes into the artifact bucket', { principal: actionSession(TEST), action: 's3:PutObject', resource: artifact }, 'ImplicitlyDenied'],
  ['test action role reads the source bucket', { principal: actionSession(TEST), action: 's3:GetObject', resource: sourceObject }, 'ImplicitlyDenied'],
  ['pipeline role assumes the production execution role', { principal: pipelineSession, action: 'sts:AssumeRole', resource: executionRole(PROD) }, 'ImplicitlyDenied'],
  ['an administrator role of the pipeline account assumes the production action role', { principal: `arn:aws:iam::${P}:role/Admin`, action: 'sts:AssumeRole', resource: actionRole(PROD), identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['an administrator role of the test account reads the artifacts', { principal: `arn:aws:iam::${TEST}:role/Admin`, action: 's3:GetObject', resource: artifact, identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['an administrator role of the test account decrypts through S3', { principal: `arn:aws:iam::${TEST}:role/Admin`, action: 'kms:Decrypt', resource: key, context: viaS3(), identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['Lambda assumes the production execution role', { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: executionRole(PROD) }, 'ImplicitlyDenied'],
  ['pipeline role reads an artifact without TLS', { principal: pipelineSession, action: 's3:GetObject', resource: artifact, context: { 'aws:SecureTransport': 'false' } }, 'ExplicitlyDenied'],
];

describe('one walkthrough release under IAM evaluation', () => {
  test.each(RELEASE)('allowed: %s', async (_what, request) => {
    const { decision, reasons } = await evaluate(world, request);
    expect({ decision, reasons }).toEqual({ decision: 'Allowed', reasons: '' });
  });

  test.each(REFUSED)('refused: %s', async (_what, request, expected) => {
    expect((await evaluate(world, request)).decision).toBe(expected);
  });

  test('the release table assumes exactly the roles the pipeline\'s actions run as', () => {
    const template = world.stacks.find((s) => s.stackName === pipelineStack.stackName)!.template;
    const [pipeline] = Object.values(template.Resources!).filter((r) => r.Type === 'AWS::CodePipeline::Pipeline');
    const stages = world.valueOf(pipelineStack.stackName, pipeline.Properties!.Stages) as Array<{ Actions: Array<{ RoleArn?: string }> }>;
    const actionRoles = new Set(stages.flatMap((s) => s.Actions.map((a) => a.RoleArn)).filter((arn) => arn !== undefined));
    const assumed = new Set(RELEASE.filter(([, r]) => r.action === 'sts:AssumeRole' && r.principal === pipelineSession).map(([, r]) => r.resource));
    expect([...actionRoles].sort()).toEqual([...assumed].sort());
  });
});
