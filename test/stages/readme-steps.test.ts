import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as iam from 'aws-cdk-lib/aws-iam';
import { DeploymentTarget } from '../../lib/cross-account';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ReleaseStep, StepStage } from '../../lib/stages';
import { pipelineStack, testTarget, TEST_ACCOUNT } from './fixtures';

function actionsOf(stack: Stack): [string, string, number][] {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages.slice(1).flatMap((s: any) => s.Actions.map((a: any) => [s.Name, a.Name, a.RunOrder]));
}

test('the README\'s "Stages built from steps" example: tests before an approval', () => {
  const { app, stack: pipelineStack_, source } = pipelineStack();
  const pipelineStackRef = pipelineStack_;
  const testTarget_ = testTarget(app);
  const prodTarget = new DeploymentTarget(app, 'ProdTarget', {
    identity: testTarget_.identity,
    account: '444444444444',
    executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['*'] })],
  });
  ((pipelineStack: Stack, testTarget: DeploymentTarget) => {
    // The README's code, as written there.
    const project = new codebuild.PipelineProject(pipelineStack, 'IntegrationTests', {
      buildSpec: codebuild.BuildSpec.fromSourceFilename('tests/buildspec.yml'),
    });
    const testStack = ReleaseStep.deployStack({
      actionName: 'CreateStack', target: testTarget, stackName: 'Test-App', templatePath: 'app.yaml', mode: 'REPLACE_ON_FAILURE',
    });
    const prod = ReleaseStep.createChangeSet({ target: prodTarget, stackName: 'Prod-App', changeSetName: 'Release', templatePath: 'app.yaml' });
    new ReleasePipeline(pipelineStack, 'Release', {
      source,
      stages: [
        new StepStage({
          stageName: 'Test',
          steps: [
            testStack,                                                          // 1: CreateStack
            ReleaseStep.codeBuild({ actionName: 'IntegrationTests', project }), // 2: the tests, on the template artifact
            ReleaseStep.approval(),                                             // 3: names Test-App, its account and region
            ReleaseStep.deleteStack(testStack),                                 // 4: deletes that same stack
          ],
        }),
        new StepStage({
          stageName: 'Prod',
          steps: [
            prod,
            ReleaseStep.commands({ actionName: 'Lint', commands: ['pip install cfn-lint', 'cfn-lint app.yaml'] }),
            ReleaseStep.approval(),
            ReleaseStep.executeChangeSet(prod),
          ],
        }),
      ],
    });
  })(pipelineStackRef, testTarget_);

  expect(actionsOf(pipelineStackRef)).toEqual([
    ['Test', 'CreateStack', 1], ['Test', 'IntegrationTests', 2], ['Test', 'Approve', 3], ['Test', 'DeleteStack', 4],
    ['Prod', 'CreateChangeSet', 1], ['Prod', 'Lint', 2], ['Prod', 'Approve', 3], ['Prod', 'ExecuteChangeSet', 4],
  ]);
  const [pipeline] = Object.values(Template.fromStack(pipelineStackRef).findResources('AWS::CodePipeline::Pipeline')) as any[];
  expect(pipeline.Properties.Stages[1].Actions[2].Configuration.CustomData).toBe(`Review the test stack Test-App (account ${TEST_ACCOUNT}, us-east-1). Approve to delete it and continue the release; reject to stop the release and keep the stack for investigation.`);
  expect(prodTarget.changeSetNames('Prod-App')).toEqual(['Release']);
});
