import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { CrossAccountArtifactStore, DeploymentTarget, PipelineIdentity, RegionalArtifactStore } from '../../lib/cross-account';
import { storeSharingNames } from '../../lib/cross-account/artifact-store';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });

function newTarget(app: App, id: string, account: string, region?: string, forIdentity = identity): DeploymentTarget {
  const target = new DeploymentTarget(app, id, {
    identity: forIdentity, account, region,
    executionStatements: [new iam.PolicyStatement({ actions: ['sqs:CreateQueue'], resources: [`arn:aws:sqs:${region ?? 'us-east-1'}:${account}:orders`] })],
  });
  target.allowStack('orders');
  return target;
}

describe('RegionalArtifactStore', () => {
  test('a stack in the pipeline account and its region, depending on the targets added to it', () => {
    const app = new App();
    const eu = newTarget(app, 'ProdEu', '333333333333', 'eu-west-1');
    const store = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1', targets: [eu] });
    expect([store.account, store.region]).toEqual(['111111111111', 'eu-west-1']);
    expect(store.dependencies).toEqual([eu]);
    expect(store.targets).toEqual([eu]);
    expect([store.bucket.bucketName, store.bucket.bucketArn, store.bucket.encryptionKey?.keyArn]).toEqual([
      'orders-artifacts-111111111111-eu-west-1', 'arn:aws:s3:::orders-artifacts-111111111111-eu-west-1', 'arn:aws:kms:eu-west-1:111111111111:alias/orders-artifacts',
    ]);
    expect(storeSharingNames(app, identity, 'eu-west-1')?.path).toBe('ArtifactsEuWest1');
  });

  test('its bucket view writes only the grantee\'s policy: the bucket and its objects, and key/* narrowed by the alias', () => {
    const app = new App();
    const store = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    const pipelineStack = new Stack(app, 'Pipeline', { env: { account: '111111111111', region: 'us-east-1' } });
    const role = new iam.Role(pipelineStack, 'Role', { assumedBy: new iam.ServicePrincipal('codepipeline.amazonaws.com') });
    store.bucket.grantRead(role);
    store.bucket.encryptionKey!.grantEncryptDecrypt(role);
    expect(Template.fromStack(pipelineStack).findResources('AWS::IAM::Policy')).toEqual({
      RoleDefaultPolicy5FFB7DAB: {
        Type: 'AWS::IAM::Policy',
        Properties: {
          PolicyName: 'RoleDefaultPolicy5FFB7DAB',
          Roles: [{ Ref: 'Role1ABCC5F0' }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'], Effect: 'Allow',
                Resource: ['arn:aws:s3:::orders-artifacts-111111111111-eu-west-1', 'arn:aws:s3:::orders-artifacts-111111111111-eu-west-1/*'],
              },
              {
                Action: ['kms:Decrypt', 'kms:DescribeKey'], Effect: 'Allow',
                Resource: 'arn:aws:kms:eu-west-1:111111111111:key/*',
                Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/orders-artifacts' } },
              },
              {
                Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Effect: 'Allow',
                Resource: 'arn:aws:kms:eu-west-1:111111111111:key/*',
                Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/orders-artifacts' } },
              },
            ],
          },
        },
      },
    });
    // The store's own policies are untouched: TLS only, and no target yet.
    const bucketArn = { 'Fn::GetAtt': ['Bucket83908E77', 'Arn'] };
    expect(Template.fromStack(store).findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: 'Bucket83908E77' } } }).BucketPolicyE9A3008A.Properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Effect: 'Deny', Principal: { AWS: '*' },
        Resource: [bucketArn, { 'Fn::Join': ['', [bucketArn, '/*']] }],
      }],
    });
    expect(Template.fromStack(store).findResources('AWS::KMS::Key').Key961B73FD.Properties.KeyPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [{ Action: 'kms:*', Effect: 'Allow', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::111111111111:root']] } }, Resource: '*' }],
    });
    expect(() => store.bucket.encryptionKey!.addAlias('alias/other')).toThrow('ArtifactsEuWest1/PipelineViewKey: cannot add the alias alias/other to the orders pipeline\'s artifact key in eu-west-1 through a reference; add it to the key in its store.');
  });

  test('refuses the pipeline\'s own region, a second store for one region, and a target of another region', () => {
    const app = new App();
    expect(() => new RegionalArtifactStore(app, 'ArtifactsUsEast1', { identity, region: 'us-east-1' }))
      .toThrow('RegionalArtifactStore ArtifactsUsEast1: region us-east-1 is the pipeline\'s own region (PipelineIdentity "orders"), whose artifacts the CrossAccountArtifactStore holds, with the targets there. Remove this store; a RegionalArtifactStore is for each other region the pipeline deploys to.');
    new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    expect(() => new RegionalArtifactStore(app, 'MoreArtifactsEuWest1', { identity: new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' }), region: 'eu-west-1' }))
      .toThrow('RegionalArtifactStore MoreArtifactsEuWest1: ArtifactsEuWest1 is already an artifact store of pipeline "orders" in account 111111111111 for region eu-west-1; both would create the bucket orders-artifacts-111111111111-eu-west-1, key alias alias/orders-artifacts in eu-west-1, and the second fails at deploy. Use one store per region: pass that one as regionalArtifactStores to every ReleasePipeline of this PipelineIdentity.');
    expect(() => new RegionalArtifactStore(app, 'Artifacts', { identity, region: 'Europe' }))
      .toThrow('RegionalArtifactStore Artifacts: region must be an AWS region name such as "us-east-1", got "Europe".');
  });

  test('a regional store and the store of another pipeline region of the same name clash', () => {
    const app = new App();
    new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    const euIdentity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'eu-west-1', name: 'orders' });
    const euPipeline = new Stack(app, 'EuPipeline', { env: { account: '111111111111', region: 'eu-west-1' } });
    expect(() => new CrossAccountArtifactStore(euPipeline, 'Store', { identity: euIdentity }))
      .toThrow('CrossAccountArtifactStore EuPipeline/Store: ArtifactsEuWest1 is already an artifact store of pipeline "orders" in account 111111111111; both would create the bucket orders-artifacts-111111111111-eu-west-1, key alias alias/orders-artifacts in eu-west-1, and the second fails at deploy.');
  });

  test('addTarget refuses a target of another region, of another pipeline, and a second target in one account', () => {
    const app = new App();
    const store = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    expect(() => store.addTarget(newTarget(app, 'ProdAp', '333333333333', 'ap-southeast-2')))
      .toThrow('RegionalArtifactStore ArtifactsEuWest1.addTarget(ProdAp): the target is in region ap-southeast-2, but this store holds the artifacts for eu-west-1. Add it to the store of ap-southeast-2.');
    expect(() => store.addTarget(newTarget(app, 'ProdUs', '333333333333')))
      .toThrow('RegionalArtifactStore ArtifactsEuWest1.addTarget(ProdUs): the target is in region us-east-1, but this store holds the artifacts for eu-west-1. Add it to the store of us-east-1, the pipeline\'s CrossAccountArtifactStore.');
    const billing = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'billing' });
    expect(() => store.addTarget(newTarget(app, 'Billing', '333333333333', 'eu-west-1', billing)))
      .toThrow('RegionalArtifactStore ArtifactsEuWest1.addTarget(Billing): the target was made for pipeline "billing" in 111111111111/us-east-1, but this store is pipeline "orders" in 111111111111/us-east-1. Create both from the same PipelineIdentity.');
    store.addTarget(newTarget(app, 'ProdEu', '333333333333', 'eu-west-1'));
    expect(() => store.addTarget(newTarget(app, 'ProdEuAgain', '333333333333', 'eu-west-1')))
      .toThrow('RegionalArtifactStore ArtifactsEuWest1.addTarget(ProdEuAgain): account 333333333333 already has the target ProdEu in region eu-west-1; its roles have the same names. Use one DeploymentTarget per account and region and call allowStack() on it for each stack.');
  });
});

