import { CodePipelineClient, GetPipelineCommand, PipelineDeclaration } from '@aws-sdk/client-codepipeline';
import { DescribeKeyCommand, GetKeyPolicyCommand, GetKeyRotationStatusCommand, KMSClient } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { KmsApi, createCodePipelineClient, createKmsFactory } from '../../lib/ops/clients';
import { verifyKeys } from '../../lib/ops/verify-keys';

const cp = mockClient(CodePipelineClient);
const kms = mockClient(KMSClient);
// Built as pipectl builds its clients, so the SDK's Node-version notice stays off here too.
const client = createCodePipelineClient({ region: 'us-east-1' });
const kmsRegions: Array<string | undefined> = [];
const kmsFor = (region: string | undefined): KmsApi => {
  kmsRegions.push(region);
  return createKmsFactory({})(region);
};
const KEY = 'arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const TEST_ROLE = 'arn:aws:iam::222222222222:role/test-cfn-action';
const PROD_ROLE = 'arn:aws:iam::333333333333:role/prod-cfn-action';

function pipeline(encryptionKey?: string): PipelineDeclaration {
  const cfn = { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' } as const;
  return {
    name: 'Walkthrough',
    roleArn: 'arn:aws:iam::111111111111:role/pipeline',
    artifactStore: { type: 'S3', location: 'artifacts', encryptionKey: encryptionKey ? { id: encryptionKey, type: 'KMS' } : undefined },
    stages: [
      { name: 'Source', actions: [{ name: 'Src', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' } }] },
      { name: 'Test', actions: [{ name: 'CreateStack', actionTypeId: cfn, roleArn: TEST_ROLE }, { name: 'DeleteStack', actionTypeId: cfn, roleArn: TEST_ROLE }] },
      { name: 'Prod', actions: [{ name: 'ExecuteChangeSet', actionTypeId: cfn, roleArn: PROD_ROLE }] },
      { name: 'Local', actions: [{ name: 'Notify', actionTypeId: cfn, roleArn: 'arn:aws:iam::111111111111:role/local' }] },
    ],
  };
}

function given(encryptionKey: string | undefined, principals: string[]): void {
  cp.on(GetPipelineCommand).resolves({
    pipeline: pipeline(encryptionKey),
    metadata: { pipelineArn: 'arn:aws:codepipeline:us-east-1:111111111111:Walkthrough' },
  });
  kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'k', Arn: KEY, KeyManager: 'CUSTOMER', KeyState: 'Enabled' } });
  kms.on(GetKeyPolicyCommand).resolves({
    Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: '*' }] }),
  });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
}

beforeEach(() => {
  cp.reset();
  kms.reset();
  kmsRegions.length = 0;
});

test('every cross-account role allowed: ok, grouped by role', async () => {
  given(KEY, ['arn:aws:iam::222222222222:root', PROD_ROLE]);
  const report = await verifyKeys(client, kmsFor, 'Walkthrough');
  expect(report.ok).toBe(true);
  expect(report.account).toBe('111111111111');
  expect(report.keys).toEqual([{ region: 'us-east-1', configured: KEY, keyArn: KEY, rotationEnabled: true }]);
  expect(report.roles.map((r) => [r.roleArn, r.actions, r.access.via])).toEqual([
    [TEST_ROLE, ['Test/CreateStack', 'Test/DeleteStack'], 'arn:aws:iam::222222222222:root'],
    [PROD_ROLE, ['Prod/ExecuteChangeSet'], PROD_ROLE],
  ]);
  expect(kms.commandCalls(GetKeyPolicyCommand)[0].args[0].input).toEqual({ KeyId: KEY, PolicyName: 'default' });
  expect(kmsRegions).toEqual(['us-east-1']);
});

test('reports the account the key policy leaves out', async () => {
  given(KEY, ['arn:aws:iam::222222222222:root']);
  const report = await verifyKeys(client, kmsFor, 'Walkthrough');
  expect(report.ok).toBe(false);
  expect(report.roles.filter((r) => r.problem).map((r) => [r.roleArn, r.problem])).toEqual([
    [
      PROD_ROLE,
      'the key policy does not allow account 333333333333 to call kms:Decrypt: add arn:aws:iam::333333333333:root ' +
        `(or ${PROD_ROLE}) as a principal of a statement allowing kms:Decrypt and kms:DescribeKey`,
    ],
  ]);
});

