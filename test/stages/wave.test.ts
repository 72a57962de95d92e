import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { ChangeSetStage, ReleaseStep, StepStage, TestStackStage } from '../../lib/stages';
import { pipelineStack, release, PIPELINE_ACCOUNT, REGION } from './fixtures';

const ACCOUNT_A = '222222222222';
const ACCOUNT_B = '333333333333';

function actionsOf(stack: Stack, stageName: string): any[] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.find((s: any) => s.Name === stageName).Actions;
}

function target(app: App, identity: PipelineIdentity, id: string, account: string): DeploymentTarget {
  return new DeploymentTarget(app, id, {
    identity, account,
    executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['*'] })],
  });
}

const identity = () => new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' });

describe('a wave: one deploy step over several targets', () => {
  test('one target keeps the single-target names; a StepStage deploy step fans out like the presets', () => {
    const { app, stack, source } = pipelineStack();
    const id = identity();
    const [a, b] = [target(app, id, 'A', ACCOUNT_A), target(app, id, 'B', ACCOUNT_B)];
    const testStacks = ReleaseStep.deployStack({ actionName: 'CreateStack', stackName: 'Test-App', templatePath: 'app.yaml', targets: [a, b], mode: 'REPLACE_ON_FAILURE' });
    release(stack, source, [
      new TestStackStage({ stackName: 'Single', templatePath: 'app.yaml', targets: [a] }),
      new StepStage({ stageName: 'Wave', steps: [testStacks, ReleaseStep.approval(), ReleaseStep.deleteStack(testStacks)] }),
    ]);
    expect(actionsOf(stack, 'TestStage').map((x: any) => x.Name)).toEqual(['CreateStack', 'ApproveTestStack', 'DeleteTestStack']);
    expect(actionsOf(stack, 'Wave').map((x: any) => [x.Name, x.RunOrder, x.Configuration.ActionMode])).toEqual([
      [`CreateStack-${ACCOUNT_A}-us-east-1`, 1, 'REPLACE_ON_FAILURE'],
      [`CreateStack-${ACCOUNT_B}-us-east-1`, 1, 'REPLACE_ON_FAILURE'],
      ['Approve', 2, undefined],
      [`DeleteStack-${ACCOUNT_A}-us-east-1`, 3, 'DELETE_ONLY'],
      [`DeleteStack-${ACCOUNT_B}-us-east-1`, 3, 'DELETE_ONLY'],
    ]);
    expect(actionsOf(stack, 'Wave')[2].Configuration.CustomData).toBe(`Review 2 stacks: test stack Test-App (account ${ACCOUNT_A}, us-east-1); test stack Test-App (account ${ACCOUNT_B}, us-east-1). Approve to delete the test stacks and continue the release; reject to stop the release and keep the test stacks for investigation. The review link opens the first.`);
  });

  test('the approval\'s comments stay within 1000 characters: a long list ends with "and N more"', () => {
    const { app, stack, source } = pipelineStack();
    const id = identity();
    const accounts = Array.from({ length: 20 }, (_, i) => String(300000000001 + i));
    const stackName = `App-${'x'.repeat(96)}`;
    release(stack, source, [new ChangeSetStage({
      stackName, changeSetName: 'Release', templatePath: 'app.yaml',
      targets: accounts.map((account, i) => target(app, id, `T${i}`, account)),
    })]);
    const comments: string = actionsOf(stack, 'ProdStage')[20].Configuration.CustomData;
    const item = (account: string) => `change set Release of stack ${stackName} (account ${account}, us-east-1)`;
    const decision = 'Approve to execute exactly these change sets and continue the release; reject to stop the release without changing the stacks. The review link opens the first.';
    const withShown = (shown: number) => `Review 20 change sets: ${accounts.slice(0, shown).map(item).join('; ')}; and ${20 - shown} more. ${decision}`;
    expect(comments).toBe(withShown(4));
    expect(comments.length).toBeLessThanOrEqual(1000);
    expect(withShown(5).length).toBeGreaterThan(1000);
  });

  test('stacks names every target, so a test stack deleted in one target of a wave clashes with a stage that keeps it there', () => {
    const { app, stack, source } = pipelineStack();
    const id = identity();
    const [a, b] = [target(app, id, 'A', ACCOUNT_A), target(app, id, 'B', ACCOUNT_B)];
    const testStage = new TestStackStage({ stackName: 'App', templatePath: 'app.yaml', targets: [a, b] });
    expect(testStage.stacks).toEqual([{ stackName: 'App', deletes: true, target: a }, { stackName: 'App', deletes: true, target: b }]);
    const prod = new ChangeSetStage({ stackName: 'App', changeSetName: 'Release', templatePath: 'app.yaml', target: b });
    expect(() => release(stack, source, [testStage, prod])).toThrow(`ReleasePipeline Pipeline/Release: stages "TestStage" and "ProdStage" both deploy stack "App" to account ${ACCOUNT_B}, us-east-1, and "TestStage" deletes it after its approval: every release would delete the stack "ProdStage" deploys. Give the test stack of "TestStage" its own stackName.`);
  });
});
