import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as codepipeline_actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PipelineChecks } from '../../lib/checks';
import { pipelinesFromDocument } from '../../lib/model/load-file';
import { ActionModel } from '../../lib/model/pipeline-model';
import { cfnDeleteDeployedStack } from '../../lib/rules/cfn-delete-deployed-stack';
import { ActionProps, PROD_ACCOUNT, SOURCE, TEST_ACCOUNT, cfnDeploy, check, finding, pipeline, ref, roleIn, s3Source, stage, sub } from './builder';

/** A CloudFormation action of `mode` on `stackName`, run by a role in `account` (the pipeline's when undefined). */
function cfn(name: string, mode: string, stackName: string, account: string | undefined, props: ActionProps = {}): ActionModel {
  const roles = account !== undefined ? { roleArn: roleIn(account, 'deploy-action'), RoleArn: roleIn(account, 'cfn-execution') } : {};
  const withoutTemplate = mode === 'DELETE_ONLY' || mode === 'CHANGE_SET_EXECUTE';
  return cfnDeploy(name, {
    roleArn: roles.roleArn,
    ...props,
    inputs: withoutTemplate ? [] : undefined,
    configuration: {
      ActionMode: mode,
      StackName: stackName,
      RoleArn: roles.RoleArn,
      TemplatePath: withoutTemplate ? undefined : 'Source::template.yaml',
      ChangeSetName: mode.startsWith('CHANGE_SET') ? 'release' : undefined,
      ...props.configuration,
    },
  });
}

/** The walkthrough's shape: a test stack created, approved and deleted, then a change set for production. */
function release(testStack: string, testAccount: string | undefined, prodStack: string, prodAccount: string | undefined, props: { test?: ActionProps; prod?: ActionProps } = {}) {
  return pipeline({
    stages: [
      stage('Source', s3Source()),
      stage('TestStage',
        cfn('CreateStack', 'REPLACE_ON_FAILURE', testStack, testAccount, { runOrder: 1, ...props.test }),
        cfn('DeleteTestStack', 'DELETE_ONLY', testStack, testAccount, { runOrder: 3, ...props.test })),
      stage('ProdStage',
        cfn('CreateChangeSet', 'CHANGE_SET_REPLACE', prodStack, prodAccount, { runOrder: 1, ...props.prod }),
        cfn('ExecuteChangeSet', 'CHANGE_SET_EXECUTE', prodStack, prodAccount, { runOrder: 3, ...props.prod })),
    ],
  });
}

const atDelete = { stage: 'TestStage', action: 'DeleteTestStack' };

