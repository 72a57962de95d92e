import { App, Stack } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { summarizePipeline } from '../../lib/diagram/summary';
import { pipelineSummary } from '../../lib/testing';
import { PipelineModel } from '../../lib/model/pipeline-model';
import { cloudFormationAction, releasePipeline } from './fixtures';

/** A small aws-cdk-lib pipeline: S3 source, a test stack in another account, an approval, a change set. */
function smallPipelineStack(): Stack {
  const app = new App();
  const stack = new Stack(app, 'Delivery', { env: { account: '111111111111', region: 'us-east-1' } });
  const sourceBucket = new s3.Bucket(stack, 'SourceBucket', { versioned: true });
  const source = new codepipeline.Artifact('TemplateSource');
  const testRole = iam.Role.fromRoleArn(stack, 'TestDeployRole', 'arn:aws:iam::222222222222:role/pipeline-deploy-test', { mutable: false });
  const testCfnRole = iam.Role.fromRoleArn(stack, 'TestCfnRole', 'arn:aws:iam::222222222222:role/cfn-deploy-test', { mutable: false });
  new codepipeline.Pipeline(stack, 'Pipeline', {
    pipelineName: 'Release',
    crossAccountKeys: true,
    stages: [
      {
        stageName: 'Source',
        actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: sourceBucket, bucketKey: 'app.zip', output: source, trigger: actions.S3Trigger.NONE })],
      },
      {
        stageName: 'Test',
        actions: [
          new actions.CloudFormationCreateReplaceChangeSetAction({
            actionName: 'PrepareTestChanges',
            stackName: 'test-stack',
            changeSetName: 'test-changes',
            adminPermissions: false,
            templatePath: source.atPath('template.yaml'),
            role: testRole,
            deploymentRole: testCfnRole,
            account: '222222222222',
            runOrder: 1,
          }),
          new actions.ManualApprovalAction({ actionName: 'ApproveTestChanges', runOrder: 2 }),
          new actions.CloudFormationExecuteChangeSetAction({
            actionName: 'ExecuteTestChanges',
            stackName: 'test-stack',
            changeSetName: 'test-changes',
            role: testRole,
            account: '222222222222',
            runOrder: 3,
          }),
        ],
      },
    ],
  });
  return stack;
}

describe('pipelineSummary', () => {
  test('summarizes an aws-cdk-lib pipeline without hashes', () => {
    const summary = pipelineSummary(smallPipelineStack());
    // A CDK logical-ID hash is 8 upper-case hex digits right after the ID, e.g. PipelineRoleD68726F7.
    expect(summary).not.toMatch(/[a-z][0-9A-F]{8}\b/);
    expect(summary).toMatchSnapshot();
  });

  test('is stable: the same app gives the same text', () => {
    expect(pipelineSummary(smallPipelineStack())).toBe(pipelineSummary(smallPipelineStack()));
  });

  test('names the stack when it has no pipeline', () => {
    const stack = new Stack(new App(), 'Empty');
    expect(() => pipelineSummary(stack)).toThrow('pipelineSummary: stack Empty has no CodePipeline pipeline; pass the stack that defines it.');
  });
});

describe('summarizePipeline', () => {
  test('lists stages, actions in run order, artifacts, targets, roles and configuration', () => {
    expect(summarizePipeline(releasePipeline())).toBe(
      [
        'Pipeline Release (role: PipelineRole, artifact store: S3 Ref(ArtifactsBucket) (KMS GetAtt(ArtifactsKey.Arn)))',
        '  Stage Source',
        '    1 Source  S3  -> out: TemplateSource',
        '        PollForSourceChanges=false',
        '        S3Bucket=Ref(SourceBucket)',
        '        S3ObjectKey=wordpress-single-instance.zip',
        '  Stage Check',
        '    1 Lint  CodeBuild  in: TemplateSource',
        '        ProjectName=Ref(LintProject)',
        '    1 UnitTests  CodeBuild  in: TemplateSource',
        '        ProjectName=unit-tests',
        '  Stage TestStage',
        '    1 CreateStack  CloudFormation REPLACE_ON_FAILURE stack=test-stack @ 222222222222/us-east-1  in: TemplateSource',
        '        role: pipeline-deploy-test',
        '        RoleArn=arn:aws:iam::222222222222:role/cfn-deploy-test',
        '        TemplateConfiguration=TemplateSource::test-stack-configuration.json',
        '        TemplatePath=TemplateSource::wordpress-single-instance.yaml',
        '    2 ApproveTestStack  Manual approval',
        '    3 DeleteTestStack  CloudFormation DELETE_ONLY stack=test-stack @ 222222222222/us-east-1',
        '        role: pipeline-deploy-test',
        '        RoleArn=arn:aws:iam::222222222222:role/cfn-deploy-test',
        '  Stage ProdStage',
        '    1 CreateChangeSet  CloudFormation CHANGE_SET_REPLACE stack=prod-stack changeset=prod-stack-changeset @ 333333333333  in: TemplateSource',
        '        role: pipeline-deploy-prod',
        '        RoleArn=arn:aws:iam::333333333333:role/cfn-deploy-prod',
        '        TemplatePath=TemplateSource::wordpress-single-instance.yaml',
        '    2 ApproveChangeSet  Manual approval',
        '    3 ExecuteChangeSet  CloudFormation CHANGE_SET_EXECUTE stack=prod-stack changeset=prod-stack-changeset @ 333333333333',
        '        role: pipeline-deploy-prod',
        '',
      ].join('\n'),
    );
  });

  test('masks credentials in configuration', () => {
    const pipeline = releasePipeline();
    const source = pipeline.stages[0].actions[0];
    const withToken = {
      ...pipeline,
      stages: [{ name: 'Source', actions: [{ ...source, configuration: { Owner: 'me', Repo: 'app', OAuthToken: 'ghp_secret' } }] }],
    };
    expect(summarizePipeline(withToken)).toContain('        OAuthToken=****\n        Owner=me\n');
    expect(summarizePipeline(withToken)).not.toContain('ghp_secret');
  });

  test('a line break or escape sequence in a value is shown escaped: it cannot forge a line', () => {
    const pipeline: PipelineModel = {
      name: 'Release\n  Stage Approved',
      stages: [
        {
          name: 'Deploy\r\n    1 Check  Manual approval',
          actions: [cloudFormationAction('Go\u001b[2K', 1, { ActionMode: 'DELETE_ONLY', StackName: 'a\nb', 'Key\nForged': 'v\u202e' })],
        },
      ],
      context: {},
      origin: {},
    };
    expect(summarizePipeline(pipeline)).toBe(
      [
        'Pipeline Release\\n  Stage Approved (role: none)',
        '  Stage Deploy\\r\\n    1 Check  Manual approval',
        '    1 Go\\x1b[2K  CloudFormation DELETE_ONLY stack=a\\nb',
        '        Key\\nForged=v\\u202e',
        '',
      ].join('\n'),
    );
  });
});
