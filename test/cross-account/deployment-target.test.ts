import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });
const queueStatement = () => new iam.PolicyStatement({ actions: ['sqs:CreateQueue'], resources: ['arn:aws:sqs:us-east-1:222222222222:orders'] });

function newTarget(props: Partial<ConstructorParameters<typeof DeploymentTarget>[2]> = {}): DeploymentTarget {
  return new DeploymentTarget(new App(), 'Test', { identity, account: '222222222222', executionStatements: [queueStatement()], ...props });
}

const artifactRead = [
  {
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: 'arn:aws:iam::222222222222:role/orders-cfn-execution',
    Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
  },
  {
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:GetObjectVersion'],
    Resource: 'arn:aws:s3:::orders-artifacts-111111111111-us-east-1/*',
  },
  {
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: 'arn:aws:kms:us-east-1:111111111111:key/*',
    Condition: {
      'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/orders-artifacts' },
      'StringEquals': { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
    },
  },
];

function actionRolePolicy(template: Template): unknown[] {
  const policies = template.findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^ActionRole') }] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument.Statement;
}

describe('DeploymentTarget', () => {
  test('is a stack in the target account and the pipeline region', () => {
    const target = newTarget();
    expect([target.account, target.region]).toEqual(['222222222222', 'us-east-1']);
  });

  test('the action role is trusted only by the pipeline role, through its account and aws:PrincipalArn', () => {
    const target = newTarget();
    target.allowStack('orders-test');
    Template.fromStack(target).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'orders-deploy-action',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { AWS: 'arn:aws:iam::111111111111:root' },
          Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/orders-pipeline' } },
        }],
      },
    });
  });

  test('the execution role is trusted by CloudFormation and holds exactly the given statements', () => {
    const target = newTarget();
    target.allowStack('orders-test');
    const template = Template.fromStack(target);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'orders-cfn-execution',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'cloudformation.amazonaws.com' } }],
      },
      ManagedPolicyArns: Match.absent(),
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^ExecutionRole') }],
      PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:CreateQueue', Resource: 'arn:aws:sqs:us-east-1:222222222222:orders' }] },
    });
  });

  test('allowStack without a change set: direct create/update/delete on that stack only', () => {
    const target = newTarget();
    target.allowStack('orders-test');
    expect(actionRolePolicy(Template.fromStack(target))).toEqual([
      ...artifactRead,
      {
        Effect: 'Allow',
        Action: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents'],
        Resource: 'arn:aws:cloudformation:us-east-1:222222222222:stack/orders-test/*',
      },
      {
        Effect: 'Allow',
        Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack',
          'cloudformation:GetTemplate', 'cloudformation:GetStackPolicy', 'cloudformation:SetStackPolicy'],
        Resource: 'arn:aws:cloudformation:us-east-1:222222222222:stack/orders-test/*',
      },
    ]);
  });

  test('allowStack with a change set: change set calls on that change set only; repeats add nothing', () => {
    const target = newTarget();
    target.allowStack('orders-prod', { changeSetName: 'orders-prod-changes' });
    target.allowStack('orders-prod', { changeSetName: 'orders-prod-changes' });
    expect(target.stackNames).toEqual(['orders-prod']);
    expect(target.changeSetNames('orders-prod')).toEqual(['orders-prod-changes']);
    expect(actionRolePolicy(Template.fromStack(target))).toEqual([
      ...artifactRead,
      {
        Effect: 'Allow',
        Action: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents'],
        Resource: 'arn:aws:cloudformation:us-east-1:222222222222:stack/orders-prod/*',
      },
      {
        Effect: 'Allow',
        Action: ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:ExecuteChangeSet'],
        Resource: 'arn:aws:cloudformation:us-east-1:222222222222:stack/orders-prod/*',
        Condition: { StringEqualsIfExists: { 'cloudformation:ChangeSetName': 'orders-prod-changes' } },
      },
    ]);
  });

  test('allowArtifactWrites adds PutObject and GenerateDataKey, scoped like the reads', () => {
    const target = newTarget();
    target.allowStack('orders-test');
    target.allowArtifactWrites();
    const statements = actionRolePolicy(Template.fromStack(target));
    expect(statements.slice(-2)).toEqual([
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::orders-artifacts-111111111111-us-east-1/*' },
      {
        Effect: 'Allow',
        Action: 'kms:GenerateDataKey',
        Resource: 'arn:aws:kms:us-east-1:111111111111:key/*',
        Condition: {
          'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/orders-artifacts' },
          'StringEquals': { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
        },
      },
    ]);
    expect(target.artifactAccess).toEqual({ actionRoleWrites: true, executionRoleReads: false });
  });

  test('actionRole and executionRole are immutable references by the deterministic ARNs', () => {
    const target = newTarget();
    expect(target.actionRole.roleArn).toBe('arn:aws:iam::222222222222:role/orders-deploy-action');
    expect(target.executionRole.roleArn).toBe('arn:aws:iam::222222222222:role/orders-cfn-execution');
    target.allowStack('orders-test');
    const before = JSON.stringify(Template.fromStack(target).toJSON());
    target.actionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    const app2 = new App();
    const other = new DeploymentTarget(app2, 'Test', { identity, account: '222222222222', executionStatements: [queueStatement()] });
    other.allowStack('orders-test');
    other.actionRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    expect(JSON.stringify(Template.fromStack(other).toJSON())).toBe(before);
  });

  test('administratorAccess is an explicit opt-in with a warning', () => {
    const target = newTarget({ executionStatements: undefined, administratorAccess: true });
    target.allowStack('orders-test');
    const template = Template.fromStack(target);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'orders-cfn-execution',
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AdministratorAccess']] }],
    });
    Annotations.fromStack(target).hasWarning('/Test', Match.stringLikeRegexp(
      '^The CloudFormation execution role orders-cfn-execution in account 222222222222 has AdministratorAccess: whoever can change the templates the pipeline deploys controls the account\\. Prefer executionStatements scoped to what the stacks create\\.',
    ));
  });

  test('contradictory and empty execution permissions throw', () => {
    expect(() => newTarget({ administratorAccess: true }))
      .toThrow('DeploymentTarget Test: administratorAccess and executionStatements/executionManagedPolicies are contradictory: administratorAccess already allows every action. Remove administratorAccess (preferred) or remove the execution policies.');
    expect(() => newTarget({ executionStatements: [] }))
      .toThrow('DeploymentTarget Test: the CloudFormation execution role has no permissions: give executionStatements or executionManagedPolicies for the resources your stacks create (or administratorAccess: true, which raises a warning).');
  });

  /** Each resource of the target's template: type, DeletionPolicy, UpdateReplacePolicy. */
  function removalPolicies(target: DeploymentTarget): Record<string, [string, string?, string?]> {
    const resources = Template.fromStack(target).toJSON().Resources as Record<string, { Type: string; DeletionPolicy?: string; UpdateReplacePolicy?: string }>;
    return Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, [r.Type, r.DeletionPolicy, r.UpdateReplacePolicy]]));
  }

  test('the execution role and its policy outlive the stack (Retain); the action role does not', () => {
    const target = newTarget();
    target.allowStack('orders-test');
    expect(removalPolicies(target)).toEqual({
      ActionRole60B0EDF7: ['AWS::IAM::Role', undefined, undefined],
      ActionRoleDefaultPolicyCA33BE56: ['AWS::IAM::Policy', undefined, undefined],
      ExecutionRole605A040B: ['AWS::IAM::Role', 'Retain', 'Retain'],
      ExecutionRoleDefaultPolicyA5B92313: ['AWS::IAM::Policy', 'Retain', 'Retain'],
    });
  });

  test('the overflow policies beyond IAM\'s inline quota are retained too', () => {
    const target = newTarget({
      // Enough statements to overflow the 10,240-character inline quota into a managed policy.
      executionStatements: Array.from({ length: 60 }, (_, i) => new iam.PolicyStatement({
        actions: ['sqs:CreateQueue', 'sqs:DeleteQueue', 'sqs:SetQueueAttributes'],
        resources: [`arn:aws:sqs:us-east-1:222222222222:orders-queue-with-a-long-name-${i}`],
      })),
    });
    target.allowStack('orders-test');
    expect(removalPolicies(target)).toEqual({
      ActionRole60B0EDF7: ['AWS::IAM::Role', undefined, undefined],
      ActionRoleDefaultPolicyCA33BE56: ['AWS::IAM::Policy', undefined, undefined],
      ExecutionRole605A040B: ['AWS::IAM::Role', 'Retain', 'Retain'],
      ExecutionRoleDefaultPolicyA5B92313: ['AWS::IAM::Policy', 'Retain', 'Retain'],
      ExecutionRoleOverflowPolicy1433E9968: ['AWS::IAM::ManagedPolicy', 'Retain', 'Retain'],
    });
  });

  test('retainExecutionRole: false deletes the execution role and its policy with the stack', () => {
    const target = newTarget({ retainExecutionRole: false });
    target.allowStack('orders-test');
    expect(removalPolicies(target)).toEqual({
      ActionRole60B0EDF7: ['AWS::IAM::Role', undefined, undefined],
      ActionRoleDefaultPolicyCA33BE56: ['AWS::IAM::Policy', undefined, undefined],
      ExecutionRole605A040B: ['AWS::IAM::Role', undefined, undefined],
      ExecutionRoleDefaultPolicyA5B92313: ['AWS::IAM::Policy', undefined, undefined],
    });
  });

  test('bad account, stack and change set names throw', () => {
    expect(() => newTarget({ account: '22' })).toThrow('DeploymentTarget Test: account must be a 12-digit AWS account ID, got "22".');
    const target = newTarget();
    expect(() => target.allowStack('1-stack'))
      .toThrow('DeploymentTarget Test.allowStack: stackName "1-stack" is not a CloudFormation stack name: it must start with a letter and contain only letters, digits and hyphens, at most 128 characters.');
    expect(() => target.allowStack('orders', { changeSetName: 'change_set' }))
      .toThrow('DeploymentTarget Test.allowStack: changeSetName "change_set" is not a CloudFormation change set name: it must start with a letter and contain only letters, digits and hyphens, at most 128 characters.');
  });

  test('a target that allows no stacks fails synth, naming the fix', () => {
    const target = newTarget();
    expect(() => Template.fromStack(target))
      .toThrow(/DeploymentTarget Test allows no stacks: its action role cannot call CloudFormation\. Call allowStack\(stackName\) for each stack the pipeline deploys in account 222222222222\./);
  });
});
