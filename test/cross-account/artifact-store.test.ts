import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { storeSharingNames } from '../../lib/cross-account/artifact-store';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });
const env = { account: '111111111111', region: 'us-east-1' };

function setup() {
  const app = new App();
  const targets = ['222222222222', '333333333333'].map((account, i) => {
    const target = new DeploymentTarget(app, `Target${i}`, {
      identity, account,
      executionStatements: [new iam.PolicyStatement({ actions: ['sqs:CreateQueue'], resources: [`arn:aws:sqs:us-east-1:${account}:orders`] })],
    });
    target.allowStack('orders');
    return target;
  });
  const stack = new Stack(app, 'Pipeline', { env });
  const store = new CrossAccountArtifactStore(stack, 'Store', { identity, targets });
  return { app, stack, store, targets };
}

const bucketArn = { 'Fn::GetAtt': [Match.stringLikeRegexp('^StoreBucket'), 'Arn'] };
const objectsArn = { 'Fn::Join': ['', [bucketArn, '/*']] };
const role = (account: string, name: string) => `arn:aws:iam::${account}:role/orders-${name}`;

describe('CrossAccountArtifactStore', () => {
  test('key: customer managed, rotated, aliased; policy = account admin + Decrypt via S3 for each action role', () => {
    const { stack } = setup();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/orders-artifacts' });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow', Action: 'kms:*', Resource: '*',
            Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:root']] } },
          },
          ...['222222222222', '333333333333'].map((account) => ({
            Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*',
            Principal: { AWS: role(account, 'deploy-action') },
            Condition: { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } },
          })),
        ],
      },
    });
  });

  test('bucket: named, KMS-encrypted with the key, versioned, public access blocked, logged', () => {
    const { stack } = setup();
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      BucketName: 'orders-artifacts-111111111111-us-east-1',
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{
          ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StoreKey'), 'Arn'] } },
        }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      LoggingConfiguration: { DestinationBucketName: { Ref: Match.stringLikeRegexp('^StoreAccessLogs') }, LogFilePrefix: 'orders-artifacts-111111111111-us-east-1/' },
    });
  });

  test('bucket policy: TLS only, and object reads for exactly the action roles', () => {
    const { stack } = setup();
    Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: Match.stringLikeRegexp('^StoreBucket') },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Resource: [bucketArn, objectsArn] },
          ...['222222222222', '333333333333'].map((account) => ({
            Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Principal: { AWS: role(account, 'deploy-action') }, Resource: objectsArn,
          })),
        ],
      },
    });
  });

  test('writes and execution-role reads, declared after addTarget, reach both policies', () => {
    const { stack, targets } = setup();
    targets[0].allowArtifactWrites();
    targets[1].allowExecutionRoleArtifactReads();
    targets[1].allowExecutionRoleArtifactReads();
    const template = Template.fromStack(stack);
    const bucketStatements = Object.values(template.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: Match.stringLikeRegexp('^StoreBucket') } } }))[0]
      .Properties.PolicyDocument.Statement;
    expect(bucketStatements.slice(3)).toEqual([
      { Effect: 'Allow', Action: 's3:PutObject', Principal: { AWS: role('222222222222', 'deploy-action') }, Resource: expect.anything() },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Principal: { AWS: role('333333333333', 'cfn-execution') }, Resource: expect.anything() },
    ]);
    const keyStatements = Object.values(template.findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    const via = { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } };
    expect(keyStatements.slice(3)).toEqual([
      { Effect: 'Allow', Action: 'kms:GenerateDataKey', Principal: { AWS: role('222222222222', 'deploy-action') }, Resource: '*', Condition: via },
      { Effect: 'Allow', Action: 'kms:Decrypt', Principal: { AWS: role('333333333333', 'cfn-execution') }, Resource: '*', Condition: via },
    ]);
  });

  test('pipeline role: named, trusted by CodePipeline, may assume exactly the target action roles', () => {
    const { stack } = setup();
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'orders-pipeline',
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'codepipeline.amazonaws.com' } }] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^StorePipelineRole') }],
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: [role('222222222222', 'deploy-action'), role('333333333333', 'deploy-action')] }],
      },
    });
  });

  test('the pipeline stack depends on every target stack (one-pass deploy)', () => {
    const { stack, targets } = setup();
    expect(stack.dependencies).toEqual(targets);
  });

  test('input errors name the fix', () => {
    const { app, store } = setup();
    expect(() => new CrossAccountArtifactStore(new Stack(app, 'Elsewhere', { env: { account: '444444444444', region: 'us-east-1' } }), 'Store', { identity }))
      .toThrow("CrossAccountArtifactStore Elsewhere/Store: the stack's env (account 444444444444, region us-east-1) must be the identity's pipeline account 111111111111 and region us-east-1: pass env: { account: '111111111111', region: 'us-east-1' } to the stack.");
    const twin = new DeploymentTarget(app, 'Twin', { identity, account: '222222222222', administratorAccess: true });
    expect(() => store.addTarget(twin))
      .toThrow('CrossAccountArtifactStore Pipeline/Store.addTarget(Twin): account 222222222222 already has the target Target0 in region us-east-1; its roles have the same names. Use one DeploymentTarget per account and region and call allowStack() on it for each stack.');
    const other = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'billing' });
    const stranger = new DeploymentTarget(app, 'Stranger', { identity: other, account: '555555555555', administratorAccess: true });
    expect(() => store.addTarget(stranger))
      .toThrow('CrossAccountArtifactStore Pipeline/Store.addTarget(Stranger): the target was made for pipeline "billing" in 111111111111/us-east-1, but this store is pipeline "orders" in 111111111111/us-east-1. Create both from the same PipelineIdentity.');
  });

  test('adding a target again changes nothing', () => {
    const { stack, store, targets } = setup();
    const before = Template.fromStack(stack).toJSON();
    store.addTarget(targets[0]);
    expect(store.targets).toEqual(targets);
    expect(Template.fromStack(stack).toJSON()).toEqual(before);
  });

  test('a target made with a second identity for another region is told how to deploy there', () => {
    const { app, store } = setup();
    const europe = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'eu-west-1', name: 'orders' });
    const target = new DeploymentTarget(app, 'Europe', { identity: europe, account: '333333333333', administratorAccess: true });
    expect(() => store.addTarget(target))
      .toThrow('CrossAccountArtifactStore Pipeline/Store.addTarget(Europe): the target was made for pipeline "orders" in 111111111111/eu-west-1, but this store is pipeline "orders" in 111111111111/us-east-1. Create both from the same PipelineIdentity. A PipelineIdentity names the pipeline\'s own region (us-east-1); to deploy into eu-west-1, give the DeploymentTarget region: \'eu-west-1\' with the pipeline\'s identity, and the pipeline a RegionalArtifactStore for eu-west-1 (regionalArtifactStores).');
  });

  test('a second store whose names clash with one in the app is an error naming both', () => {
    const { app } = setup();
    const second = new Stack(app, 'Second', { env });
    expect(() => new CrossAccountArtifactStore(second, 'Store', { identity: new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' }) }))
      .toThrow('CrossAccountArtifactStore Second/Store: Pipeline/Store is already an artifact store of pipeline "orders" in account 111111111111; both would create the role orders-pipeline, bucket orders-artifacts-111111111111-us-east-1, key alias alias/orders-artifacts in us-east-1, and the second fails at deploy. Use one store for the pipeline (pass it as artifactStore to every ReleasePipeline of this PipelineIdentity), or give this one a PipelineIdentity with another name.');
    const west = new Stack(app, 'West', { env: { account: '111111111111', region: 'eu-west-1' } });
    expect(() => new CrossAccountArtifactStore(west, 'Store', { identity: new PipelineIdentity({ pipelineAccount: '111111111111', region: 'eu-west-1', name: 'orders' }) }))
      .toThrow('CrossAccountArtifactStore West/Store: Pipeline/Store is already an artifact store of pipeline "orders" in account 111111111111; both would create the role orders-pipeline, and the second fails at deploy.');
  });

  test('stores of other identities, or in another app, are not a clash', () => {
    const { app, stack } = setup();
    expect(() => new CrossAccountArtifactStore(stack, 'Billing', { identity: new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'billing' }) })).not.toThrow();
    expect(() => setup()).not.toThrow();
    expect(storeSharingNames(app, identity)?.path).toBe('Pipeline/Store');
  });
});
