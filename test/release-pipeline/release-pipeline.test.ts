import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codecommit from 'aws-cdk-lib/aws-codecommit';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { PipelineChecks } from '../../lib/checks';
import { ReleasePipeline } from '../../lib/release-pipeline';
import { ReleaseSource } from '../../lib/sources';
import { ChangeSetStage, TestStackStage } from '../../lib/stages';
import { pipelineStack, release, testTarget } from '../stages/fixtures';

function pipelineOf(stack: Stack): any {
  const [pipeline] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties;
}

describe('ReleasePipeline', () => {
  test('V2 by default, no restart on update, source stage first', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    const pipeline = pipelineOf(stack);
    expect(pipeline.PipelineType).toBe('V2');
    expect(pipeline.RestartExecutionOnUpdate).toBe(false);
    expect(pipeline.Stages.map((s: any) => s.Name)).toEqual(['S3Source', 'TestStage']);
    expect(pipeline.Stages[0].Actions[0].Configuration).toEqual({ S3Bucket: { Ref: stack.getLogicalId(stack.node.findChild('SourceBucket').node.defaultChild as any) }, S3ObjectKey: 'app.zip' });
  });

  test('pipeline-account actions run as the pipeline role, unless usePipelineRoleForActions is false', () => {
    const approvalRole = (stack: Stack) => pipelineOf(stack).Stages[1].Actions[1].RoleArn;
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    expect(Object.keys(Template.fromStack(stack).findResources('AWS::IAM::Role'))).toEqual([
      expect.stringMatching(/^ExecutionRole[0-9A-F]{8}$/),
      expect.stringMatching(/^ReleasePipelineRole[0-9A-F]{8}$/),
    ]);
    expect(pipelineOf(stack).Stages[0].Actions[0].RoleArn).toBeUndefined();
    expect(approvalRole(stack)).toBeUndefined();

    const perAction = pipelineStack();
    release(perAction.stack, perAction.source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole: perAction.executionRole })], { usePipelineRoleForActions: false });
    expect(approvalRole(perAction.stack)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^ReleasePipelineTestStageApproveTestStackCodePipelineActionRole[0-9A-F]{8}$/), 'Arn'] });
  });

  test('pipelineType V1 when asked', () => {
    const { stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })], { pipelineType: codepipeline.PipelineType.V1 });
    expect(pipelineOf(stack).PipelineType).toBe('V1');
  });

  test('an unversioned source bucket in the same stack is a synth error (rule s3-source-bucket)', () => {
    const { stack, executionRole } = pipelineStack();
    const bucket = new s3.Bucket(stack, 'Unversioned');
    release(stack, ReleaseSource.s3({ bucket, key: 'app.zip' }), [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    expect(() => Template.fromStack(stack)).toThrow(/\[s3-source-bucket\] stage "S3Source", action "TemplateSource": the S3 source reads bucket \{"Ref":"Unversioned[0-9A-F]{8}"\}, which is not versioned/);
  });

  test('an unversioned source bucket in another stack of the app is a synth error', () => {
    const { app, stack, executionRole } = pipelineStack();
    const other = new Stack(app, 'Buckets', { env: { account: '111111111111', region: 'us-east-1' } });
    const bucket = new s3.Bucket(other, 'Unversioned');
    release(stack, ReleaseSource.s3({ bucket, key: 'app.zip' }), [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    expect(() => app.synth()).toThrow('[s3-source-bucket] the S3 source reads bucket Buckets/Unversioned, which is not versioned: enable versioning on the bucket (versioned: true).');
  });

  test('CodeCommit and connection sources', () => {
    const { stack, executionRole } = pipelineStack();
    const repository = new codecommit.Repository(stack, 'Repo', { repositoryName: 'templates' });
    release(stack, ReleaseSource.codeCommit({ repository, branch: 'main' }), [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    const [source] = pipelineOf(stack).Stages;
    expect(source.Name).toBe('Source');
    expect(source.Actions[0].ActionTypeId.Provider).toBe('CodeCommit');
    expect(source.Actions[0].Configuration.BranchName).toBe('main');

    const second = pipelineStack();
    const connectionArn = 'arn:aws:codeconnections:us-east-1:111111111111:connection/abc';
    release(second.stack, ReleaseSource.connection({ connectionArn, owner: 'octo', repo: 'templates', branch: 'main' }),
      [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole: second.executionRole })]);
    const [github] = pipelineOf(second.stack).Stages;
    expect(github.Actions[0].ActionTypeId.Provider).toBe('CodeStarSourceConnection');
    expect(github.Actions[0].Configuration).toMatchObject({ ConnectionArn: connectionArn, FullRepositoryId: 'octo/templates', BranchName: 'main' });
    expect(() => ReleaseSource.connection({ connectionArn: 'github-token', owner: 'o', repo: 'r' })).toThrow('ReleaseSource.connection: connectionArn "github-token" is not a connection ARN (arn:aws:codeconnections:REGION:ACCOUNT:connection/ID).');
  });

  test('a stage with a target gets a CrossAccountArtifactStore for its identity, with the target added', () => {
    const { app, stack, source } = pipelineStack();
    const target = testTarget(app);
    const pipeline = release(stack, source, [new ChangeSetStage({ target, stackName: 'Prod-App', changeSetName: 'Preview', templatePath: 'app.yaml' })]);
    expect(pipeline.artifactStore?.targets).toEqual([target]);
    const properties = pipelineOf(stack);
    expect(properties.RoleArn).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(pipeline.artifactStore!.pipelineRole.node.defaultChild as any), 'Arn'] });
    const store = pipeline.artifactStore!;
    expect(properties.ArtifactStore).toEqual({
      Type: 'S3',
      Location: { Ref: stack.getLogicalId(store.bucketResource.node.defaultChild as any) },
      EncryptionKey: { Type: 'KMS', Id: { 'Fn::GetAtt': [stack.getLogicalId(store.key.node.defaultChild as any), 'Arn'] } },
    });
    expect(stack.dependencies).toContain(target);
  });

  test('runs the rule engine on itself with the given quotas', () => {
    const { stack, source, executionRole } = pipelineStack();
    const stages = Array.from({ length: 10 }, (_, i) => new TestStackStage({ stageName: `Test${i}`, stackName: `Test-App${i}`, templatePath: 'app.yaml', executionRole }));
    release(stack, source, stages, { checks: { quotas: 'classic' } });
    expect(() => Template.fromStack(stack)).toThrow('[Pipeline/Release/Pipeline] [stage-count] pipeline "release": the pipeline has 11 stages; the limit is 10 (CodePipeline user guide (2017), Limits in AWS CodePipeline). Fix: merge stages or split the release into several pipelines; if your account\'s quota was raised, set the maxStagesPerPipeline override.');
  });

  test('synth writes the pipeline\'s diagrams beside the template, unless diagrams is false', () => {
    const { app, stack, source, executionRole } = pipelineStack();
    release(stack, source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole })]);
    const outdir = app.synth().directory;
    const svg = fs.readFileSync(path.join(outdir, 'Pipeline.Release-Pipeline.pipeline.svg'), 'utf-8');
    expect(svg).toContain('CreateStack');
    expect(fs.readFileSync(path.join(outdir, 'Pipeline.Release-Pipeline.pipeline.md'), 'utf-8')).toContain('flowchart LR');

    const quiet = pipelineStack();
    release(quiet.stack, quiet.source, [new TestStackStage({ stackName: 'Test-App', templatePath: 'app.yaml', executionRole: quiet.executionRole })], { diagrams: false });
    expect(fs.readdirSync(quiet.app.synth().directory).filter((f) => f.endsWith('.pipeline.svg'))).toEqual([]);
  });

  test('without its checks prop it yields to a check on an enclosing scope', () => {
    const { app, stack, source, executionRole } = pipelineStack();
    const stages = Array.from({ length: 10 }, (_, i) => new TestStackStage({ stageName: `Test${i}`, stackName: `Test-App${i}`, templatePath: 'app.yaml', executionRole }));
    release(stack, source, stages);
    PipelineChecks.of(app, { quotas: 'classic' });
    expect(() => Template.fromStack(stack)).toThrow('[Pipeline/Release/Pipeline] [stage-count] pipeline "release": the pipeline has 11 stages; the limit is 10');
  });

  test('invalid: no stages, duplicate stage names', () => {
    const { stack, source, executionRole } = pipelineStack();
    expect(() => new ReleasePipeline(stack, 'Empty', { source, stages: [] })).toThrow('ReleasePipeline Pipeline/Empty: stages is empty; add at least one release stage (e.g. a TestStackStage or ChangeSetStage).');
    expect(() => new ReleasePipeline(stack, 'Clash', {
      source, stages: [new TestStackStage({ stageName: 'S3Source', stackName: 'Test-App', templatePath: 'app.yaml', executionRole })],
    })).toThrow('ReleasePipeline Pipeline/Clash: stage name "S3Source" is used by both the source and a release stage; give each stage its own stageName.');
  });
});
