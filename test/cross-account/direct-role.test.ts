import { App, PermissionsBoundary, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DirectRole, MAX_INLINE_POLICY_SIZE, allowStatement } from '../../lib/cross-account/direct-role';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';

const trust = { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } };

function roleIn(stack = new Stack(new App(), 'Roles')): { stack: Stack; role: DirectRole } {
  return { stack, role: new DirectRole(stack, 'Deployer', { roleName: 'deployer', description: 'Deploys', trust }) };
}

function inlineStatements(stack: Stack): unknown[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
  expect(policies).toHaveLength(1);
  return policies[0].Properties.PolicyDocument.Statement;
}

describe('DirectRole', () => {
  test('renders the role and its default policy with the logical IDs and policy name of aws-cdk-lib\'s iam.Role', () => {
    const { stack, role } = roleIn();
    role.addStatement(allowStatement(['s3:GetObject'], ['arn:aws:s3:::bucket/*']));
    const l2 = new Stack(new App(), 'Roles');
    new iam.Role(l2, 'Deployer', { roleName: 'deployer', description: 'Deploys', assumedBy: new iam.ServicePrincipal('cloudformation.amazonaws.com') })
      .addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bucket/*'] }));
    expect(Template.fromStack(stack).toJSON().Resources).toEqual(Template.fromStack(l2).toJSON().Resources);
  });

  test('no statements, no policy resource', () => {
    const { stack } = roleIn();
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('equal statements are rendered once; aws-cdk-lib statements are rendered at synth, tokens resolved', () => {
    const { stack, role } = roleIn();
    const statement = new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: [`arn:aws:sqs:us-east-1:${stack.account}:jobs`] });
    role.addStatement(statement);
    role.addStatement(statement);
    role.addStatement(allowStatement(['s3:GetObject'], ['arn:aws:s3:::bucket/*']));
    role.addStatement(allowStatement(['s3:GetObject'], ['arn:aws:s3:::bucket/*']));
    statement.addActions('sqs:GetQueueUrl');
    expect(inlineStatements(stack)).toEqual([
      {
        Effect: 'Allow',
        Action: ['sqs:SendMessage', 'sqs:GetQueueUrl'],
        Resource: { 'Fn::Join': ['', ['arn:aws:sqs:us-east-1:', { Ref: 'AWS::AccountId' }, ':jobs']] },
      },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
    ]);
  });

  test('statements beyond the inline policy quota move into managed policies attached to the role', () => {
    const { stack, role } = roleIn();
    const statements = Array.from({ length: 120 }, (_, i) =>
      allowStatement(['cloudformation:DescribeStacks'], [`arn:aws:cloudformation:us-east-1:222222222222:stack/application-stack-${i}/*`]));
    statements.forEach((statement) => role.addStatement(statement));
    const template = Template.fromStack(stack);
    const inline = inlineStatements(stack);
    const managed = Object.values(template.findResources('AWS::IAM::ManagedPolicy'));
    expect(JSON.stringify({ Statement: inline, Version: '2012-10-17' }).length).toBeLessThanOrEqual(MAX_INLINE_POLICY_SIZE);
    expect(managed.length).toBeGreaterThan(0);
    for (const policy of managed) {
      expect(policy.Properties.Roles).toEqual([{ Ref: stack.getLogicalId(role.resource) }]);
      expect(JSON.stringify(policy.Properties.PolicyDocument).length).toBeLessThanOrEqual(6144);
    }
    expect([...inline, ...managed.flatMap((policy) => policy.Properties.PolicyDocument.Statement)]).toEqual(statements);
  });

  test('statements added after a first synth are rendered too, never dropped', () => {
    const { stack, role } = roleIn();
    const app = stack.node.root as App;
    role.addStatement(allowStatement(['s3:GetObject'], ['arn:aws:s3:::first/*']));
    app.synth();
    role.addStatement(allowStatement(['s3:GetObject'], ['arn:aws:s3:::second/*']));
    const resynthesized = app.synth({ force: true }).getStackByName(stack.stackName).template;
    const [policy] = Object.values(resynthesized.Resources as Record<string, any>).filter((r) => r.Type === 'AWS::IAM::Policy');
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::first/*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::second/*' },
    ]);
  });

  test('an aws-cdk-lib statement that cannot be in an identity policy fails synth', () => {
    const { stack, role } = roleIn();
    role.addStatement(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'], principals: [new iam.AnyPrincipal()] }));
    expect(() => Template.fromStack(stack)).toThrow(/A PolicyStatement used in an identity-based policy cannot specify any IAM principals/);
  });

  test('a target stack\'s permissions boundary applies to both roles', () => {
    const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });
    const target = new DeploymentTarget(new App(), 'Target', {
      identity,
      account: '222222222222',
      executionStatements: [new iam.PolicyStatement({ actions: ['sqs:CreateQueue'], resources: ['*'] })],
      permissionsBoundary: PermissionsBoundary.fromName('delivery-boundary'),
    });
    target.allowStack('orders');
    const roles = Template.fromStack(target).findResources('AWS::IAM::Role', { Properties: { PermissionsBoundary: Match.anyValue() } });
    expect(Object.values(roles).map((r) => [r.Properties.RoleName, r.Properties.PermissionsBoundary])).toEqual([
      ['orders-deploy-action', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::222222222222:policy/delivery-boundary']] }],
      ['orders-cfn-execution', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::222222222222:policy/delivery-boundary']] }],
    ]);
  });
});
