import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { crossAccountExample } from '../../examples/cross-account';

const accounts = { pipelineAccount: '111111111111', testAccount: '222222222222', prodAccount: '333333333333', region: 'us-east-1' };

function synth() {
  const app = new App();
  const example = crossAccountExample(app, accounts);
  const assembly = app.synth();
  return { app, example, assembly };
}

describe('a plain aws-cdk-lib pipeline across three accounts', () => {
  test('exactly three stacks, in their accounts, the pipeline after both targets: no generated support stacks', () => {
    const { assembly } = synth();
    expect(assembly.stacks.map((s) => [s.stackName, s.environment.account, s.dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets')).sort()]).sort())
      .toEqual([
        ['SampleAppPipeline', '111111111111', ['SampleAppProdTarget', 'SampleAppTestTarget']],
        ['SampleAppProdTarget', '333333333333', []],
        ['SampleAppTestTarget', '222222222222', []],
      ]);
  });

  test('aws-cdk-lib adds nothing to the key and bucket policies: they name only our roles', () => {
    const { example } = synth();
    const template = Template.fromStack(example.pipelineStack);
    const keyPolicy = Object.values(template.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(keyPolicy.map((s: any) => [s.Principal.AWS, s.Action])).toEqual([
      [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:root']] }, 'kms:*'],
      ['arn:aws:iam::222222222222:role/sample-app-deploy-action', 'kms:Decrypt'],
      ['arn:aws:iam::333333333333:role/sample-app-deploy-action', 'kms:Decrypt'],
    ]);
    const bucketPolicy = Object.values(template.findResources('AWS::S3::BucketPolicy'))
      .find((p: any) => p.Properties.PolicyDocument.Statement.some((s: any) => s.Effect === 'Allow' && s.Principal.AWS))!;
    expect(bucketPolicy.Properties.PolicyDocument.Statement.map((s: any) => [s.Effect, s.Principal.AWS, s.Action])).toEqual([
      ['Deny', '*', 's3:*'],
      ['Allow', 'arn:aws:iam::222222222222:role/sample-app-deploy-action', ['s3:GetObject', 's3:GetObjectVersion']],
      ['Allow', 'arn:aws:iam::333333333333:role/sample-app-deploy-action', ['s3:GetObject', 's3:GetObjectVersion']],
    ]);
  });

  test('aws-cdk-lib adds nothing to the target stacks: two roles, two policies each', () => {
    const { example } = synth();
    for (const target of [example.testTarget, example.prodTarget]) {
      const resources = Template.fromStack(target).toJSON().Resources;
      expect(Object.values(resources).map((r: any) => r.Type).sort())
        .toEqual(['AWS::IAM::Policy', 'AWS::IAM::Policy', 'AWS::IAM::Role', 'AWS::IAM::Role']);
    }
  });

  test('each deploy action runs as the target action role and passes the target execution role', () => {
    const { example } = synth();
    const pipeline = Object.values(Template.fromStack(example.pipelineStack).findResources('AWS::CodePipeline::Pipeline'))[0];
    const deploys = pipeline.Properties.Stages.slice(1).map((stage: any) => {
      const [action] = stage.Actions;
      return [stage.Name, action.RoleArn, action.Configuration.RoleArn, action.Configuration.StackName];
    });
    expect(deploys).toEqual([
      ['Test', 'arn:aws:iam::222222222222:role/sample-app-deploy-action', 'arn:aws:iam::222222222222:role/sample-app-cfn-execution', 'sample-app-test'],
      ['Prod', 'arn:aws:iam::333333333333:role/sample-app-deploy-action', 'arn:aws:iam::333333333333:role/sample-app-cfn-execution', 'sample-app-prod'],
    ]);
    expect(pipeline.Properties.ArtifactStore).toEqual({
      Type: 'S3',
      Location: { Ref: expect.stringMatching(/^ArtifactsBucket/) },
      EncryptionKey: { Id: { 'Fn::GetAtt': [expect.stringMatching(/^ArtifactsKey/), 'Arn'] }, Type: 'KMS' },
    });
  });

  test('each target lets its action role deploy only its own stack', () => {
    const { example } = synth();
    expect([example.testTarget.stackNames, example.prodTarget.stackNames]).toEqual([['sample-app-test'], ['sample-app-prod']]);
  });
});
