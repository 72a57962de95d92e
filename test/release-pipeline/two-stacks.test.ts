import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ChangeSetStage, CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity, RegionalArtifactStore, ReleasePipeline, ReleaseSource } from '../../lib';

function twoStacks(app: App) {
  const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'shop' });
  const target = new DeploymentTarget(app, 'Prod', { identity, account: '333333333333', executionStatements: [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: ['arn:aws:sns:us-east-1:333333333333:app'] })] });
  const env = { account: '111111111111', region: 'us-east-1' };
  const one = new Stack(app, 'One', { env });
  const two = new Stack(app, 'Two', { env });
  const store = new CrossAccountArtifactStore(one, 'Store', { identity });
  const pipelines = [one, two].map((stack, i) => {
    const bucket = new s3.Bucket(stack, `Src${i}`, { versioned: true, enforceSSL: true });
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'The source bucket of a test app: its access logs are the app owner\'s choice, not part of what the library builds.' });
    return new ReleasePipeline(stack, `Release${i}`, { artifactStore: store, source: ReleaseSource.s3({ bucket, key: 'a.zip' }), stages: [new ChangeSetStage({ stageName: 'Prod', stackName: `app${i}`, changeSetName: 'rel', templatePath: 'a.yaml', target })] });
  });
  return { one, two, pipelines };
}

interface ValidationReport {
  pluginReports: { violations: { ruleName: string; severity: string; violatingConstructs: { constructPath?: string }[] }[] }[];
}

const bucketArn = { 'Fn::ImportValue': 'One:ExportsOutputFnGetAttStoreBucket4FBDE984Arn1CDEC431' };
const bucketObjects = { 'Fn::Join': ['', [bucketArn, '/*']] };
const keyArn = { 'Fn::ImportValue': 'One:ExportsOutputFnGetAttStoreKey7A3C02BDArnF1ADA0B0' };
const sourceBucketArn = { 'Fn::GetAtt': ['Src1E63115AA', 'Arn'] };
const putObject = ['s3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging'];

describe('two ReleasePipelines of one PipelineIdentity in two stacks, sharing the store', () => {
  test('the pipeline outside the store\'s stack runs as the store\'s role by name, its grants a policy of its own stack attached to that role', () => {
    const { two, pipelines } = twoStacks(new App());
    const template = Template.fromStack(two);
    template.resourceCountIs('AWS::IAM::Role', 0);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', ...putObject, 's3:Abort*'], Resource: [bucketArn, bucketObjects] },
          { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Resource: keyArn },
          { Effect: 'Allow', Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'], Resource: [sourceBucketArn, { 'Fn::Join': ['', [sourceBucketArn, '/a.zip']] }] },
          { Effect: 'Allow', Action: ['s3:DeleteObject*', ...putObject, 's3:Abort*'], Resource: [bucketArn, bucketObjects] },
          { Effect: 'Allow', Action: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Decrypt'], Resource: keyArn },
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::333333333333:role/shop-deploy-action' },
        ],
      },
      Roles: ['shop-pipeline'],
    });
    template.hasResourceProperties('AWS::CodePipeline::Pipeline', {
      RoleArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:role/shop-pipeline']] },
    });
    expect(pipelines[1].pipeline.role.roleName).toBe('shop-pipeline');
    expect(pipelines[0].pipeline.role).toBe(pipelines[0].artifactStore!.pipelineRole);
  });

  test('the store\'s stack keeps no grant of the other stack\'s source bucket, and deploys first', () => {
    const { one, two } = twoStacks(new App());
    expect(two.dependencies).toEqual([one]);
    expect(one.dependencies.map((stack) => stack.node.path)).toEqual(['Prod']);
    expect(JSON.stringify(Template.fromStack(one).toJSON())).not.toContain('Src1');
  });

  test('both pipelines pass cdk-nag AwsSolutions; the reference to the role carries the store\'s evidence for aws-cdk-lib\'s artifact grants', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-stacks-nag-'));
    const app = new App({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    twoStacks(app);
    app.synth();
    const report: ValidationReport = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
    const findings = report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} ${c.constructPath}`)));
    expect(findings).toEqual([]);
    const acknowledged = (scope: string) => app.node.findAll().find((c) => c.node.path === scope)!.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => [id.replace('Annotation::AwsSolutions-IAM5', ''), reason]));
    const actions = ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', 'Action::s3:DeleteObject*', 'Action::s3:Abort*', 'Action::kms:ReEncrypt*', 'Action::kms:GenerateDataKey*'];
    const own = acknowledged('One/Store/PipelineRole');
    const reference = acknowledged('Two/Release1/PipelineRole');
    expect(own.map(([id]) => id)).toEqual([...actions.map((a) => `[${a}]`), '[Resource::<StoreBucket4FBDE984.Arn>/*]']);
    expect(reference.map(([id]) => id)).toEqual([...actions.map((a) => `[${a}]`), '[Resource::One:ExportsOutputFnGetAttStoreBucket4FBDE984Arn1CDEC431/*]']);
    expect(reference.map(([, reason]) => reason)).toEqual(own.map(([, reason]) => reason));
  });

  test('with a store in another region, the reference carries that region\'s evidence too, and cdk-nag finds nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'two-stacks-regional-nag-'));
    const app = new App({ outdir });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'shop' });
    const statements = (region: string) => [new iam.PolicyStatement({ actions: ['sns:CreateTopic'], resources: [`arn:aws:sns:${region}:333333333333:app`] })];
    const prodEu = new DeploymentTarget(app, 'ProdEu', { identity, account: '333333333333', region: 'eu-west-1', executionStatements: statements('eu-west-1') });
    const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    const env = { account: '111111111111', region: 'us-east-1' };
    const one = new Stack(app, 'One', { env });
    const two = new Stack(app, 'Two', { env });
    const store = new CrossAccountArtifactStore(one, 'Store', { identity });
    const bucket = new s3.Bucket(two, 'Src', { versioned: true, enforceSSL: true });
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'The source bucket of a test app: its access logs are the app owner\'s choice, not part of what the library builds.' });
    new ReleasePipeline(two, 'Release', {
      artifactStore: store, regionalArtifactStores: [euStore], source: ReleaseSource.s3({ bucket, key: 'a.zip' }),
      stages: [new ChangeSetStage({ stageName: 'ProdEu', stackName: 'app', changeSetName: 'rel', templatePath: 'a.yaml', target: prodEu })],
    });
    app.synth();
    const report: ValidationReport = JSON.parse(fs.readFileSync(path.join(outdir, cxapi.VALIDATION_REPORT_FILE), 'utf8'));
    expect(report.pluginReports.flatMap((r) => r.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.severity} ${v.ruleName} ${c.constructPath}`)))).toEqual([]);
    const ids = app.node.findAll().find((c) => c.node.path === 'Two/Release/PipelineRole')!.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap((m) => Object.keys(m.data as Record<string, string>));
    expect(ids.filter((id) => id.includes('eu-west-1'))).toEqual([
      'Annotation::AwsSolutions-IAM5[Resource::arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/*]',
      'Annotation::AwsSolutions-IAM5[Resource::arn:aws:kms:eu-west-1:111111111111:key/*]',
    ]);
  });
});
