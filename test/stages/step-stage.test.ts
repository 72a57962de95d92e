import { CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ReleaseStep, StepStage } from '../../lib/stages';
import { pipelineStack, release, testTarget, TEST_ACCOUNT } from './fixtures';

function actionsOf(stack: Stack, stageName: string): any[] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.find((s: any) => s.Name === stageName).Actions;
}

const ACTION_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/release-deploy-action`;
const EXECUTION_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/release-cfn-execution`;
const CONSOLE = 'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1';

describe('StepStage', () => {
  test('a CodeBuild test step between CreateStack and the approval: run order is the position in the list', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    const project = new codebuild.PipelineProject(stack, 'IntegrationTests');
    const testStack = ReleaseStep.deployStack({ actionName: 'CreateStack', stackName: 'Test-App', templatePath: 'app.yaml', target, mode: 'REPLACE_ON_FAILURE' });
    release(stack, source, [new StepStage({
      stageName: 'Test',
      steps: [
        testStack,
        ReleaseStep.codeBuild({ actionName: 'IntegrationTests', project }),
        ReleaseStep.approval({ actionName: 'ApproveTestStack' }),
        ReleaseStep.deleteStack(testStack, { actionName: 'DeleteTestStack' }),
      ],
    })]);
    const projectRef = { Ref: stack.getLogicalId(project.node.defaultChild as CfnElement) };
    expect(actionsOf(stack, 'Test').map((a: any) => ({ ...a, ActionTypeId: `${a.ActionTypeId.Category}/${a.ActionTypeId.Provider}` }))).toEqual([
      {
        Name: 'CreateStack', RunOrder: 1, ActionTypeId: 'Deploy/CloudFormation', RoleArn: ACTION_ROLE,
        InputArtifacts: [{ Name: 'TemplateSource' }],
        Configuration: { ActionMode: 'REPLACE_ON_FAILURE', StackName: 'Test-App', TemplatePath: 'TemplateSource::app.yaml', RoleArn: EXECUTION_ROLE },
      },
      {
        Name: 'IntegrationTests', RunOrder: 2, ActionTypeId: 'Build/CodeBuild',
        InputArtifacts: [{ Name: 'TemplateSource' }],
        Configuration: { ProjectName: projectRef },
      },
      {
        Name: 'ApproveTestStack', RunOrder: 3, ActionTypeId: 'Approval/Manual',
        Configuration: {
          ExternalEntityLink: `${CONSOLE}#/stacks/stackinfo?stackId=Test-App`,
          CustomData: `Review the test stack Test-App (account ${TEST_ACCOUNT}, us-east-1). Approve to delete it and continue the release; reject to stop the release and keep the stack for investigation.`,
        },
      },
      {
        Name: 'DeleteTestStack', RunOrder: 4, ActionTypeId: 'Deploy/CloudFormation', RoleArn: ACTION_ROLE,
        Configuration: { ActionMode: 'DELETE_ONLY', StackName: 'Test-App', RoleArn: EXECUTION_ROLE },
      },
    ]);
    expect(target.stackNames).toEqual(['Test-App']);
    expect(target.changeSetNames('Test-App')).toEqual([]);
  });

  test('Commands and Lambda checks before and after the approval; a change set executed in the pipeline account', () => {
    const { stack, source, executionRole } = pipelineStack();
    const smoke = lambda.Function.fromFunctionArn(stack, 'Smoke', 'arn:aws:lambda:us-east-1:111111111111:function:smoke-test');
    const create = ReleaseStep.createChangeSet({ stackName: 'Prod-App', changeSetName: 'Release', templatePath: 'app.yaml', executionRole });
    const stage = new StepStage({
      stageName: 'Prod',
      steps: [
        create,
        ReleaseStep.commands({ actionName: 'Lint', commands: ['npx cfn-lint app.yaml'] }),
        ReleaseStep.approval(),
        ReleaseStep.executeChangeSet(create),
        ReleaseStep.lambdaInvoke({ actionName: 'SmokeTest', lambda: smoke, userParameters: { url: 'https://example.com' } }),
      ],
    });
    release(stack, source, [stage]);
    const roleArn = { 'Fn::GetAtt': [stack.getLogicalId(executionRole.node.defaultChild as CfnElement), 'Arn'] };
    const actions = actionsOf(stack, 'Prod');
    expect(actions.map((a: any) => [a.Name, a.RunOrder, `${a.ActionTypeId.Category}/${a.ActionTypeId.Provider}`, a.InputArtifacts, a.Configuration])).toEqual([
      ['CreateChangeSet', 1, 'Deploy/CloudFormation', [{ Name: 'TemplateSource' }], { ActionMode: 'CHANGE_SET_REPLACE', StackName: 'Prod-App', ChangeSetName: 'Release', TemplatePath: 'TemplateSource::app.yaml', RoleArn: roleArn }],
      ['Lint', 2, 'Compute/Commands', [{ Name: 'TemplateSource' }], undefined],
      ['Approve', 3, 'Approval/Manual', undefined, {
        ExternalEntityLink: `${CONSOLE}#/stacks/changesets/changes?stackId=Prod-App&changeSetId=Release`,
        CustomData: 'Review change set Release of stack Prod-App (us-east-1). Approve to execute exactly this change set; reject to stop the release without changing the stack.',
      }],
      ['ExecuteChangeSet', 4, 'Deploy/CloudFormation', undefined, { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'Prod-App', ChangeSetName: 'Release' }],
      ['SmokeTest', 5, 'Invoke/Lambda', undefined, { FunctionName: 'smoke-test', UserParameters: '{"url":"https://example.com"}' }],
    ]);
    expect(actions[1].Commands).toEqual(['npx cfn-lint app.yaml']);
    // A role of its own: the pipeline role's grant on the pipeline's log group would be a dependency cycle.
    const commandsRole = stack.node.findChild('Release').node.findChild('Prod-Lint-CommandsRole') as iam.Role;
    expect(actions[1].RoleArn).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(commandsRole.node.defaultChild as CfnElement), 'Arn'] });
    // Assumed by the pipeline role alone, not by every principal of the pipeline account.
    const pipelineRole = stack.node.findChild('Release').node.findChild('Pipeline').node.findChild('Role') as iam.Role;
    expect(Template.fromStack(stack).toJSON().Resources[stack.getLogicalId(commandsRole.node.defaultChild as CfnElement)].Properties.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: { 'Fn::GetAtt': [stack.getLogicalId(pipelineRole.node.defaultChild as CfnElement), 'Arn'] } } }],
    });
    expect(actions.filter((a: any) => a.Name !== 'Lint').map((a: any) => a.RoleArn)).toEqual([undefined, undefined, undefined, undefined]);
    expect(stage.stacks).toEqual([{ stackName: 'Prod-App', deletes: false }]);
    expect(stage.target).toBeUndefined();
    expect(stage.targets).toEqual([]);
  });

  test('an approval with nothing before it to review: a plain question and no review link', () => {
    const { stack, source } = pipelineStack();
    release(stack, source, [new StepStage({ stageName: 'Gate', steps: [ReleaseStep.approval({ actionName: 'Go' })] })]);
    expect(actionsOf(stack, 'Gate')).toEqual([{
      Name: 'Go', RunOrder: 1, ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' },
      Configuration: { CustomData: 'Approve to continue the release; reject to stop it.' },
    }]);
  });

  test('a stack deployed and kept: the approval says approving continues; the stage keeps it', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    const stage = new StepStage({ stageName: 'Staging', steps: [ReleaseStep.deployStack({ stackName: 'App', templatePath: 'app.yaml', target }), ReleaseStep.approval()] });
    release(stack, source, [stage]);
    const [deploy, approve] = actionsOf(stack, 'Staging');
    expect([deploy.Name, deploy.Configuration.ActionMode]).toEqual(['DeployStack', 'CREATE_UPDATE']);
    expect(approve.Configuration.CustomData).toBe(`Review stack App (account ${TEST_ACCOUNT}, us-east-1). Approve to continue the release; reject to stop it.`);
    expect(stage.target).toBe(target);
    expect(stage.stacks).toEqual([{ stackName: 'App', deletes: false, target }]);
  });

  test('grantApprove lets the principal answer every approval of the stage', () => {
    const { stack, source, executionRole } = pipelineStack();
    const testStack = ReleaseStep.deployStack({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole });
    const stage = new StepStage({
      stageName: 'Test',
      steps: [testStack, ReleaseStep.approval({ actionName: 'First' }), ReleaseStep.approval({ actionName: 'Second' }), ReleaseStep.deleteStack(testStack)],
    });
    const reviewer = new iam.User(stack, 'Reviewer');
    stage.grantApprove(reviewer);
    release(stack, source, [stage]);
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
      .filter((p: any) => p.Properties.Users)
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => s.Action === 'codepipeline:PutApprovalResult')
      .map((s: any) => s.Resource['Fn::Join'][1].at(-1));
    expect(statements).toEqual(['/Test/First', '/Test/Second']);
  });
});
