import { App } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RegionalArtifactStore } from '../../lib/cross-account';
import { ChangeSetStage } from '../../lib/stages';
import { PROD, shopIdentity, shopPipeline, target } from '../release-pipeline/multi-region-fixture';
import { Decision, Request, evaluate } from './evaluate';
import { PolicyWorld } from './policy-world';

/**
 * The review of a two-region production wave under IAM evaluation: the review function's role
 * assumes each region's reviewer role, which reads that region's stack and change set; an approver
 * role in a fourth account granted review does the same, as `pipectl review` would. Everything else
 * a reviewer might try is refused.
 */
const P = '111111111111';
const APPROVERS = '444444444444';
const EAST = 'us-east-1';
const WEST = 'eu-west-1';

const app = new App();
const identity = shopIdentity();
const prodUs = target(app, 'ProdUsTarget', identity, PROD);
const prodEu = target(app, 'ProdEuTarget', identity, PROD, WEST);
prodUs.grantReview(`arn:aws:iam::${APPROVERS}:role/Release-Approvers`);
const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: WEST });
const { stack: pipelineStack, pipeline } = shopPipeline(app, identity, [
  new ChangeSetStage({ stageName: 'Prod', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', targets: [prodUs, prodEu], review: { failOn: ['data-loss'] } }),
], { regionalArtifactStores: [euStore] });
const world = PolicyWorld.fromApp(app);
const logGroupName = world.valueOf(pipelineStack.stackName, pipelineStack.resolve((pipeline.artifactStore!.node.findChild('ChangeSetReview').node.findChild('Logs') as logs.ILogGroup).logGroupName));

const suffix = (region: string) => (region === EAST ? '' : `-${region}`);
const reviewerRole = (region: string) => `arn:aws:iam::${PROD}:role/shop-review${suffix(region)}`;
const reviewerSession = (region: string) => `arn:aws:sts::${PROD}:assumed-role/shop-review${suffix(region)}/review-11111111-abcd-1111-abcd-111111111111`;
const functionRole = `arn:aws:iam::${P}:role/shop-change-set-review`;
const functionSession = `arn:aws:sts::${P}:assumed-role/shop-change-set-review/shop-change-set-review-fn`;
const approverSession = `arn:aws:sts::${APPROVERS}:assumed-role/Release-Approvers/alice`;
const stack = (region: string, name = 'shop') => `arn:aws:cloudformation:${region}:${PROD}:stack/${name}/5b1a2c40-0e1f-11ef-9d0e-0a1b2c3d4e5f`;
const named = (name: string) => ({ 'cloudformation:ChangeSetName': name });
/** The approvers' own account lets them assume the reviewer role: the other half of cross-account trust. */
const approverPolicies = [{ name: 'AssumeReviewer', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: reviewerRole(EAST) }] } }];
const administrator = [{ name: 'AdministratorAccess', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }];

function reads(who: string, session: string, region: string): Array<[string, Request]> {
  return [
    [`${who} describes the change set`, { principal: session, action: 'cloudformation:DescribeChangeSet', resource: stack(region), context: named('release') }],
    [`${who} describes the stack`, { principal: session, action: 'cloudformation:DescribeStacks', resource: stack(region) }],
    [`${who} reads the stack's template`, { principal: session, action: 'cloudformation:GetTemplate', resource: stack(region) }],
    [`${who} lists the stack's change sets`, { principal: session, action: 'cloudformation:ListChangeSets', resource: stack(region) }],
  ];
}

const REVIEW: Array<[string, Request]> = [
  ['Lambda assumes the review function\'s role', { principal: 'lambda.amazonaws.com', action: 'sts:AssumeRole', resource: functionRole, region: EAST }],
  ['the function assumes the us-east-1 reviewer role', { principal: functionSession, action: 'sts:AssumeRole', resource: reviewerRole(EAST), region: EAST }],
  ['the function assumes the eu-west-1 reviewer role', { principal: functionSession, action: 'sts:AssumeRole', resource: reviewerRole(WEST), region: EAST }],
  ...reads('the us-east-1 reviewer', reviewerSession(EAST), EAST),
  ...reads('the eu-west-1 reviewer', reviewerSession(WEST), WEST),
  ['the function writes its log', { principal: functionSession, action: 'logs:PutLogEvents', resource: `arn:aws:logs:${EAST}:${P}:log-group:${logGroupName}:log-stream:2026/05/06/[$LATEST]0a1b2c3d4e5f` }],
  ['the function reads its job from CodePipeline', { principal: functionSession, action: 'codepipeline:GetJobDetails', resource: '*', region: EAST }],
  ['the function reports the job\'s success', { principal: functionSession, action: 'codepipeline:PutJobSuccessResult', resource: '*', region: EAST }],
  ['the function reports the job\'s failure', { principal: functionSession, action: 'codepipeline:PutJobFailureResult', resource: '*', region: EAST }],
  ['an approver granted review assumes the us-east-1 reviewer role', { principal: approverSession, action: 'sts:AssumeRole', resource: reviewerRole(EAST), region: EAST, identityPolicies: approverPolicies }],
];

