import { App } from 'aws-cdk-lib';
import { DeploymentTarget, PipelineIdentity } from '../../lib/cross-account';
import { sharedPipelineAccountNames } from '../../lib/cross-account/pipeline-identity';

const identity = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders' });

describe('PipelineIdentity names per region', () => {
  test('another region: its bucket, alias ARN, key pattern, S3 service, stack ARNs, and role names ending in the region', () => {
    const r = 'eu-west-1';
    expect({
      artifactBucketName: identity.artifactBucketNameIn(r),
      artifactBucketArn: identity.artifactBucketArnIn(r),
      keyAliasArn: identity.keyAliasArnIn(r),
      keyArnPattern: identity.keyArnPatternIn(r),
      s3ViaService: identity.s3ViaServiceIn(r),
      actionRoleName: identity.actionRoleNameIn(r),
      executionRoleName: identity.executionRoleNameIn(r),
      actionRoleArn: identity.actionRoleArn('222222222222', r),
      executionRoleArn: identity.executionRoleArn('222222222222', r),
      stackArn: identity.stackArn('222222222222', 'orders', r),
    }).toEqual({
      artifactBucketName: 'orders-artifacts-111111111111-eu-west-1',
      artifactBucketArn: 'arn:aws:s3:::orders-artifacts-111111111111-eu-west-1',
      keyAliasArn: 'arn:aws:kms:eu-west-1:111111111111:alias/orders-artifacts',
      keyArnPattern: 'arn:aws:kms:eu-west-1:111111111111:key/*',
      s3ViaService: 's3.eu-west-1.amazonaws.com',
      actionRoleName: 'orders-deploy-action-eu-west-1',
      executionRoleName: 'orders-cfn-execution-eu-west-1',
      actionRoleArn: 'arn:aws:iam::222222222222:role/orders-deploy-action-eu-west-1',
      executionRoleArn: 'arn:aws:iam::222222222222:role/orders-cfn-execution-eu-west-1',
      stackArn: 'arn:aws:cloudformation:eu-west-1:222222222222:stack/orders/*',
    });
  });

  test('the pipeline\'s region: the names the getters have always given', () => {
    const r = 'us-east-1';
    expect([identity.actionRoleNameIn(r), identity.executionRoleNameIn(r), identity.artifactBucketNameIn(r), identity.keyAliasArnIn(r)])
      .toEqual([identity.actionRoleName, identity.executionRoleName, identity.artifactBucketName, identity.keyAliasArn]);
    expect([identity.actionRoleName, identity.executionRoleName]).toEqual(['orders-deploy-action', 'orders-cfn-execution']);
    expect(identity.actionRoleArn('222222222222')).toBe('arn:aws:iam::222222222222:role/orders-deploy-action');
  });

  test('a name over its limit in a region is an error naming the region, the name and the fix', () => {
    const long = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'abcdefghijklmnopqrstuvwx' });
    const region = 'us-northwesternmost-central-1';
    expect(() => long.actionRoleNameIn(region))
      .toThrow('PipelineIdentity "abcdefghijklmnopqrstuvwx": the action role name for region us-northwesternmost-central-1 "abcdefghijklmnopqrstuvwx-deploy-action-us-northwesternmost-central-1" is 68 characters long; IAM allows at most 64. Choose a PipelineIdentity name of at most 20 characters.');
    expect(() => long.executionRoleNameIn(region))
      .toThrow('PipelineIdentity "abcdefghijklmnopqrstuvwx": the execution role name for region us-northwesternmost-central-1 "abcdefghijklmnopqrstuvwx-cfn-execution-us-northwesternmost-central-1" is 68 characters long; IAM allows at most 64. Choose a PipelineIdentity name of at most 20 characters.');
    expect(long.artifactBucketNameIn('eu-central-1')).toBe('abcdefghijklmnopqrstuvwx-artifacts-111111111111-eu-central-1');
    expect(() => long.artifactBucketNameIn('ap-southeastern-12'))
      .toThrow('PipelineIdentity "abcdefghijklmnopqrstuvwx": the artifact bucket name for region ap-southeastern-12 "abcdefghijklmnopqrstuvwx-artifacts-111111111111-ap-southeastern-12" is not a valid S3 bucket name: it is 66 characters long (3–63 allowed). It is built from name, pipelineAccount and the region: choose a shorter PipelineIdentity name.');
    expect(() => identity.artifactBucketNameIn('Europe'))
      .toThrow('PipelineIdentity "orders": region must be an AWS region name such as "us-east-1", got "Europe".');
  });

  test('a DeploymentTarget in a region whose names do not fit fails before its stack exists', () => {
    const app = new App();
    const long = new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'abcdefghijklmnopqrstuvwx' });
    expect(() => new DeploymentTarget(app, 'Far', { identity: long, account: '222222222222', region: 'us-northwesternmost-central-1', administratorAccess: true }))
      .toThrow('PipelineIdentity "abcdefghijklmnopqrstuvwx": the action role name for region us-northwesternmost-central-1');
    expect(() => new DeploymentTarget(app, 'Nowhere', { identity, account: '222222222222', region: 'Europe', administratorAccess: true }))
      .toThrow('DeploymentTarget Nowhere: region must be an AWS region name such as "us-east-1", got "Europe".');
    expect(app.node.children).toEqual([]);
  });
});

describe('sharedPipelineAccountNames per region', () => {
  const other = (props: Partial<{ region: string; name: string }>) =>
    new PipelineIdentity({ pipelineAccount: '111111111111', region: 'us-east-1', name: 'orders', ...props });

  test('two regional stores for one region: the bucket and the key alias there', () => {
    expect(sharedPipelineAccountNames(identity, other({}), 'eu-west-1', 'eu-west-1'))
      .toEqual(['bucket orders-artifacts-111111111111-eu-west-1', 'key alias alias/orders-artifacts in eu-west-1']);
  });

  test('a regional store for eu-west-1 and the store of a pipeline in eu-west-1 of the same name: the bucket and key alias', () => {
    expect(sharedPipelineAccountNames(identity, other({ region: 'eu-west-1' }), 'eu-west-1'))
      .toEqual(['bucket orders-artifacts-111111111111-eu-west-1', 'key alias alias/orders-artifacts in eu-west-1']);
  });

  test('a regional store and a pipeline-region store of the same pipeline, or stores of two regions: nothing', () => {
    expect(sharedPipelineAccountNames(identity, identity, 'us-east-1', 'eu-west-1')).toEqual([]);
    expect(sharedPipelineAccountNames(identity, identity, 'ap-southeast-2', 'eu-west-1')).toEqual([]);
    expect(sharedPipelineAccountNames(identity, other({ name: 'billing' }), 'eu-west-1', 'eu-west-1')).toEqual([]);
  });
});