describe('CrossAccountArtifactStore with regional stores', () => {
  function pipelineStore(app: App) {
    return new CrossAccountArtifactStore(new Stack(app, 'Pipeline', { env: { account: '111111111111', region: 'us-east-1' } }), 'Store', { identity });
  }

  test('addTarget hands a target of another region to that region\'s store and lets the pipeline role assume its action role', () => {
    const app = new App();
    const store = pipelineStore(app);
    const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    store.addRegionalStore(euStore);
    const eu = newTarget(app, 'ProdEu', '333333333333', 'eu-west-1');
    store.addTarget(eu);
    expect(euStore.targets).toEqual([eu]);
    expect(Stack.of(store).dependencies).toEqual([euStore]);
    expect(Object.keys(store.crossRegionReplicationBuckets)).toEqual(['us-east-1', 'eu-west-1']);
    expect(store.crossRegionReplicationBuckets['eu-west-1']).toBe(euStore.bucket);
  });

  test('refuses a target of a region without a store, and a regional store of another pipeline', () => {
    const app = new App();
    const store = pipelineStore(app);
    expect(() => store.addTarget(newTarget(app, 'ProdEu', '333333333333', 'eu-west-1')))
      .toThrow('CrossAccountArtifactStore Pipeline/Store.addTarget(ProdEu): the target is in region eu-west-1, and this store has no RegionalArtifactStore for it. Create one in the pipeline account (new RegionalArtifactStore(app, \'ArtifactsEuWest1\', { identity, region: \'eu-west-1\' })) and pass it to addRegionalStore() first.');
    const billing = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'billing' });
    expect(() => store.addRegionalStore(new RegionalArtifactStore(app, 'BillingEuWest1', { identity: billing, region: 'eu-west-1' })))
      .toThrow('CrossAccountArtifactStore Pipeline/Store.addRegionalStore(BillingEuWest1): the regional store was made for pipeline "billing" in 111111111111/us-east-1, but this store is pipeline "orders" in 111111111111/us-east-1. Create both from the same PipelineIdentity.');
  });
});