const REFUSED: Array<[string, Request, Decision]> = [
  ['the reviewer describes a change set of another name', { principal: reviewerSession(EAST), action: 'cloudformation:DescribeChangeSet', resource: stack(EAST), context: named('other') }, 'ImplicitlyDenied'],
  ['the reviewer describes a change set without naming it', { principal: reviewerSession(EAST), action: 'cloudformation:DescribeChangeSet', resource: stack(EAST) }, 'ImplicitlyDenied'],
  ['the reviewer reads another stack\'s template', { principal: reviewerSession(EAST), action: 'cloudformation:GetTemplate', resource: stack(EAST, 'billing') }, 'ImplicitlyDenied'],
  ['the us-east-1 reviewer reads the eu-west-1 change set', { principal: reviewerSession(EAST), action: 'cloudformation:DescribeChangeSet', resource: stack(WEST), context: named('release') }, 'ImplicitlyDenied'],
  ['the reviewer executes the change set', { principal: reviewerSession(EAST), action: 'cloudformation:ExecuteChangeSet', resource: stack(EAST), context: named('release') }, 'ImplicitlyDenied'],
  ['the reviewer creates a change set', { principal: reviewerSession(EAST), action: 'cloudformation:CreateChangeSet', resource: stack(EAST), context: named('release') }, 'ImplicitlyDenied'],
  ['the reviewer deletes the change set', { principal: reviewerSession(EAST), action: 'cloudformation:DeleteChangeSet', resource: stack(EAST), context: named('release') }, 'ImplicitlyDenied'],
  ['the reviewer reads an artifact', { principal: reviewerSession(EAST), action: 's3:GetObject', resource: `arn:aws:s3:::shop-artifacts-${P}-${EAST}/shop/Source/Xy12AbC` }, 'ImplicitlyDenied'],
  ['the function assumes the deploy action role', { principal: functionSession, action: 'sts:AssumeRole', resource: `arn:aws:iam::${PROD}:role/shop-deploy-action`, region: EAST }, 'ImplicitlyDenied'],
  ['the function describes the change set as itself', { principal: functionSession, action: 'cloudformation:DescribeChangeSet', resource: stack(EAST), context: named('release') }, 'ImplicitlyDenied'],
  ['the reviewer reads a pipeline job (its artifact credentials)', { principal: reviewerSession(EAST), action: 'codepipeline:GetJobDetails', resource: '*', region: EAST }, 'ImplicitlyDenied'],
  ['the reviewer reports a pipeline job\'s success', { principal: reviewerSession(EAST), action: 'codepipeline:PutJobSuccessResult', resource: '*', region: EAST }, 'ImplicitlyDenied'],
  ['a target account\'s administrator invokes the review function (a crafted job event)', { principal: `arn:aws:sts::${PROD}:assumed-role/Admin/dave`, action: 'lambda:InvokeFunction', resource: `arn:aws:lambda:${EAST}:${P}:function:shop-review-fn`, region: EAST, identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['the function writes another log group', { principal: functionSession, action: 'logs:PutLogEvents', resource: `arn:aws:logs:${EAST}:${P}:log-group:/aws/lambda/other:log-stream:x` }, 'ImplicitlyDenied'],
  ['the function writes into the artifact store as itself', { principal: functionSession, action: 's3:PutObject', resource: `arn:aws:s3:::shop-artifacts-${P}-${EAST}/shop/Prod-Review/Ab3dEf9` }, 'ImplicitlyDenied'],
  ['an approver granted review assumes the eu-west-1 reviewer role, which did not grant it', { principal: approverSession, action: 'sts:AssumeRole', resource: reviewerRole(WEST), region: EAST, identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['another administrator role of the approvers\' account assumes the reviewer role', { principal: `arn:aws:sts::${APPROVERS}:assumed-role/Admin/bob`, action: 'sts:AssumeRole', resource: reviewerRole(EAST), region: EAST, identityPolicies: administrator }, 'ImplicitlyDenied'],
  ['an administrator role of the pipeline account assumes the reviewer role', { principal: `arn:aws:sts::${P}:assumed-role/Admin/carol`, action: 'sts:AssumeRole', resource: reviewerRole(EAST), region: EAST, identityPolicies: administrator }, 'ImplicitlyDenied'],
];

describe('one release\'s change-set review under IAM evaluation', () => {
  test.each(REVIEW)('allowed: %s', async (_what, request) => {
    const { decision, reasons } = await evaluate(world, request);
    expect({ decision, reasons }).toEqual({ decision: 'Allowed', reasons: '' });
  });

  test.each(REFUSED)('refused: %s', async (_what, request, expected) => {
    expect((await evaluate(world, request)).decision).toBe(expected);
  });
});
