import { Token } from 'aws-cdk-lib';
import { PipelineIdentity } from '../../lib/cross-account';
import { sharedPipelineAccountNames } from '../../lib/cross-account/pipeline-identity';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });

describe('PipelineIdentity names', () => {
  test('every cross-account name derives from account, region and name', () => {
    expect({
      pipelineRoleArn: identity.pipelineRoleArn,
      artifactBucketName: identity.artifactBucketName,
      artifactBucketArn: identity.artifactBucketArn,
      keyAliasName: identity.keyAliasName,
      keyAliasArn: identity.keyAliasArn,
      keyArnPattern: identity.keyArnPattern,
      actionRoleArn: identity.actionRoleArn('222222222222'),
      executionRoleArn: identity.executionRoleArn('222222222222'),
      stackArn: identity.stackArn('222222222222', 'orders-test'),
      s3ViaService: identity.s3ViaService,
    }).toEqual({
      pipelineRoleArn: 'arn:aws:iam::111111111111:role/orders-pipeline',
      artifactBucketName: 'orders-artifacts-111111111111-us-east-1',
      artifactBucketArn: 'arn:aws:s3:::orders-artifacts-111111111111-us-east-1',
      keyAliasName: 'alias/orders-artifacts',
      keyAliasArn: 'arn:aws:kms:us-east-1:111111111111:alias/orders-artifacts',
      keyArnPattern: 'arn:aws:kms:us-east-1:111111111111:key/*',
      actionRoleArn: 'arn:aws:iam::222222222222:role/orders-deploy-action',
      executionRoleArn: 'arn:aws:iam::222222222222:role/orders-cfn-execution',
      stackArn: 'arn:aws:cloudformation:us-east-1:222222222222:stack/orders-test/*',
      s3ViaService: 's3.us-east-1.amazonaws.com',
    });
  });

  test('the partition flows into every ARN and the China S3 endpoint', () => {
    const cn = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'cn-north-1', name: 'orders', partition: 'aws-cn' });
    expect(cn.pipelineRoleArn).toBe('arn:aws-cn:iam::111111111111:role/orders-pipeline');
    expect(cn.keyAliasArn).toBe('arn:aws-cn:kms:cn-north-1:111111111111:alias/orders-artifacts');
    expect(cn.s3ViaService).toBe('s3.cn-north-1.amazonaws.com.cn');
  });

  test('equals compares every component', () => {
    expect(identity.equals(new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' }))).toBe(true);
    expect(identity.equals(new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'billing' }))).toBe(false);
  });
});

describe('PipelineIdentity input checks', () => {
  const base = { pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' };

  test('account must be 12 digits', () => {
    expect(() => new PipelineIdentity({ ...base, pipelineAccount: '1111' }))
      .toThrow('PipelineIdentity: pipelineAccount must be a 12-digit AWS account ID, got "1111".');
  });

  test('tokens are rejected: names must be known in other accounts at synth time', () => {
    const token = Token.asString({ Ref: 'AWS::AccountId' });
    expect(() => new PipelineIdentity({ ...base, pipelineAccount: token }))
      .toThrow(/^PipelineIdentity: pipelineAccount must be a literal value, got a token \(\$\{Token\[[^\]]+\]\}\)\. Cross-account names are written into other accounts' policies at synth time; pass the literal value\.$/);
  });

  test('region must look like a region', () => {
    expect(() => new PipelineIdentity({ ...base, region: 'US East' }))
      .toThrow('PipelineIdentity: region must be an AWS region name such as "us-east-1", got "US East".');
  });

  test('name rules', () => {
    expect(() => new PipelineIdentity({ ...base, name: 'Orders' }))
      .toThrow('PipelineIdentity: name "Orders" must be 3–24 characters of lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit; it prefixes IAM role names, the artifact bucket name and the key alias.');
    expect(() => new PipelineIdentity({ ...base, name: 'a'.repeat(25) })).toThrow(/name "a{25}" must be 3–24 characters/);
  });

  test('a name that makes a forbidden bucket prefix is rejected with the bucket rule', () => {
    expect(() => new PipelineIdentity({ ...base, name: 'xn--orders' }))
      .toThrow('PipelineIdentity: the artifact bucket name built from name, pipelineAccount and region "xn--orders-artifacts-111111111111-us-east-1" is not a valid S3 bucket name: it must not start with "xn--".');
  });

  test('the partition must be an AWS partition', () => {
    expect(() => new PipelineIdentity({ ...base, partition: 'azure' }))
      .toThrow('PipelineIdentity: partition "azure" is not an AWS partition such as "aws", "aws-cn" or "aws-us-gov".');
  });
});

describe('sharedPipelineAccountNames', () => {
  const other = (props: Partial<{ pipelineAccount: string; region: string; name: string; partition: string }>) =>
    new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders', ...props });

  test('the same account, region and name: the role, bucket and key alias', () => {
    expect(sharedPipelineAccountNames(identity, other({}))).toEqual(['role orders-pipeline', 'bucket orders-artifacts-111111111111-us-east-1', 'key alias alias/orders-artifacts in us-east-1']);
  });

  test('another region: the role only (role names are unique per account)', () => {
    expect(sharedPipelineAccountNames(identity, other({ region: 'eu-west-1' }))).toEqual(['role orders-pipeline']);
  });

  test('another name, account or partition: nothing', () => {
    expect(sharedPipelineAccountNames(identity, other({ name: 'billing' }))).toEqual([]);
    expect(sharedPipelineAccountNames(identity, other({ pipelineAccount: '444444444444' }))).toEqual([]);
    expect(sharedPipelineAccountNames(identity, other({ partition: 'aws-cn', region: 'cn-north-1' }))).toEqual([]);
  });
});