test('the AWS managed key fails every cross-account role without calling KMS', async () => {
  given(undefined, []);
  const report = await verifyKeys(client, kmsFor, 'Walkthrough');
  expect(report.ok).toBe(false);
  expect(report.roles.map((r) => r.problem)).toEqual([
    'the artifact store in us-east-1 uses the AWS managed key aws/s3, which other accounts cannot use: encrypt it with a customer managed KMS key',
    'the artifact store in us-east-1 uses the AWS managed key aws/s3, which other accounts cannot use: encrypt it with a customer managed KMS key',
  ]);
  expect(kms.calls()).toHaveLength(0);
});

test('a key named by alias name is reported; by alias ARN, it is resolved with DescribeKey', async () => {
  given('alias/artifacts', []);
  const byName = await verifyKeys(client, kmsFor, 'Walkthrough');
  expect(byName.keys[0].problem).toBe(
    'the artifact store in us-east-1 names its key by alias (alias/artifacts); ' +
      'other accounts resolve aliases in their own account: use the key ARN or the alias ARN',
  );
  expect(kms.calls()).toHaveLength(0);

  const aliasArn = 'arn:aws:kms:us-east-1:111111111111:alias/artifacts';
  given(aliasArn, ['arn:aws:iam::222222222222:root', 'arn:aws:iam::333333333333:root']);
  const byArn = await verifyKeys(client, kmsFor, 'Walkthrough');
  expect(byArn.ok).toBe(true);
  expect(byArn.keys).toEqual([{ region: 'us-east-1', configured: aliasArn, keyArn: KEY, rotationEnabled: true }]);
  expect(kms.commandCalls(DescribeKeyCommand)[0].args[0].input).toEqual({ KeyId: aliasArn });
  expect(kms.commandCalls(GetKeyPolicyCommand)[0].args[0].input).toEqual({ KeyId: KEY, PolicyName: 'default' });
});

test('a key in another Region is read with a client for that Region', async () => {
  given('arn:aws:kms:eu-west-1:111111111111:key/abc', ['arn:aws:iam::222222222222:root', 'arn:aws:iam::333333333333:root']);
  await verifyKeys(client, kmsFor, 'Walkthrough');
  expect(kmsRegions).toEqual(['eu-west-1']);
});

