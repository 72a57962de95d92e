import { CfnElement, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { TestStackStage } from '../../lib/stages';
import { pipelineStack, release, testTarget, PIPELINE_ACCOUNT, TEST_ACCOUNT } from './fixtures';

function stagesOf(template: Template): any[] {
  const [pipeline] = Object.values(template.findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages;
}

describe('TestStackStage', () => {
  test('creates the stack (REPLACE_ON_FAILURE), waits for approval, deletes the same stack', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', templateConfiguration: 'test.json', executionRole })]);
    const template = Template.fromStack(stack);
    const [, test] = stagesOf(template);
    expect(test.Name).toBe('TestStage');
    expect(test.Actions.map((a: any) => [a.Name, a.ActionTypeId.Provider, a.RunOrder, a.Configuration.ActionMode])).toEqual([
      ['CreateStack', 'CloudFormation', 1, 'REPLACE_ON_FAILURE'],
      ['ApproveTestStack', 'Manual', 2, undefined],
      ['DeleteTestStack', 'CloudFormation', 3, 'DELETE_ONLY'],
    ]);
    const [create, approve, remove] = test.Actions;
    expect(create.Configuration).toEqual({
      ActionMode: 'REPLACE_ON_FAILURE',
      StackName: 'Test-App',
      TemplatePath: 'TemplateSource::app.yaml',
      TemplateConfiguration: 'TemplateSource::test.json',
      RoleArn: { 'Fn::GetAtt': [stack.getLogicalId(executionRole.node.defaultChild as any), 'Arn'] },
    });
    expect(create.InputArtifacts).toEqual([{ Name: 'TemplateSource' }]);
    expect(remove.Configuration.StackName).toBe(create.Configuration.StackName);
    expect(remove.Configuration.RoleArn).toEqual(create.Configuration.RoleArn);
    expect(approve.Configuration).toEqual({
      ExternalEntityLink: 'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/stackinfo?stackId=Test-App',
      CustomData: 'Review the test stack Test-App (us-east-1). Approve to delete it and continue the release; reject to stop the release and keep the stack for investigation.',
    });
  });

  test('CREATE_UPDATE as an option', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, mode: 'CREATE_UPDATE' })]);
    expect(stagesOf(Template.fromStack(stack))[1].Actions[0].Configuration.ActionMode).toBe('CREATE_UPDATE');
  });

  test('in a target account: the target\'s roles, the stack allowed on the target, the default comments name the account', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [new TestStackStage({ target, stackName: 'Test-App', templatePath: 'app.yaml' })]);
    const [create, approve, remove] = stagesOf(Template.fromStack(stack))[1].Actions;
    for (const action of [create, remove]) {
      expect(action.RoleArn).toBe(`arn:aws:iam::${TEST_ACCOUNT}:role/release-deploy-action`);
      expect(action.Configuration.RoleArn).toBe(`arn:aws:iam::${TEST_ACCOUNT}:role/release-cfn-execution`);
    }
    expect(approve.Configuration.CustomData).toBe(`Review the test stack Test-App (account ${TEST_ACCOUNT}, us-east-1). Approve to delete it and continue the release; reject to stop the release and keep the stack for investigation.`);
    expect(target.stackNames).toEqual(['Test-App']);
    expect(target.changeSetNames('Test-App')).toEqual([]);
    Template.fromStack(target).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack',
            'cloudformation:GetTemplate', 'cloudformation:GetStackPolicy', 'cloudformation:SetStackPolicy'],
          Effect: 'Allow',
          Resource: `arn:aws:cloudformation:us-east-1:${TEST_ACCOUNT}:stack/Test-App/*`,
        }]),
      },
    });
    expect(PIPELINE_ACCOUNT).not.toBe(TEST_ACCOUNT);
  });

  test('approval: given topic, review URL, comments and timeout', () => {
    const { stack, source, executionRole } = pipelineStack();
    const topic = new sns.Topic(stack, 'Topic');
    release(stack, source, [new TestStackStage({
      stackName: 'Test-App', templatePath: 'app.yaml', executionRole,
      approval: { topic, reviewUrl: 'https://example.com/review', comments: 'Check the site.', timeout: Duration.hours(4) },
    })]);
    const approve = stagesOf(Template.fromStack(stack))[1].Actions[1];
    expect(approve.Configuration).toEqual({
      NotificationArn: { Ref: stack.getLogicalId(topic.node.defaultChild as any) },
      ExternalEntityLink: 'https://example.com/review',
      CustomData: 'Check the site.',
    });
    expect(approve.TimeoutInMinutes).toBe(240);
  });

  test('approval: notifyEmails without a topic creates an encrypted, TLS-only topic with those subscriptions', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole, approval: { notifyEmails: ['a@example.com', 'b@example.com'] } })]);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':kms:us-east-1:111111111111:alias/aws/sns']] } });
    template.resourceCountIs('AWS::SNS::Subscription', 2);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'a@example.com' });
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: [{
          Sid: 'AllowPublishThroughSSLOnly', Action: 'sns:Publish', Effect: 'Deny', Principal: '*',
          Resource: { Ref: topicId }, Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }],
        Version: '2012-10-17',
      },
    });
    const approve = stagesOf(template)[1].Actions[1];
    expect(Object.keys(approve.Configuration).sort()).toEqual(['CustomData', 'ExternalEntityLink', 'NotificationArn']);
  });

  test('grantApprove, before the stage is in a pipeline, lets the principal approve exactly this action', () => {
    const { stack, source, executionRole } = pipelineStack();
    const stage = new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole });
    const reviewer = new iam.User(stack, 'Reviewer');
    stage.grantApprove(reviewer);
    const pipeline = release(stack, source, [stage]);
    const pipelineRef = { Ref: stack.getLogicalId(pipeline.pipeline.node.defaultChild as CfnElement) };
    const arn = (suffix: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':codepipeline:us-east-1:111111111111:', pipelineRef, ...(suffix ? [suffix] : [])]] });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Users: [{ Ref: stack.getLogicalId(reviewer.node.defaultChild as CfnElement) }],
      PolicyDocument: {
        Statement: [
          { Action: 'codepipeline:ListPipelines', Effect: 'Allow', Resource: '*' },
          { Action: ['codepipeline:GetPipeline', 'codepipeline:GetPipelineState', 'codepipeline:GetPipelineExecution'], Effect: 'Allow', Resource: arn('') },
          { Action: 'codepipeline:PutApprovalResult', Effect: 'Allow', Resource: arn('/TestStage/ApproveTestStack') },
        ],
        Version: '2012-10-17',
      },
    });
  });

  describe('invalid props', () => {
    const base = { stackName: 'Test-App', templatePath: 'app.yaml' };
    test('no target and no execution role', () => {
      expect(() => new TestStackStage(base)).toThrow('TestStackStage TestStage: executionRole is required when the stage deploys into the pipeline account (no target): give the CloudFormation service role for the stack, or a target.');
    });
    test('target and executionRole together', () => {
      const { app, executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, target: testTarget(app), executionRole })).toThrow('TestStackStage TestStage: target and executionRole are contradictory: a target brings its own execution role (target.executionRole). Remove executionRole, or remove target to deploy into the pipeline account.');
    });
    test('stack name', () => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, stackName: '1st_stack' })).toThrow('TestStackStage TestStage: stackName "1st_stack" is not a valid CloudFormation name: start with a letter, then use letters, digits and hyphens, at most 128 characters.');
    });
    test('template path with an artifact name', () => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, templatePath: 'TemplateSource::app.yaml' })).toThrow('TestStackStage TestStage: templatePath "TemplateSource::app.yaml" is not a file path inside the artifact: write it as "template.yaml" or "folder/template.yaml" (the stage adds "Artifact::").');
    });
    test('mode', () => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, mode: 'DELETE_ONLY' as any })).toThrow('TestStackStage TestStage: mode "DELETE_ONLY" is not one of REPLACE_ON_FAILURE, CREATE_UPDATE.');
    });
    test.each([
      [Duration.minutes(4), '4 minutes'],
      [Duration.days(61), '61 days'],
    ])('approval timeout %s', (timeout, shown) => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, approval: { timeout } })).toThrow(`TestStackStage TestStage: approval.timeout is ${shown}; a manual approval's timeout must be between 5 minutes and 60 days (86400 minutes).`);
    });
    test('approval timeout boundaries are accepted', () => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, approval: { timeout: Duration.minutes(5) } })).not.toThrow();
      expect(() => new TestStackStage({ ...base, executionRole, approval: { timeout: Duration.days(60) } })).not.toThrow();
    });
    test('approval timeout in part minutes', () => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, approval: { timeout: Duration.seconds(630) } })).toThrow('TestStackStage TestStage: approval.timeout is 10 minutes 30 seconds; CodePipeline counts timeouts in whole minutes: use Duration.minutes(11).');
    });
    test('email address', () => {
      const { executionRole } = pipelineStack();
      expect(() => new TestStackStage({ ...base, executionRole, approval: { notifyEmails: ['ops'] } })).toThrow('TestStackStage TestStage: approval.notifyEmails: "ops" is not an email address.');
    });
  });
});
