import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Validations } from 'aws-cdk-lib';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });
const executionStatements = [new iam.PolicyStatement({ actions: ['sqs:CreateQueue'], resources: ['arn:aws:sqs:us-east-1:333333333333:orders'] })];

function newTarget(region?: string): DeploymentTarget {
  return new DeploymentTarget(new App(), 'Prod', { identity, account: '333333333333', ...(region ? { region } : {}), executionStatements });
}

function reviewerPolicy(template: Template): unknown {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^ReviewerRole') }] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument;
}

test('opt-in: a target without grantReview or a review step has no reviewer role', () => {
  const target = newTarget();
  target.allowStack('orders-prod', { changeSetName: 'release' });
  expect(target.hasReviewerRole).toBe(false);
  expect(Template.fromStack(target).findResources('AWS::IAM::Role', { Properties: { RoleName: 'orders-review' } })).toEqual({});
});

test('grantReview: the role reads exactly the allowed stacks and change sets, trusted by the named principals through their accounts', () => {
  const target = newTarget();
  target.allowStack('orders-prod', { changeSetName: 'release' });
  target.grantReview('arn:aws:iam::444444444444:role/Release-Approvers');
  // Stacks allowed after the grant are readable too.
  target.allowStack('orders-web');
  target.allowStack('orders-prod', { changeSetName: 'hotfix' });
  target.allowReviewStep();
  const template = Template.fromStack(target);
  template.hasResourceProperties('AWS::IAM::Role', {
    RoleName: 'orders-review',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::444444444444:role/Release-Approvers', 'arn:aws:iam::111111111111:role/orders-change-set-review'] } },
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::444444444444:root', 'arn:aws:iam::111111111111:root'] },
      }],
    },
  });
  expect(reviewerPolicy(template)).toEqual({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate', 'cloudformation:ListChangeSets'], Resource: 'arn:aws:cloudformation:us-east-1:333333333333:stack/orders-prod/*' },
      { Effect: 'Allow', Action: 'cloudformation:DescribeChangeSet', Resource: 'arn:aws:cloudformation:us-east-1:333333333333:stack/orders-prod/*', Condition: { StringEquals: { 'cloudformation:ChangeSetName': 'release' } } },
      { Effect: 'Allow', Action: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate', 'cloudformation:ListChangeSets'], Resource: 'arn:aws:cloudformation:us-east-1:333333333333:stack/orders-web/*' },
      { Effect: 'Allow', Action: 'cloudformation:DescribeChangeSet', Resource: 'arn:aws:cloudformation:us-east-1:333333333333:stack/orders-prod/*', Condition: { StringEquals: { 'cloudformation:ChangeSetName': 'hotfix' } } },
    ],
  });
  expect(target.allowReviewStep()).toBe('arn:aws:iam::333333333333:role/orders-review');
});

test('outside the pipeline\'s region the role name ends in the region, and statements name that region', () => {
  const target = newTarget('eu-west-1');
  target.allowStack('orders-prod', { changeSetName: 'release' });
  expect(target.allowReviewStep()).toBe('arn:aws:iam::333333333333:role/orders-review-eu-west-1');
  const template = Template.fromStack(target);
  template.hasResourceProperties('AWS::IAM::Role', { RoleName: 'orders-review-eu-west-1' });
  expect(reviewerPolicy(template)).toEqual({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['cloudformation:DescribeStacks', 'cloudformation:GetTemplate', 'cloudformation:ListChangeSets'], Resource: 'arn:aws:cloudformation:eu-west-1:333333333333:stack/orders-prod/*' },
      { Effect: 'Allow', Action: 'cloudformation:DescribeChangeSet', Resource: 'arn:aws:cloudformation:eu-west-1:333333333333:stack/orders-prod/*', Condition: { StringEquals: { 'cloudformation:ChangeSetName': 'release' } } },
    ],
  });
});

test('cdk-nag AwsSolutions finds nothing on the reviewer role; its stack wildcard is acknowledged with evidence', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'reviewer-role-nag-'));
  const app = new App({ outdir });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const target = new DeploymentTarget(app, 'Prod', { identity, account: '333333333333', executionStatements });
  target.allowStack('orders-prod', { changeSetName: 'release' });
  target.grantReview('arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Release_*');
  app.synth();
  const report = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8')) as { pluginReports: { violations: { ruleName: string; violatingConstructs: { constructPath?: string }[] }[] }[] };
  const findings = report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} ${c.constructPath}`)));
  expect(findings.filter((f) => f.includes('ReviewerRole'))).toEqual([]);
  const acknowledged = target.node.findAll().filter((c) => c.node.path.includes('ReviewerRole')).flatMap((c) => c.node.metadata
    .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((m) => Object.keys(m.data as Record<string, string>).map((id) => `${c.node.path} ${id}`)));
  expect([...new Set(acknowledged)]).toEqual(['Prod/ReviewerRole/Role Annotation::AwsSolutions-IAM5[Resource::arn:aws:cloudformation:us-east-1:333333333333:stack/orders-prod/*]']);
});

test.each([
  ['arn:aws:sts::444444444444:assumed-role/Release/alice', 'DeploymentTarget Prod.grantReview: "arn:aws:sts::444444444444:assumed-role/Release/alice" is not the ARN of an IAM role or user with a 12-digit account (e.g. arn:aws:iam::111111111111:role/Reviewer).'],
  ['arn:aws:iam::*:role/Release', 'DeploymentTarget Prod.grantReview: "arn:aws:iam::*:role/Release" is not the ARN of an IAM role or user with a 12-digit account (e.g. arn:aws:iam::111111111111:role/Reviewer).'],
  ['arn:aws-cn:iam::444444444444:role/Release', 'DeploymentTarget Prod.grantReview: "arn:aws-cn:iam::444444444444:role/Release" is in partition aws-cn, not the pipeline\'s partition aws.'],
])('grantReview refuses %s', (arn, message) => {
  expect(() => newTarget().grantReview(arn)).toThrow(message);
});

test('grantReview refuses an account root, which aws:PrincipalArn matches for the root user alone, and says how to name the roles', () => {
  const target = newTarget();
  expect(() => target.grantReview('arn:aws:iam::444444444444:root')).toThrow(
    'DeploymentTarget Prod.grantReview: "arn:aws:iam::444444444444:root" is the account\'s root: the reviewer role\'s trust matches aws:PrincipalArn, which for a root ARN is the root user alone, never the account\'s roles or users. ' +
      'Name the roles to admit (arn:aws:iam::444444444444:role/Release-Approvers, or a pattern such as arn:aws:iam::444444444444:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Release_*), or arn:aws:iam::444444444444:role/* to admit every role of account 444444444444, present and future.',
  );
});

test('grantReview of every role of an account, by role/*: trusted as written', () => {
  const target = newTarget();
  target.allowStack('orders-prod');
  target.grantReview('arn:aws:iam::444444444444:role/*');
  Template.fromStack(target).hasResourceProperties('AWS::IAM::Role', {
    RoleName: 'orders-review',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::444444444444:role/*'] } },
        Effect: 'Allow',
        Principal: { AWS: ['arn:aws:iam::444444444444:root'] },
      }],
    },
  });
});

test('grantReview refuses a token', () => {
  const target = newTarget();
  const role = new iam.Role(target, 'Local', { assumedBy: new iam.AccountRootPrincipal() });
  expect(() => target.grantReview(role.roleArn)).toThrow('DeploymentTarget Prod.grantReview: the principal ARN is a token; it must be a literal ARN (arn:aws:iam::111111111111:role/Reviewer), because the trust policy is written in another account\'s stack, where references to this app\'s resources do not resolve.');
});