describe('a pipeline with a store per region', () => {
  const EU_ALIAS = 'arn:aws:kms:eu-west-1:111111111111:alias/release-artifacts';
  const EU_KEY = 'arn:aws:kms:eu-west-1:111111111111:key/eu-key';
  const EU_ROLE = 'arn:aws:iam::333333333333:role/release-deploy-action-eu-west-1';
  const cfn = { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' } as const;
  const keyStore = (location: string, id?: string) => ({ type: 'S3' as const, location, encryptionKey: id ? { id, type: 'KMS' as const } : undefined });

  function givenRegions(stores: Record<string, ReturnType<typeof keyStore>>, options: { euState?: string; euPrincipals?: string[] } = {}): void {
    cp.on(GetPipelineCommand).resolves({
      pipeline: {
        name: 'Release',
        roleArn: 'arn:aws:iam::111111111111:role/pipeline',
        artifactStores: stores,
        stages: [
          { name: 'Source', actions: [{ name: 'Src', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' } }] },
          { name: 'Prod', actions: [{ name: 'Deploy', actionTypeId: cfn, roleArn: PROD_ROLE }, { name: 'DeployEurope', actionTypeId: cfn, roleArn: EU_ROLE, region: 'eu-west-1' }] },
        ],
      },
      metadata: { pipelineArn: 'arn:aws:codepipeline:us-east-1:111111111111:Release' },
    });
    kms.on(DescribeKeyCommand).callsFake(({ KeyId }: { KeyId: string }) => ({
      KeyMetadata: KeyId === EU_ALIAS
        ? { KeyId: 'eu-key', Arn: EU_KEY, KeyManager: 'CUSTOMER', KeyState: options.euState ?? 'Enabled' }
        : { KeyId: 'k', Arn: KEY, KeyManager: 'CUSTOMER', KeyState: 'Enabled' },
    }));
    kms.on(GetKeyPolicyCommand).callsFake(({ KeyId }: { KeyId: string }) => ({
      Policy: JSON.stringify({
        Statement: [{ Effect: 'Allow', Principal: { AWS: KeyId === EU_KEY ? (options.euPrincipals ?? ['arn:aws:iam::333333333333:root']) : ['arn:aws:iam::333333333333:root'] }, Action: 'kms:Decrypt', Resource: '*' }],
      }),
    }));
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
  }

  test('each region\'s key is read with one client of that region, the alias ARN resolved there, and reported per region', async () => {
    givenRegions({ 'us-east-1': keyStore('artifacts', KEY), 'eu-west-1': keyStore('artifacts-eu', EU_ALIAS) });
    const report = await verifyKeys(client, kmsFor, 'Release');
    expect(report.ok).toBe(true);
    expect(kmsRegions).toEqual(['eu-west-1', 'us-east-1']);
    expect(report.keys).toEqual([
      { region: 'eu-west-1', configured: EU_ALIAS, keyArn: EU_KEY, rotationEnabled: true },
      { region: 'us-east-1', configured: KEY, keyArn: KEY, rotationEnabled: true },
    ]);
    expect(kms.commandCalls(GetKeyPolicyCommand).map((call) => call.args[0].input.KeyId)).toEqual([EU_KEY, KEY]);
    expect(report.roles.map((r) => [r.roleArn, r.region, r.actions, r.problem])).toEqual([
      [EU_ROLE, 'eu-west-1', ['Prod/DeployEurope'], undefined],
      [PROD_ROLE, 'us-east-1', ['Prod/Deploy'], undefined],
    ]);
  });

  test('a region\'s key policy that leaves the account out fails that region\'s role only', async () => {
    givenRegions({ 'us-east-1': keyStore('artifacts', KEY), 'eu-west-1': keyStore('artifacts-eu', EU_ALIAS) }, { euPrincipals: ['arn:aws:iam::222222222222:root'] });
    const report = await verifyKeys(client, kmsFor, 'Release');
    expect(report.ok).toBe(false);
    expect(report.roles.filter((r) => r.problem).map((r) => [r.roleArn, r.region])).toEqual([[EU_ROLE, 'eu-west-1']]);
  });

  test('a key that is not enabled fails, and a role in a region without a store is named', async () => {
    givenRegions({ 'us-east-1': keyStore('artifacts', KEY), 'eu-west-1': keyStore('artifacts-eu', EU_ALIAS) }, { euState: 'Disabled' });
    const disabled = await verifyKeys(client, kmsFor, 'Release');
    expect(disabled.ok).toBe(false);
    expect(disabled.keys[0]).toEqual({ region: 'eu-west-1', configured: EU_ALIAS, keyArn: EU_KEY, problem: `the artifact key ${EU_KEY} is Disabled, not Enabled` });

    cp.reset();
    kms.reset();
    givenRegions({ 'us-east-1': keyStore('artifacts', KEY) });
    const missing = await verifyKeys(client, kmsFor, 'Release');
    expect(missing.ok).toBe(false);
    expect(missing.roles.map((r) => r.problem)).toEqual(['the pipeline has no artifact store in eu-west-1', undefined]);
  });

  test('the AWS managed key in a region without cross-account actions is reported, not a failure', async () => {
    cp.on(GetPipelineCommand).resolves({
      pipeline: {
        name: 'Release',
        roleArn: 'arn:aws:iam::111111111111:role/pipeline',
        artifactStores: { 'us-east-1': keyStore('artifacts', KEY), 'eu-west-1': keyStore('artifacts-eu') },
        stages: [{ name: 'Prod', actions: [{ name: 'Deploy', actionTypeId: cfn, roleArn: PROD_ROLE }, { name: 'Europe', actionTypeId: cfn, region: 'eu-west-1' }] }],
      },
      metadata: { pipelineArn: 'arn:aws:codepipeline:us-east-1:111111111111:Release' },
    });
    kms.on(DescribeKeyCommand).resolves({ KeyMetadata: { KeyId: 'k', Arn: KEY, KeyManager: 'CUSTOMER', KeyState: 'Enabled' } });
    kms.on(GetKeyPolicyCommand).resolves({ Policy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'kms:*', Resource: '*' }] }) });
    kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true });
    const report = await verifyKeys(client, kmsFor, 'Release');
    expect(report.ok).toBe(true);
    expect(report.keys.map((k) => [k.region, k.configured, k.problem])).toEqual([
      ['eu-west-1', 'aws/s3 (AWS managed key)', undefined],
      ['us-east-1', KEY, undefined],
    ]);
    expect(kmsRegions).toEqual(['us-east-1']);
  });
});
