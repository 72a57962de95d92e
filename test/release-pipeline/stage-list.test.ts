import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ChangeSetStage, TestStackStage } from '../../lib/stages';
import { PIPELINE_ACCOUNT, REGION, TEST_ACCOUNT, pipelineStack, release, testTarget } from '../stages/fixtures';

describe('ReleasePipeline: a stack one stage deletes and another deploys', () => {
  test('a TestStackStage and a ChangeSetStage on one stack in one target account is an error naming both stages', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    expect(() => release(stack, source, [
      new TestStackStage({ target, stackName: 'App', templatePath: 'app.yaml' }),
      new ChangeSetStage({ target, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' }),
    ])).toThrow(`ReleasePipeline Pipeline/Release: stages "TestStage" and "ProdStage" both deploy stack "App" to account ${TEST_ACCOUNT}, ${REGION}, and "TestStage" deletes it after its approval: every release would delete the stack "ProdStage" deploys. Give the test stack of "TestStage" its own stackName.`);
  });

  test('the same in the pipeline account, in either order', () => {
    const { stack, source, executionRole } = pipelineStack();
    expect(() => release(stack, source, [
      new ChangeSetStage({ stageName: 'Prod', executionRole, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' }),
      new TestStackStage({ stageName: 'Smoke', executionRole, stackName: 'App', templatePath: 'app.yaml' }),
    ])).toThrow(`ReleasePipeline Pipeline/Release: stages "Prod" and "Smoke" both deploy stack "App" to account ${PIPELINE_ACCOUNT}, ${REGION}, and "Smoke" deletes it after its approval: every release would delete the stack "Prod" deploys. Give the test stack of "Smoke" its own stackName.`);
  });

  test('a target in the pipeline account counts as the pipeline account', () => {
    const { app, stack, source, executionRole } = pipelineStack();
    const identity = new PipelineIdentity({ pipelineAccount: PIPELINE_ACCOUNT, region: REGION, name: 'release' });
    const home = new DeploymentTarget(app, 'Home', { identity, account: PIPELINE_ACCOUNT, executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['*'] })] });
    expect(() => release(stack, source, [
      new TestStackStage({ target: home, stackName: 'App', templatePath: 'app.yaml' }),
      new ChangeSetStage({ executionRole, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' }),
    ])).toThrow(`ReleasePipeline Pipeline/Release: stages "TestStage" and "ProdStage" both deploy stack "App" to account ${PIPELINE_ACCOUNT}, ${REGION}, and "TestStage" deletes it after its approval`);
  });

  test('two TestStackStages with one stack on one target', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    expect(() => release(stack, source, [
      new TestStackStage({ stageName: 'TestA', target, stackName: 'Test-App', templatePath: 'app.yaml' }),
      new TestStackStage({ stageName: 'TestB', target, stackName: 'Test-App', templatePath: 'app.yaml' }),
    ])).toThrow(`ReleasePipeline Pipeline/Release: stages "TestA" and "TestB" both deploy stack "Test-App" to account ${TEST_ACCOUNT}, ${REGION}, and both delete it after their approval: each would delete the test stack the other is testing. Give each test stack its own stackName.`);
  });

  test('the pipeline\'s account as a token: stages without a target still share it', () => {
    const { app, source } = pipelineStack();
    const agnostic = new Stack(app, 'Agnostic');
    const role = iam.Role.fromRoleArn(agnostic, 'Cfn', 'arn:aws:iam::111111111111:role/cfn', { mutable: false });
    expect(() => release(agnostic, source, [
      new TestStackStage({ executionRole: role, stackName: 'App', templatePath: 'app.yaml' }),
      new ChangeSetStage({ executionRole: role, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' }),
    ])).toThrow('ReleasePipeline Agnostic/Release: stages "TestStage" and "ProdStage" both deploy stack "App" to the pipeline\'s account, the pipeline\'s region, and "TestStage" deletes it after its approval');
  });

  test('the same stack name in another account, and two stages that both keep a stack, pass', () => {
    const { app, stack, source, executionRole } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [
      new TestStackStage({ target, stackName: 'App', templatePath: 'app.yaml' }),
      new ChangeSetStage({ stageName: 'Migrate', executionRole, stackName: 'App', changeSetName: 'Migrate', templatePath: 'app.yaml' }),
      new ChangeSetStage({ executionRole, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' }),
    ]);
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('ReleasePipeline: a stage object used twice', () => {
  test('twice in one stages list: an error naming both positions', () => {
    const { stack, source, executionRole } = pipelineStack();
    const test = new TestStackStage({ executionRole, stackName: 'Test-App', templatePath: 'app.yaml' });
    const prod = new ChangeSetStage({ executionRole, stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml' });
    expect(() => release(stack, source, [test, prod, test])).toThrow('ReleasePipeline Pipeline/Release: stages[0] and stages[2] are the same stage object ("TestStage"); a stage object is one stage of one pipeline: create one stage object per pipeline stage.');
  });

  test('a pipeline whose checks failed does not hold on to its stages', () => {
    const { stack, source, executionRole } = pipelineStack();
    const test = new TestStackStage({ executionRole, stackName: 'Test-App', templatePath: 'app.yaml' });
    expect(() => new ReleasePipeline(stack, 'Broken', { source, stages: [test, test] })).toThrow('stages[0] and stages[1] are the same stage object');
    expect(() => release(stack, source, [test])).not.toThrow();
  });
});

describe('ReleasePipeline: one artifact store per PipelineIdentity', () => {
  test('two pipelines that would each create the store for one identity: the second is an error naming both', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    release(stack, source, [new ChangeSetStage({ target, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' })]);
    expect(() => new ReleasePipeline(stack, 'Hotfix', {
      source, stages: [new ChangeSetStage({ target, stackName: 'App-Hotfix', changeSetName: 'Preview', templatePath: 'app.yaml' })],
    })).toThrow('ReleasePipeline Pipeline/Hotfix: artifactStore is not given, so the pipeline would create a store for PipelineIdentity "release" (account 111111111111), but Pipeline/Release/ArtifactStore already is one; both would create the role release-pipeline, bucket release-artifacts-111111111111-us-east-1, key alias alias/release-artifacts in us-east-1, and the second fails at deploy. Pass that store as artifactStore (e.g. the other pipeline\'s artifactStore), or give this pipeline\'s targets a PipelineIdentity with another name.');
  });

  test('a store of the app given to both pipelines works', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    const first = release(stack, source, [new ChangeSetStage({ target, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' })]);
    const second = new ReleasePipeline(stack, 'Hotfix', {
      source, artifactStore: first.artifactStore,
      stages: [new ChangeSetStage({ target, stackName: 'App-Hotfix', changeSetName: 'Preview', templatePath: 'app.yaml' })],
    });
    expect(second.artifactStore).toBe(first.artifactStore);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::S3::Bucket', 3); // source, artifacts, access logs
    template.resourceCountIs('AWS::CodePipeline::Pipeline', 2);
  });

  test('a pipeline without artifactStore after a CrossAccountArtifactStore of the same identity', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    new CrossAccountArtifactStore(stack, 'Artifacts', { identity: target.identity });
    expect(() => release(stack, source, [new ChangeSetStage({ target, stackName: 'App', changeSetName: 'Preview', templatePath: 'app.yaml' })]))
      .toThrow('ReleasePipeline Pipeline/Release: artifactStore is not given, so the pipeline would create a store for PipelineIdentity "release" (account 111111111111), but Pipeline/Artifacts already is one;');
  });
});
