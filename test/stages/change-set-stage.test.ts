import { Template } from 'aws-cdk-lib/assertions';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ChangeSetStage } from '../../lib/stages';
import { pipelineStack, release, testTarget, TEST_ACCOUNT } from './fixtures';

function stagesOf(template: Template): any[] {
  const [pipeline] = Object.values(template.findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages;
}

describe('ChangeSetStage', () => {
  test('creates a change set, waits for approval, executes that same change set', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [new ChangeSetStage({ target, stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml', templateConfiguration: 'prod.json' })]);
    const [, prod] = stagesOf(Template.fromStack(stack));
    expect(prod.Name).toBe('ProdStage');
    const [create, approve, execute] = prod.Actions;
    expect(prod.Actions.map((a: any) => [a.Name, a.ActionTypeId.Category, a.RunOrder])).toEqual([
      ['CreateChangeSet', 'Deploy', 1], ['ApproveChangeSet', 'Approval', 2], ['ExecuteChangeSet', 'Deploy', 3],
    ]);
    expect(create.Configuration).toEqual({
      ActionMode: 'CHANGE_SET_REPLACE',
      StackName: 'Prod-App',
      ChangeSetName: 'Preview',
      TemplatePath: 'TemplateSource::app.yaml',
      TemplateConfiguration: 'TemplateSource::prod.json',
      RoleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/release-cfn-execution`,
    });
    // CHANGE_SET_EXECUTE runs with the change set's role: no RoleArn.
    expect(execute.Configuration).toEqual({ ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'Prod-App', ChangeSetName: 'Preview' });
    expect(create.RoleArn).toBe(`arn:aws:iam::${TEST_ACCOUNT}:role/release-deploy-action`);
    expect(execute.RoleArn).toBe(create.RoleArn);
    expect(approve.Configuration).toEqual({
      ExternalEntityLink: 'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1#/stacks/changesets/changes?stackId=Prod-App&changeSetId=Preview',
      CustomData: `Review change set Preview of stack Prod-App (account ${TEST_ACCOUNT}, us-east-1). Approve to execute exactly this change set; reject to stop the release without changing the stack.`,
    });
    expect(target.stackNames).toEqual(['Prod-App']);
    expect(target.changeSetNames('Prod-App')).toEqual(['Preview']);
  });

  test('the target\'s action role may only create and execute the named change set on the named stack', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [new ChangeSetStage({ target, stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml' })]);
    const statements = Object.values(Template.fromStack(target).findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => JSON.stringify(s.Action).includes('ChangeSet'));
    expect(statements).toEqual([{
      Action: ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:ExecuteChangeSet'],
      Condition: { StringEqualsIfExists: { 'cloudformation:ChangeSetName': 'Preview' } },
      Effect: 'Allow',
      Resource: `arn:aws:cloudformation:us-east-1:${TEST_ACCOUNT}:stack/Prod-App/*`,
    }]);
  });

  test('in the pipeline account with an execution role; custom names', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new ChangeSetStage({
      stageName: 'Production', executionRole, stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml',
      actionNames: { create: 'Prepare', approve: 'Review', execute: 'Apply' },
    })]);
    const [, prod] = stagesOf(Template.fromStack(stack));
    expect(prod.Name).toBe('Production');
    expect(prod.Actions.map((a: any) => a.Name)).toEqual(['Prepare', 'Review', 'Apply']);
    expect(prod.Actions[1].Configuration.CustomData).toBe('Review change set Preview of stack Prod-App (us-east-1). Approve to execute exactly this change set; reject to stop the release without changing the stack.');
  });

  test('invalid change set name', () => {
    const { executionRole } = pipelineStack();
    expect(() => new ChangeSetStage({ executionRole, stackName: 'Prod-App', changeSetName: 'preview_1', templatePath: 'app.yaml' }))
      .toThrow('ChangeSetStage ProdStage: changeSetName "preview_1" is not a valid CloudFormation name: start with a letter, then use letters, digits and hyphens, at most 128 characters.');
  });

  test('a stage object can join only one pipeline: the second says so in its constructor, before building anything', () => {
    const { stack, source, executionRole } = pipelineStack();
    const stage = new ChangeSetStage({ executionRole, stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml' });
    release(stack, source, [stage]);
    expect(() => new ReleasePipeline(stack, 'Other', { source, stages: [stage] })).toThrow('ReleasePipeline Pipeline/Other: stages[0] ("ProdStage") is already a stage of ReleasePipeline Pipeline/Release; a stage object is one stage of one pipeline: create one stage object per pipeline stage.');
    expect(stack.node.findChild('Other').node.children).toEqual([]);
  });
});
