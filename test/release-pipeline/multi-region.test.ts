import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { RegionalArtifactStore } from '../../lib/cross-account';
import { ChangeSetStage, TestStackStage } from '../../lib/stages';
import { multiRegionApp, PIPELINE, PROD, shopIdentity, shopPipeline, STAGING, target } from './multi-region-fixture';

/** The one resource of `type` in `stack` whose logical ID starts with `prefix`. */
function resource(stack: Stack, type: string, prefix: string): any {
  const found = Object.entries(Template.fromStack(stack).findResources(type)).filter(([id]) => id.startsWith(prefix));
  expect(found).toHaveLength(1);
  return found[0][1].Properties;
}

const getAtt = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const objects = (id: string) => ({ 'Fn::Join': ['', [getAtt(id), '/*']] });
const accountRoot = { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${PIPELINE}:root`]] } };
const tlsOnly = (bucket: any, objectsOfBucket: any) => ({
  Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Effect: 'Deny', Principal: { AWS: '*' }, Resource: [bucket, objectsOfBucket],
});
const keyDecrypt = (role: string, region: string) => ({
  Action: 'kms:Decrypt', Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } }, Effect: 'Allow', Principal: { AWS: role }, Resource: '*',
});
const bucketRead = (role: string, objectsOfBucket: any) => ({
  Action: ['s3:GetObject', 's3:GetObjectVersion'], Effect: 'Allow', Principal: { AWS: role }, Resource: objectsOfBucket,
});

const US_BUCKET = 'ReleaseArtifactStoreBucket4520EE35';
const US_KEY = 'ReleaseArtifactStoreKey5A4A6847';
const EU_BUCKET = 'Bucket83908E77';

describe('a pipeline in us-east-1 deploying to (staging, us-east-1), (prod, us-east-1) and (prod, eu-west-1)', () => {
  const built = multiRegionApp();
  const { app, stack, euStore, staging, prodUs, prodEu } = built;
  const assembly = app.synth();

  test('the app has exactly the stacks the user made: no aws-cdk-lib support stack', () => {
    expect(assembly.stacks.map((s) => `${s.id} ${s.environment.account}/${s.environment.region}`).sort()).toEqual([
      `ArtifactsEuWest1 ${PIPELINE}/eu-west-1`,
      `ProdEuTarget ${PROD}/eu-west-1`,
      `ProdUsTarget ${PROD}/us-east-1`,
      `ShopPipeline ${PIPELINE}/us-east-1`,
      `StagingTarget ${STAGING}/us-east-1`,
    ]);
    expect(app.node.findAll().filter((c) => /^cross-(region|account-support)-stack-/.test(c.node.id))).toEqual([]);
  });

  test('stack dependencies: targets before stores before the pipeline, one pass', () => {
    const dependencies = Object.fromEntries(assembly.stacks.map((s) => [s.id, s.dependencies.map((d) => d.id).filter((id) => !id.endsWith('.assets')).sort()]));
    expect(dependencies).toEqual({
      StagingTarget: [],
      ProdUsTarget: [],
      ProdEuTarget: [],
      ArtifactsEuWest1: ['ProdEuTarget'],
      ShopPipeline: ['ArtifactsEuWest1', 'ProdUsTarget', 'StagingTarget'],
    });
    // Deploying in the manifest's order never meets a stack before what it depends on.
    const deployed = new Set<string>();
    for (const s of assembly.stacks) {
      for (const d of dependencies[s.id]) expect(deployed.has(d)).toBe(true);
      deployed.add(s.id);
    }
  });

  test('ArtifactStores: each region with its bucket and key; the other region\'s key by its alias ARN', () => {
    const pipeline = resource(stack, 'AWS::CodePipeline::Pipeline', 'ReleasePipeline');
    expect(pipeline.ArtifactStore).toBeUndefined();
    expect(pipeline.ArtifactStores).toEqual([
      { Region: 'us-east-1', ArtifactStore: { Type: 'S3', Location: { Ref: US_BUCKET }, EncryptionKey: { Type: 'KMS', Id: getAtt(US_KEY) } } },
      { Region: 'eu-west-1', ArtifactStore: { Type: 'S3', Location: 'shop-artifacts-111111111111-eu-west-1', EncryptionKey: { Type: 'KMS', Id: 'arn:aws:kms:eu-west-1:111111111111:alias/shop-artifacts' } } },
    ]);
    expect(pipeline.Stages.slice(1).map((s: any) => s.Actions.map((a: any) => `${a.Name} ${a.Region ?? '-'} ${a.RoleArn ?? '-'}`))).toEqual([
      ['CreateStack - arn:aws:iam::222222222222:role/shop-deploy-action', 'ApproveTestStack - -', 'DeleteTestStack - arn:aws:iam::222222222222:role/shop-deploy-action'],
      ['CreateChangeSet - arn:aws:iam::333333333333:role/shop-deploy-action', 'ApproveChangeSet - -', 'ExecuteChangeSet - arn:aws:iam::333333333333:role/shop-deploy-action'],
      ['CreateChangeSet eu-west-1 arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1', 'ApproveChangeSet - -', 'ExecuteChangeSet eu-west-1 arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1'],
    ]);
  });

  test('us-east-1 store: key and bucket policies name exactly the us-east-1 action roles', () => {
    expect(resource(stack, 'AWS::KMS::Key', 'ReleaseArtifactStoreKey').KeyPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Action: 'kms:*', Effect: 'Allow', Principal: accountRoot, Resource: '*' },
        keyDecrypt('arn:aws:iam::222222222222:role/shop-deploy-action', 'us-east-1'),
        keyDecrypt('arn:aws:iam::333333333333:role/shop-deploy-action', 'us-east-1'),
      ],
    });
    expect(resource(stack, 'AWS::S3::BucketPolicy', 'ReleaseArtifactStoreBucketPolicy')).toEqual({
      Bucket: { Ref: US_BUCKET },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          tlsOnly(getAtt(US_BUCKET), objects(US_BUCKET)),
          bucketRead('arn:aws:iam::222222222222:role/shop-deploy-action', objects(US_BUCKET)),
          bucketRead('arn:aws:iam::333333333333:role/shop-deploy-action', objects(US_BUCKET)),
        ],
      },
    });
  });

  test('eu-west-1 store: rotated key with the alias, bucket, and policies naming exactly the eu-west-1 action role', () => {
    const template = Template.fromStack(euStore);
    expect(Object.values(template.toJSON().Resources).map((r: any) => r.Type)).toEqual([
      'AWS::KMS::Key', 'AWS::KMS::Alias', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy',
    ]);
    expect(resource(euStore, 'AWS::KMS::Key', 'Key')).toEqual({
      Description: "Encrypts the shop pipeline's artifacts; used by its target accounts through S3",
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          { Action: 'kms:*', Effect: 'Allow', Principal: accountRoot, Resource: '*' },
          keyDecrypt('arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1', 'eu-west-1'),
        ],
      },
    });
    expect(resource(euStore, 'AWS::KMS::Alias', 'KeyAlias')).toEqual({ AliasName: 'alias/shop-artifacts', TargetKeyId: getAtt('Key961B73FD') });
    expect(resource(euStore, 'AWS::S3::Bucket', 'Bucket')).toEqual({
      BucketName: 'shop-artifacts-111111111111-eu-west-1',
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { KMSMasterKeyID: getAtt('Key961B73FD'), SSEAlgorithm: 'aws:kms' } }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: 'AccessLogs8B620ECA' }, LogFilePrefix: 'shop-artifacts-111111111111-eu-west-1/' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      VersioningConfiguration: { Status: 'Enabled' },
    });
    expect(resource(euStore, 'AWS::S3::BucketPolicy', 'BucketPolicy')).toEqual({
      Bucket: { Ref: EU_BUCKET },
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          tlsOnly(getAtt(EU_BUCKET), objects(EU_BUCKET)),
          bucketRead('arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1', objects(EU_BUCKET)),
        ],
      },
    });
  });

  test('pipeline role: assumes the three action roles; the eu-west-1 bucket and key/* by alias, and no alias-ARN statement', () => {
    const usBucket = [getAtt(US_BUCKET), objects(US_BUCKET)];
    const readWrite = ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:PutObject', 's3:PutObjectLegalHold', 's3:PutObjectRetention', 's3:PutObjectTagging', 's3:PutObjectVersionTagging', 's3:Abort*'];
    const policy = resource(stack, 'AWS::IAM::Policy', 'ReleaseArtifactStorePipelineRole');
    expect(policy.Roles).toEqual([{ Ref: 'ReleaseArtifactStorePipelineRole108138AD' }]);
    expect(policy.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Action: 'sts:AssumeRole', Effect: 'Allow',
          Resource: ['arn:aws:iam::222222222222:role/shop-deploy-action', 'arn:aws:iam::333333333333:role/shop-deploy-action', 'arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1'],
        },
        // aws-cdk-lib's codepipeline.Pipeline: its own artifact bucket and key.
        { Action: readWrite, Effect: 'Allow', Resource: usBucket },
        { Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Effect: 'Allow', Resource: getAtt(US_KEY) },
        // The S3 source action.
        { Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'], Effect: 'Allow', Resource: [getAtt('SourceBucketDDD2130A'), { 'Fn::Join': ['', [getAtt('SourceBucketDDD2130A'), '/app.zip']] }] },
        { Action: readWrite.slice(3), Effect: 'Allow', Resource: usBucket },
        { Action: ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Decrypt'], Effect: 'Allow', Resource: getAtt(US_KEY) },
        // aws-cdk-lib's grantAssumeRole for each cross-account action role, beside ours.
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::222222222222:role/shop-deploy-action' },
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::333333333333:role/shop-deploy-action' },
        // The eu-west-1 store, through its bucket view: read/write on the bucket, KMS on key/* by alias.
        { Action: readWrite, Effect: 'Allow', Resource: ['arn:aws:s3:::shop-artifacts-111111111111-eu-west-1', 'arn:aws:s3:::shop-artifacts-111111111111-eu-west-1/*'] },
        {
          Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'], Effect: 'Allow',
          Resource: 'arn:aws:kms:eu-west-1:111111111111:key/*',
          Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/shop-artifacts' } },
        },
        { Action: 'sts:AssumeRole', Effect: 'Allow', Resource: 'arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1' },
      ],
    });
    expect(JSON.stringify(policy)).not.toContain(':alias/');
  });

  test('every target role: trust unchanged (the pipeline role by aws:PrincipalArn), statements scoped to its region', () => {
    const trust = {
      Version: '2012-10-17',
      Statement: [{
        Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' },
        Condition: { ArnEquals: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/shop-pipeline' } },
      }],
    };
    const cloudFormationTrust = { Version: '2012-10-17', Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'cloudformation.amazonaws.com' } }] };
    const artifactReads = (region: string) => [
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion'], Resource: `arn:aws:s3:::shop-artifacts-111111111111-${region}/*` },
      {
        Effect: 'Allow', Action: 'kms:Decrypt', Resource: `arn:aws:kms:${region}:111111111111:key/*`,
        Condition: { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/shop-artifacts' }, 'StringEquals': { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
      },
    ];
    const passRole = (account: string, suffix: string) => ({
      Effect: 'Allow', Action: 'iam:PassRole', Resource: `arn:aws:iam::${account}:role/shop-cfn-execution${suffix}`,
      Condition: { StringEquals: { 'iam:PassedToService': 'cloudformation.amazonaws.com' } },
    });
    const describe = (stackArn: string) => ({ Effect: 'Allow', Action: ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents'], Resource: stackArn });
    const changeSet = (stackArn: string) => ({
      Effect: 'Allow', Action: ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet', 'cloudformation:ExecuteChangeSet'],
      Resource: stackArn, Condition: { StringEqualsIfExists: { 'cloudformation:ChangeSetName': 'release' } },
    });
    const expected = [
      {
        stack: staging, roles: ['shop-deploy-action', 'shop-cfn-execution'],
        action: [passRole(STAGING, ''), ...artifactReads('us-east-1'), describe('arn:aws:cloudformation:us-east-1:222222222222:stack/shop-test/*'), {
          Effect: 'Allow', Resource: 'arn:aws:cloudformation:us-east-1:222222222222:stack/shop-test/*',
          Action: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DeleteStack', 'cloudformation:GetTemplate', 'cloudformation:GetStackPolicy', 'cloudformation:SetStackPolicy'],
        }],
        execution: 'arn:aws:sns:us-east-1:222222222222:app',
      },
      {
        stack: prodUs, roles: ['shop-deploy-action', 'shop-cfn-execution'],
        action: [passRole(PROD, ''), ...artifactReads('us-east-1'), describe('arn:aws:cloudformation:us-east-1:333333333333:stack/shop/*'), changeSet('arn:aws:cloudformation:us-east-1:333333333333:stack/shop/*')],
        execution: 'arn:aws:sns:us-east-1:333333333333:app',
      },
      {
        stack: prodEu, roles: ['shop-deploy-action-eu-west-1', 'shop-cfn-execution-eu-west-1'],
        action: [passRole(PROD, '-eu-west-1'), ...artifactReads('eu-west-1'), describe('arn:aws:cloudformation:eu-west-1:333333333333:stack/shop/*'), changeSet('arn:aws:cloudformation:eu-west-1:333333333333:stack/shop/*')],
        execution: 'arn:aws:sns:eu-west-1:333333333333:app',
      },
    ];
    for (const { stack: targetStack, roles, action, execution } of expected) {
      const actionRole = resource(targetStack, 'AWS::IAM::Role', 'ActionRole');
      expect([actionRole.RoleName, actionRole.AssumeRolePolicyDocument]).toEqual([roles[0], trust]);
      const executionRole = resource(targetStack, 'AWS::IAM::Role', 'ExecutionRole');
      expect([executionRole.RoleName, executionRole.AssumeRolePolicyDocument]).toEqual([roles[1], cloudFormationTrust]);
      expect(resource(targetStack, 'AWS::IAM::Policy', 'ActionRoleDefaultPolicy').PolicyDocument).toEqual({ Version: '2012-10-17', Statement: action });
      expect(resource(targetStack, 'AWS::IAM::Policy', 'ExecutionRoleDefaultPolicy').PolicyDocument)
        .toEqual({ Version: '2012-10-17', Statement: [{ Action: 'sns:CreateTopic', Effect: 'Allow', Resource: execution }] });
    }
  });

  test('the stores know their targets, per region', () => {
    expect(built.pipeline.artifactStore?.targets).toEqual([staging, prodUs, prodEu]);
    expect(euStore.targets).toEqual([prodEu]);
    expect(built.pipeline.artifactStore?.regionalStores).toEqual([euStore]);
  });
});

describe('artifact access outside the pipeline\'s region', () => {
  test('allowExecutionRoleArtifactReads on an eu-west-1 target adds exactly its statements to the eu-west-1 policies', () => {
    const { euStore, prodEu } = multiRegionApp();
    prodEu.allowExecutionRoleArtifactReads();
    const action = 'arn:aws:iam::333333333333:role/shop-deploy-action-eu-west-1';
    const execution = 'arn:aws:iam::333333333333:role/shop-cfn-execution-eu-west-1';
    expect(resource(euStore, 'AWS::KMS::Key', 'Key').KeyPolicy.Statement).toEqual([
      { Action: 'kms:*', Effect: 'Allow', Principal: accountRoot, Resource: '*' },
      keyDecrypt(action, 'eu-west-1'),
      keyDecrypt(execution, 'eu-west-1'),
    ]);
    expect(resource(euStore, 'AWS::S3::BucketPolicy', 'BucketPolicy').PolicyDocument.Statement).toEqual([
      tlsOnly(getAtt(EU_BUCKET), objects(EU_BUCKET)),
      bucketRead(action, objects(EU_BUCKET)),
      bucketRead(execution, objects(EU_BUCKET)),
    ]);
  });

  test('allowArtifactWrites on an eu-west-1 target is refused: the store names its key by alias ARN, which S3 does not take from another account', () => {
    const { prodEu } = multiRegionApp();
    expect(() => prodEu.allowArtifactWrites()).toThrow('DeploymentTarget ProdEuTarget.allowArtifactWrites: the target is in eu-west-1, outside the pipeline\'s region us-east-1. Its artifact store names its key by alias ARN, and S3 encrypts an object written from another account only with a key named by key ARN, so the action\'s output would fail at run time. Write outputs from a target in us-east-1, or pass values between stages with output variables (the CloudFormation action\'s namespace) instead of OutputFileName.');
  });
});

describe('a regional store no stage deploys to', () => {
  test('is listed among the artifact stores, the pipeline deploys after it, and the pipeline role gets nothing on it', () => {
    const app = new App();
    const identity = shopIdentity();
    const staging = target(app, 'StagingTarget', identity, STAGING);
    const apStore = new RegionalArtifactStore(app, 'ArtifactsApSoutheast2', { identity, region: 'ap-southeast-2' });
    const { stack } = shopPipeline(app, identity, [new TestStackStage({ stageName: 'Staging', stackName: 'shop-test', templatePath: 'app.yaml', target: staging })], { regionalArtifactStores: [apStore] });
    const pipeline = resource(stack, 'AWS::CodePipeline::Pipeline', 'ReleasePipeline');
    expect(pipeline.ArtifactStores.map((s: any) => `${s.Region} ${JSON.stringify(s.ArtifactStore.Location)} ${JSON.stringify(s.ArtifactStore.EncryptionKey.Id)}`)).toEqual([
      `us-east-1 {"Ref":"${US_BUCKET}"} ${JSON.stringify(getAtt(US_KEY))}`,
      'ap-southeast-2 "shop-artifacts-111111111111-ap-southeast-2" "arn:aws:kms:ap-southeast-2:111111111111:alias/shop-artifacts"',
    ]);
    expect(stack.dependencies.map((s) => s.node.id).sort()).toEqual(['ArtifactsApSoutheast2', 'StagingTarget']);
    expect(JSON.stringify(resource(stack, 'AWS::IAM::Policy', 'ReleaseArtifactStorePipelineRole'))).not.toContain('ap-southeast-2');
  });
});

describe('ReleasePipeline refuses', () => {
  test('a target in a region without a store, naming the stage, the target, the region and the store to create', () => {
    const app = new App();
    const identity = shopIdentity();
    const prodEu = target(app, 'ProdEuTarget', identity, PROD, 'eu-west-1');
    expect(() => shopPipeline(app, identity, [
      new ChangeSetStage({ stageName: 'ProdEu', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', target: prodEu }),
    ])).toThrow('ReleasePipeline ShopPipeline/Release: stages[0] ("ProdEu") deploys to the target ProdEuTarget in region eu-west-1, which has no artifact store: the pipeline\'s own store holds the artifacts of us-east-1 only. Create the store of eu-west-1 in the pipeline account, new RegionalArtifactStore(app, \'ArtifactsEuWest1\', { identity, region: \'eu-west-1\' }), and pass it in regionalArtifactStores.');
  });

  test('a target whose region has a store for another region only', () => {
    const app = new App();
    const identity = shopIdentity();
    const prodAp = target(app, 'ProdApTarget', identity, PROD, 'ap-southeast-2');
    const euStore = new RegionalArtifactStore(app, 'ArtifactsEuWest1', { identity, region: 'eu-west-1' });
    expect(() => shopPipeline(app, identity, [
      new ChangeSetStage({ stageName: 'ProdAp', stackName: 'shop', changeSetName: 'release', templatePath: 'app.yaml', target: prodAp }),
    ], { regionalArtifactStores: [euStore] })).toThrow('stages[0] ("ProdAp") deploys to the target ProdApTarget in region ap-southeast-2, which has no artifact store: the pipeline\'s own store holds the artifacts of us-east-1 only. Create the store of ap-southeast-2 in the pipeline account, new RegionalArtifactStore(app, \'ArtifactsApSoutheast2\', { identity, region: \'ap-southeast-2\' }), and pass it in regionalArtifactStores.');
  });
});