describe('cfn-delete-deployed-stack', () => {
  test('a test stage deleting the stack a later stage deploys, in the same account, is an error', () => {
    expect(check(release('App', PROD_ACCOUNT, 'App', PROD_ACCOUNT), cfnDeleteDeployedStack)).toEqual([
      finding('cfn-delete-deployed-stack', atDelete, `the action deletes stack "App" (account ${PROD_ACCOUNT}, us-east-1), which stage "ProdStage", action "CreateChangeSet" deploys (CHANGE_SET_REPLACE): every release would delete the stack that stage deploys (${SOURCE.CLOUDFORMATION}). Fix: give the stack this stage deletes (a test stack) its own StackName, or deploy it to another account or region than "App".`),
    ]);
  });

  test('in the pipeline account (actions without a role), also when the pipeline\'s account and region are unknown', () => {
    expect(check(release('App', undefined, 'App', undefined), cfnDeleteDeployedStack)).toEqual([
      finding('cfn-delete-deployed-stack', atDelete, `the action deletes stack "App" (account 111111111111, us-east-1), which stage "ProdStage", action "CreateChangeSet" deploys (CHANGE_SET_REPLACE): every release would delete the stack that stage deploys (${SOURCE.CLOUDFORMATION}). Fix: give the stack this stage deletes (a test stack) its own StackName, or deploy it to another account or region than "App".`),
    ]);
    const unknownPlace = { ...release('App', undefined, 'App', undefined), context: {} };
    expect(check(unknownPlace, cfnDeleteDeployedStack).map((f) => f.message)).toEqual([
      expect.stringContaining('the action deletes stack "App" (the pipeline\'s account, the pipeline\'s region), which stage "ProdStage"'),
    ]);
  });

  test('a deploy in an earlier stage is reported too (the release ends with the stack deleted)', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Prod', cfn('Deploy', 'CREATE_UPDATE', 'App', PROD_ACCOUNT)),
        stage('Cleanup', cfn('Delete', 'DELETE_ONLY', 'App', PROD_ACCOUNT)),
      ],
    });
    expect(check(model, cfnDeleteDeployedStack)).toEqual([
      finding('cfn-delete-deployed-stack', { stage: 'Cleanup', action: 'Delete' }, `the action deletes stack "App" (account ${PROD_ACCOUNT}, us-east-1), which stage "Prod", action "Deploy" deploys (CREATE_UPDATE): every release would delete the stack that stage deploys (${SOURCE.CLOUDFORMATION}). Fix: give the stack this stage deletes (a test stack) its own StackName, or deploy it to another account or region than "App".`),
    ]);
  });

  test('two test stages with one stack name on one target: each delete is reported', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('TestA', cfn('Create', 'REPLACE_ON_FAILURE', 'Test-App', TEST_ACCOUNT, { runOrder: 1 }), cfn('Delete', 'DELETE_ONLY', 'Test-App', TEST_ACCOUNT, { runOrder: 2 })),
        stage('TestB', cfn('Create', 'REPLACE_ON_FAILURE', 'Test-App', TEST_ACCOUNT, { runOrder: 1 }), cfn('Delete', 'DELETE_ONLY', 'Test-App', TEST_ACCOUNT, { runOrder: 2 })),
      ],
    });
    expect(check(model, cfnDeleteDeployedStack).map((f) => [f.stage, f.action, f.message.split(':')[0]])).toEqual([
      ['TestA', 'Delete', `the action deletes stack "Test-App" (account ${TEST_ACCOUNT}, us-east-1), which stage "TestB", action "Create" deploys (REPLACE_ON_FAILURE)`],
      ['TestB', 'Delete', `the action deletes stack "Test-App" (account ${TEST_ACCOUNT}, us-east-1), which stage "TestA", action "Create" deploys (REPLACE_ON_FAILURE)`],
    ]);
  });

  test('a deploy at the same runOrder in the deleting stage is an error: the two run at once', () => {
    const model = pipeline({
      stages: [stage('Source', s3Source()), stage('Deploy', cfn('Create', 'CREATE_UPDATE', 'App', TEST_ACCOUNT), cfn('Delete', 'DELETE_ONLY', 'App', TEST_ACCOUNT))],
    });
    expect(check(model, cfnDeleteDeployedStack)).toEqual([
      finding('cfn-delete-deployed-stack', { stage: 'Deploy', action: 'Delete' }, `the action deletes stack "App" (account ${TEST_ACCOUNT}, us-east-1) at runOrder 1, and action "Create" of the same stage deploys it (CREATE_UPDATE) at the same runOrder: the two run at the same time (${SOURCE.CLOUDFORMATION}). Fix: give the delete a higher runOrder than the deploy, or give one of the two stacks another StackName.`),
    ]);
  });

  test('the test-stack pattern (deploy, then delete in the same stage) and a delete-then-redeploy in one stage pass', () => {
    expect(check(release('Test-App', TEST_ACCOUNT, 'App', PROD_ACCOUNT), cfnDeleteDeployedStack)).toEqual([]);
    const recreate = pipeline({
      stages: [stage('Source', s3Source()), stage('Recreate', cfn('Delete', 'DELETE_ONLY', 'App', TEST_ACCOUNT, { runOrder: 1 }), cfn('Create', 'CREATE_UPDATE', 'App', TEST_ACCOUNT, { runOrder: 2 }))],
    });
    expect(check(recreate, cfnDeleteDeployedStack)).toEqual([]);
  });

  test('the same stack name in another account or region passes', () => {
    expect(check(release('App', TEST_ACCOUNT, 'App', PROD_ACCOUNT), cfnDeleteDeployedStack)).toEqual([]);
    expect(check(release('App', PROD_ACCOUNT, 'App', PROD_ACCOUNT, { prod: { region: 'eu-west-1' } }), cfnDeleteDeployedStack)).toEqual([]);
    expect(check(release('App', PROD_ACCOUNT, 'App', PROD_ACCOUNT, { test: { region: 'us-east-1' } }), cfnDeleteDeployedStack)).toHaveLength(1);
  });

  test('values only known at deploy time are skipped, never reported', () => {
    expect(check(release('App', PROD_ACCOUNT, 'App', PROD_ACCOUNT, { test: { roleArn: sub('arn:aws:iam::${ProdAccount}:role/deploy') } }), cfnDeleteDeployedStack)).toEqual([]);
    expect(check(release('App', PROD_ACCOUNT, 'App', PROD_ACCOUNT, { prod: { region: ref('ProdRegion') } }), cfnDeleteDeployedStack)).toEqual([]);
    expect(check(release('App', PROD_ACCOUNT, 'App', PROD_ACCOUNT, { test: { configuration: { StackName: ref('TestStackName') } } }), cfnDeleteDeployedStack)).toEqual([]);
    const unknownPipelineAccount = { ...release('App', undefined, 'App', PROD_ACCOUNT), context: {} };
    expect(check(unknownPipelineAccount, cfnDeleteDeployedStack)).toEqual([]);
  });

  test('read from a CloudFormation template', () => {
    const template = {
      Resources: {
        Pipeline: {
          Type: 'AWS::CodePipeline::Pipeline',
          Properties: {
            Name: 'Release',
            RoleArn: 'arn:aws:iam::111111111111:role/pipeline',
            ArtifactStore: { Type: 'S3', Location: 'artifacts' },
            Stages: [
              { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' }, Configuration: { S3Bucket: 'src', S3ObjectKey: 'app.zip' }, OutputArtifacts: [{ Name: 'Src' }] }] },
              {
                Name: 'TestStage',
                Actions: [
                  { Name: 'CreateStack', RunOrder: 1, ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' }, Configuration: { ActionMode: 'REPLACE_ON_FAILURE', StackName: 'App', TemplatePath: 'Src::t.yaml', RoleArn: 'arn:aws:iam::111111111111:role/cfn' }, InputArtifacts: [{ Name: 'Src' }] },
                  { Name: 'DeleteTestStack', RunOrder: 2, ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' }, Configuration: { ActionMode: 'DELETE_ONLY', StackName: 'App', RoleArn: 'arn:aws:iam::111111111111:role/cfn' } },
                ],
              },
              {
                Name: 'ProdStage',
                Actions: [{ Name: 'Deploy', ActionTypeId: { Category: 'Deploy', Owner: 'AWS', Provider: 'CloudFormation', Version: '1' }, Configuration: { ActionMode: 'CREATE_UPDATE', StackName: 'App', TemplatePath: 'Src::t.yaml', RoleArn: 'arn:aws:iam::111111111111:role/cfn' }, InputArtifacts: [{ Name: 'Src' }] }],
              },
            ],
          },
        },
      },
    };
    const [model] = pipelinesFromDocument(template, 'release.json');
    expect(check(model, cfnDeleteDeployedStack).map((f) => [f.stage, f.action, f.message.split(':')[0]])).toEqual([
      ['TestStage', 'DeleteTestStack', 'the action deletes stack "App" (account 111111111111, the pipeline\'s region), which stage "ProdStage", action "Deploy" deploys (CREATE_UPDATE)'],
    ]);
  });

  test('a plain aws-cdk-lib pipeline fails synth', () => {
    const app = new App();
    const stack = new Stack(app, 'Delivery', { env: { account: '111111111111', region: 'us-east-1' } });
    const sourceOutput = new codepipeline.Artifact('Src');
    const deploymentRole = iam.Role.fromRoleArn(stack, 'Cfn', 'arn:aws:iam::111111111111:role/cfn', { mutable: false });
    const bucket = new s3.Bucket(stack, 'Source', { versioned: true });
    new codepipeline.Pipeline(stack, 'Release', {
      pipelineName: 'release',
      usePipelineRoleForActions: true,
      stages: [
        { stageName: 'Source', actions: [new codepipeline_actions.S3SourceAction({ actionName: 'Source', bucket, bucketKey: 'app.zip', output: sourceOutput })] },
        {
          stageName: 'Test',
          actions: [
            new codepipeline_actions.CloudFormationCreateUpdateStackAction({ actionName: 'Create', runOrder: 1, stackName: 'App', templatePath: sourceOutput.atPath('t.yaml'), adminPermissions: false, deploymentRole }),
            new codepipeline_actions.CloudFormationDeleteStackAction({ actionName: 'Delete', runOrder: 2, stackName: 'App', adminPermissions: false, deploymentRole }),
          ],
        },
        {
          stageName: 'Prod',
          actions: [new codepipeline_actions.CloudFormationCreateUpdateStackAction({ actionName: 'Deploy', stackName: 'App', templatePath: sourceOutput.atPath('t.yaml'), adminPermissions: false, deploymentRole })],
        },
      ],
    });
    PipelineChecks.of(app);
    expect(() => Template.fromStack(stack)).toThrow('[Delivery/Release] [cfn-delete-deployed-stack] stage "Test", action "Delete": the action deletes stack "App" (account 111111111111, us-east-1), which stage "Prod", action "Deploy" deploys (CREATE_UPDATE)');
  });
});
