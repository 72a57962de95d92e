import { evaluate } from './evaluate';
import { DeployedTemplate } from './intrinsics';
import { PolicyWorld } from './policy-world';

/**
 * The evaluation harness itself, on small hand-written templates: each side of a cross-account
 * request is needed, a key policy's root statement delegates to IAM in the key's account only, and
 * every intrinsic the templates use resolves to the deployed ARN.
 */
const P = '111111111111';
const T = '222222222222';
const REGION = 'eu-west-1';
const allow = (Action: string | string[], Resource: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action, ...(Resource === undefined ? {} : { Resource }), ...extra });
const doc = (...Statement: Array<Record<string, unknown>>) => ({ Version: '2012-10-17', Statement });

function world(options: { bucketGrantsReader: boolean; keyGrantsReader: boolean }): PolicyWorld {
  const store: DeployedTemplate = {
    stackName: 'Store', account: P, region: REGION,
    template: {
      Resources: {
        Key: { Type: 'AWS::KMS::Key', Properties: { KeyPolicy: doc(
          allow('kms:*', '*', { Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] } } }),
          ...(options.keyGrantsReader ? [allow('kms:Decrypt', '*', { Principal: { AWS: `arn:aws:iam::${T}:role/reader` } })] : []),
        ) } },
        Alias: { Type: 'AWS::KMS::Alias', Properties: { AliasName: 'alias/store', TargetKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } } },
        Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': ['Key', 'Arn'] } } }] } } },
        BucketPolicy: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: doc(
          ...(options.bucketGrantsReader ? [allow(['s3:GetObject', 's3:PutObject'], { 'Fn::Sub': '${Bucket.Arn}/*' }, { Principal: { AWS: `arn:aws:iam::${T}:role/reader` } })] : []),
        ) } },
        Writer: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: doc(allow('sts:AssumeRole', undefined, { Principal: { Service: 'codepipeline.amazonaws.com' } })) } },
        WriterPolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'WriterPolicy', Roles: [{ Ref: 'Writer' }], PolicyDocument: doc(
          allow('kms:GenerateDataKey', { 'Fn::GetAtt': ['Key', 'Arn'] }),
        ) } },
      },
    },
  };
  const reader: DeployedTemplate = {
    stackName: 'Reader', account: T, region: REGION,
    template: {
      Resources: {
        Role: { Type: 'AWS::IAM::Role', Properties: {
          RoleName: 'reader',
          AssumeRolePolicyDocument: doc(allow('sts:AssumeRole', undefined, { Principal: { AWS: `arn:aws:iam::${P}:root` } })),
          Policies: [{ PolicyName: 'read', PolicyDocument: doc(
            allow('s3:GetObject', { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::store-bucket/*']] }),
            allow('kms:Decrypt', { 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:' + P + ':key/*' }),
          ) }],
        } },
      },
    },
  };
  return new PolicyWorld([store, reader]);
}

const readerSession = `arn:aws:sts::${T}:assumed-role/reader/s`;
const object = 'arn:aws:s3:::store-bucket/a';

describe('the IAM evaluation harness', () => {
  // The bucket has no BucketName: CloudFormation names it; the harness names it <stack>-<logicalId>, lowercased.
  test('resolves Ref, Fn::GetAtt, Fn::Join and Fn::Sub to the deployed names', () => {
    const w = world({ bucketGrantsReader: true, keyGrantsReader: true });
    expect([...w.buckets.keys()]).toEqual(['store-bucket']);
    const key = w.keyByAlias(P, REGION, 'alias/store');
    expect(key.arn).toMatch(new RegExp(`^arn:aws:kms:${REGION}:${P}:key/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
    expect(w.bucket('store-bucket').keyArn).toBe(key.arn);
    expect(w.bucket('store-bucket').policy!.Statement[0].Resource).toBe('arn:aws:s3:::store-bucket/*');
    expect(w.role(readerSession).identityPolicies[0].policy.Statement[1].Resource).toBe(`arn:aws:kms:${REGION}:${P}:key/*`);
    expect(w.role(`arn:aws:iam::${P}:role/Store-Writer`).identityPolicies.map((p) => p.name)).toEqual(['WriterPolicy']);
  });

  test('a cross-account read needs the bucket policy and the identity policy', async () => {
    expect((await evaluate(world({ bucketGrantsReader: true, keyGrantsReader: true }), { principal: readerSession, action: 's3:GetObject', resource: object })).decision).toBe('Allowed');
    expect((await evaluate(world({ bucketGrantsReader: false, keyGrantsReader: true }), { principal: readerSession, action: 's3:GetObject', resource: object })).decision).toBe('ImplicitlyDenied');
    // The bucket policy allows PutObject too; the reader's own policy does not.
    expect((await evaluate(world({ bucketGrantsReader: true, keyGrantsReader: true }), { principal: readerSession, action: 's3:PutObject', resource: object })).decision).toBe('ImplicitlyDenied');
  });

  test('a key policy root statement does not let another account use the key; a statement naming its role does', async () => {
    const w = world({ bucketGrantsReader: true, keyGrantsReader: false });
    const key = w.keyByAlias(P, REGION, 'alias/store').arn;
    expect((await evaluate(w, { principal: readerSession, action: 'kms:Decrypt', resource: key })).decision).toBe('ImplicitlyDenied');
    expect((await evaluate(world({ bucketGrantsReader: true, keyGrantsReader: true }), { principal: readerSession, action: 'kms:Decrypt', resource: key })).decision).toBe('Allowed');
  });

  test('the root statement delegates to IAM in the key\'s account, by key or alias ARN', async () => {
    const w = world({ bucketGrantsReader: false, keyGrantsReader: false });
    const writer = `arn:aws:sts::${P}:assumed-role/Store-Writer/s`;
    expect((await evaluate(w, { principal: writer, action: 'kms:GenerateDataKey', resource: w.keyByAlias(P, REGION, 'alias/store').arn })).decision).toBe('Allowed');
    expect((await evaluate(w, { principal: writer, action: 'kms:GenerateDataKey', resource: `arn:aws:kms:${REGION}:${P}:alias/store` })).decision).toBe('Allowed');
    expect((await evaluate(w, { principal: writer, action: 'kms:Decrypt', resource: `arn:aws:kms:${REGION}:${P}:alias/store` })).decision).toBe('ImplicitlyDenied');
  });

  test('a trust policy naming an account root lets that account\'s roles assume the role only with their own permission', async () => {
    const w = world({ bucketGrantsReader: false, keyGrantsReader: false });
    const writer = `arn:aws:sts::${P}:assumed-role/Store-Writer/s`;
    expect((await evaluate(w, { principal: writer, action: 'sts:AssumeRole', resource: `arn:aws:iam::${T}:role/reader` })).decision).toBe('ImplicitlyDenied');
    const admin = [{ name: 'admin', policy: doc(allow('*', '*')) }];
    expect((await evaluate(w, { principal: `arn:aws:iam::${P}:role/Admin`, action: 'sts:AssumeRole', resource: `arn:aws:iam::${T}:role/reader`, identityPolicies: admin })).decision).toBe('Allowed');
  });

  test('an intrinsic the harness cannot resolve is an error, not a silent gap', () => {
    expect(() => new PolicyWorld([{ stackName: 'S', account: P, region: REGION, template: { Resources: {
      R: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { 'Fn::If': ['C', doc(), doc()] } } },
    } } }])).toThrow('S: the IAM evaluation cannot resolve Fn::If');
  });
});
