import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { walkthroughExample } from '../../examples/walkthrough';
import { pipelineSummary } from '../../lib/testing';

const ACCOUNTS = { pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', region: 'us-east-1' };

function pipelineStages(): any[] {
  const example = walkthroughExample(new App(), ACCOUNTS);
  const [pipeline] = Object.values(Template.fromStack(example.pipelineStack).findResources('AWS::CodePipeline::Pipeline')) as any[];
  return pipeline.Properties.Stages;
}

/**
 * AWS's walkthrough pipeline (the CloudFormation user guide's basic-pipeline.yml), written out by hand:
 * stage and action names, providers, modes, run orders and configuration keys. Two differences are
 * deliberate and asserted below: the deploy actions run as a role in the test or production account,
 * and ExecuteChangeSet has no RoleArn (CHANGE_SET_EXECUTE ignores it; the change set keeps the role
 * it was created with).
 */
interface SampleAction { name: string; category: string; provider: string; runOrder: number; mode?: string; keys: string[]; inputs: string[]; outputs: string[] }
const AWS_SAMPLE: { stage: string; actions: SampleAction[] }[] = [
  { stage: 'S3Source', actions: [
    { name: 'TemplateSource', category: 'Source', provider: 'S3', runOrder: 1, keys: ['S3Bucket', 'S3ObjectKey'], outputs: ['TemplateSource'], inputs: [] },
  ] },
  { stage: 'TestStage', actions: [
    { name: 'CreateStack', category: 'Deploy', provider: 'CloudFormation', runOrder: 1, mode: 'REPLACE_ON_FAILURE',
      keys: ['ActionMode', 'RoleArn', 'StackName', 'TemplateConfiguration', 'TemplatePath'], inputs: ['TemplateSource'], outputs: [] },
    { name: 'ApproveTestStack', category: 'Approval', provider: 'Manual', runOrder: 2, keys: ['CustomData', 'NotificationArn'], inputs: [], outputs: [] },
    { name: 'DeleteTestStack', category: 'Deploy', provider: 'CloudFormation', runOrder: 3, mode: 'DELETE_ONLY',
      keys: ['ActionMode', 'RoleArn', 'StackName'], inputs: [], outputs: [] },
  ] },
  { stage: 'ProdStage', actions: [
    { name: 'CreateChangeSet', category: 'Deploy', provider: 'CloudFormation', runOrder: 1, mode: 'CHANGE_SET_REPLACE',
      keys: ['ActionMode', 'ChangeSetName', 'RoleArn', 'StackName', 'TemplateConfiguration', 'TemplatePath'], inputs: ['TemplateSource'], outputs: [] },
    { name: 'ApproveChangeSet', category: 'Approval', provider: 'Manual', runOrder: 2, keys: ['CustomData', 'NotificationArn'], inputs: [], outputs: [] },
    { name: 'ExecuteChangeSet', category: 'Deploy', provider: 'CloudFormation', runOrder: 3, mode: 'CHANGE_SET_EXECUTE',
      keys: ['ActionMode', 'ChangeSetName', 'RoleArn', 'StackName'], inputs: [], outputs: [] },
  ] },
];

describe('walkthrough example', () => {
  test('matches AWS\'s walkthrough pipeline stage for stage and action for action', () => {
    const stages = pipelineStages();
    expect(stages.map((s) => s.Name)).toEqual(AWS_SAMPLE.map((s) => s.stage));
    AWS_SAMPLE.forEach((expected, i) => {
      const actual = stages[i].Actions;
      expect(actual.map((a: any) => a.Name)).toEqual(expected.actions.map((a) => a.name));
      expected.actions.forEach((want, j) => {
        const got = actual[j];
        expect([got.Name, got.ActionTypeId]).toEqual([want.name, { Category: want.category, Owner: 'AWS', Provider: want.provider, Version: '1' }]);
        expect([got.Name, got.RunOrder]).toEqual([want.name, want.runOrder]);
        expect([got.Name, got.Configuration.ActionMode]).toEqual([want.name, want.mode]);
        expect([got.Name, (got.InputArtifacts ?? []).map((a: any) => a.Name)]).toEqual([want.name, want.inputs]);
        expect([got.Name, (got.OutputArtifacts ?? []).map((a: any) => a.Name)]).toEqual([want.name, want.outputs]);
        // Ours has every key of the sample's but RoleArn on ExecuteChangeSet; the approvals add a review link.
        const sampleKeys = want.mode === 'CHANGE_SET_EXECUTE' ? want.keys.filter((k) => k !== 'RoleArn') : want.keys;
        const extra = want.category === 'Approval' ? ['ExternalEntityLink'] : [];
        expect([got.Name, Object.keys(got.Configuration).sort()]).toEqual([want.name, [...sampleKeys, ...extra].sort()]);
      });
    });
  });

  test('the sample\'s names and files; the same stack and change set throughout each stage', () => {
    const [source, test, prod] = pipelineStages();
    expect(source.Actions[0].Configuration.S3ObjectKey).toBe('wordpress.zip');
    const [create, approveTest, remove] = test.Actions;
    expect(create.Configuration).toMatchObject({ StackName: 'Test-MyWordPressSite', TemplatePath: 'TemplateSource::wordpress.yaml', TemplateConfiguration: 'TemplateSource::test-stack-configuration.json' });
    expect(remove.Configuration.StackName).toBe('Test-MyWordPressSite');
    const [createChangeSet, approveProd, execute] = prod.Actions;
    expect(createChangeSet.Configuration).toMatchObject({
      StackName: 'Prod-MyWordPressSite', ChangeSetName: 'UpdatePreview-MyWordPressSite',
      TemplatePath: 'TemplateSource::wordpress.yaml', TemplateConfiguration: 'TemplateSource::prod-stack-configuration.json',
    });
    expect(execute.Configuration).toEqual({ ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'Prod-MyWordPressSite', ChangeSetName: 'UpdatePreview-MyWordPressSite' });
    // One topic for both approvals, as in the sample.
    expect(approveTest.Configuration.NotificationArn).toEqual(approveProd.Configuration.NotificationArn);
    // Test in the test account, prod in the production account.
    expect([create.RoleArn, remove.RoleArn]).toEqual(Array(2).fill('arn:aws:iam::222222222222:role/wordpress-deploy-action'));
    expect([createChangeSet.RoleArn, execute.RoleArn]).toEqual(Array(2).fill('arn:aws:iam::333333333333:role/wordpress-deploy-action'));
    expect(create.Configuration.RoleArn).toBe('arn:aws:iam::222222222222:role/wordpress-cfn-execution');
    expect(createChangeSet.Configuration.RoleArn).toBe('arn:aws:iam::333333333333:role/wordpress-cfn-execution');
  });

  test('the pipeline role: the two action roles, the artifacts, the source object and the approval topic, nothing else', () => {
    const example = walkthroughExample(new App(), ACCOUNTS);
    const policies = Object.values(Template.fromStack(example.pipelineStack).findResources('AWS::IAM::Policy')) as any[];
    expect(policies.map((p) => p.Properties.Roles)).toEqual([[{ Ref: 'ArtifactsPipelineRole8D53669D' }]]);
    const bucket = { 'Fn::GetAtt': ['ArtifactsBucket88671897', 'Arn'] };
    const objects = { 'Fn::Join': ['', [bucket, '/*']] };
    const key = { 'Fn::GetAtt': ['ArtifactsKeyA4B22E2B', 'Arn'] };
    const source = { 'Fn::GetAtt': ['SourceBucketDDD2130A', 'Arn'] };
    const write = ['s3:DeleteObject*', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging', 's3:Abort*'];
    expect(policies[0].Properties.PolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ['arn:aws:iam::222222222222:role/wordpress-deploy-action', 'arn:aws:iam::333333333333:role/wordpress-deploy-action'] },
      // aws-cdk-lib's Pipeline: its artifact bucket and key.
      { Effect: 'Allow', Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*', ...write], Resource: [bucket, objects] },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Resource: key },
      // The S3 source action, run as the pipeline role: read the source object, write its output artifact.
      { Effect: 'Allow', Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'], Resource: [source, { 'Fn::Join': ['', [source, '/wordpress.zip']] }] },
      { Effect: 'Allow', Action: write, Resource: [bucket, objects] },
      { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Decrypt'], Resource: key },
      // Each cross-account action assumes its target's action role; each approval publishes to the topic.
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::222222222222:role/wordpress-deploy-action' },
      { Effect: 'Allow', Action: 'sns:Publish', Resource: { Ref: 'ApprovalTopic1D517B4C' } },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::333333333333:role/wordpress-deploy-action' },
    ]);
  });

  test('readable summary', () => {
    const example = walkthroughExample(new App(), ACCOUNTS);
    expect(pipelineSummary(example.pipelineStack)).toMatchSnapshot();
  });

  test('the pipeline DependsOn its role, as every aws-cdk-lib Pipeline does: validator rule W3005 is aws-cdk-lib\'s, not this library\'s', () => {
    // aws-cdk-lib's Pipeline adds the dependency on its role (node.addDependency), though RoleArn already
    // refers to the role; AWS's validator calls that W3005 and aws-cdk-lib's run of it leaves the rule out.
    const example = walkthroughExample(new App(), ACCOUNTS);
    const [ours] = Object.values(Template.fromStack(example.pipelineStack).findResources('AWS::CodePipeline::Pipeline')) as any[];
    expect([ours.DependsOn, ours.Properties.RoleArn]).toEqual([
      ['ArtifactsPipelineRoleDefaultPolicyD210F605', 'ArtifactsPipelineRole8D53669D'],
      { 'Fn::GetAtt': ['ArtifactsPipelineRole8D53669D', 'Arn'] },
    ]);

    const stack = new Stack(new App(), 'Plain', { env: { account: '111111111111', region: 'us-east-1' } });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com') });
    const output = new codepipeline.Artifact('Source');
    new codepipeline.Pipeline(stack, 'Pipeline', {
      role,
      stages: [
        { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Source', bucket: new s3.Bucket(stack, 'Bucket', { versioned: true }), bucketKey: 'a.zip', output })] },
        { stageName: 'Approve', actions: [new actions.ManualApprovalAction({ actionName: 'Approve' })] },
      ],
    });
    const [plain] = Object.values(Template.fromStack(stack).findResources('AWS::CodePipeline::Pipeline')) as any[];
    expect([plain.DependsOn, plain.Properties.RoleArn]).toEqual([
      ['RoleDefaultPolicy5FFB7DAB', 'Role1ABCC5F0'],
      { 'Fn::GetAtt': ['Role1ABCC5F0', 'Arn'] },
    ]);
  });
});
