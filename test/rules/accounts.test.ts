import { Maybe } from '../../lib/model/pipeline-model';
import { crossAccountArtifacts } from '../../lib/rules/cross-account-artifacts';
import { crossAccountKey } from '../../lib/rules/cross-account-key';
import { s3SourceBucket } from '../../lib/rules/s3-source-bucket';
import { sourceRegion } from '../../lib/rules/source-region';
import { PIPELINE_ACCOUNT, PROD_ACCOUNT, SOURCE, TEST_ACCOUNT, approval, cfnDeploy, check, codeBuild, finding, pipeline, ref, roleIn, s3Source, stage } from './builder';

const KEY_ARN = `arn:aws:kms:us-east-1:${PIPELINE_ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const keyStore = (id: Maybe<string>) => ({ type: 'S3', location: 'artifacts', encryptionKey: { id, type: 'KMS' } });
const deployIn = (account: string) => cfnDeploy('Deploy', { roleArn: roleIn(account, 'pipeline-deploy'), configuration: { RoleArn: roleIn(account, 'cfn') } });

describe('cross-account-key', () => {
  const fix = 'encrypt the artifact store with a customer-managed KMS key, named by key ID or ARN, whose policy lets the other account use it (CrossAccountArtifactStore does this).';
  const at = { stage: 'Deploy', action: 'Deploy' };

  test('an action in another account with the AWS managed key is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', deployIn(TEST_ACCOUNT))] });
    expect(check(model, crossAccountKey)).toEqual([
      finding('cross-account-key', at, `the action runs in account ${TEST_ACCOUNT} but the artifact store uses the AWS managed key, which other accounts cannot use (${SOURCE.CROSS_ACCOUNT}). Fix: ${fix}`),
    ]);
  });

  test('a key named by alias name is an error; by alias ARN, which names its account, it passes', () => {
    const crossAccount = [stage('Source', s3Source()), stage('Deploy', deployIn(TEST_ACCOUNT))];
    const alias = 'alias/artifacts';
    expect(check(pipeline({ artifactStore: keyStore(alias), stages: crossAccount }), crossAccountKey)).toEqual([
      finding('cross-account-key', at, `the action runs in account ${TEST_ACCOUNT} but the artifact store names its key by alias (${alias}), which other accounts resolve in their own account (${SOURCE.CROSS_ACCOUNT}). Fix: ${fix}`),
    ]);
    expect(check(pipeline({ artifactStore: keyStore(`arn:aws:kms:us-east-1:${PIPELINE_ACCOUNT}:alias/artifacts`), stages: crossAccount }), crossAccountKey)).toEqual([]);
  });

  test('a key by alias ARN is an error for an action in another account that writes output artifacts', () => {
    const aliasArn = `arn:aws:kms:us-east-1:${PIPELINE_ACCOUNT}:alias/artifacts`;
    const writes = cfnDeploy('Deploy', { roleArn: roleIn(TEST_ACCOUNT, 'pipeline-deploy'), outputs: ['StackOutputs'], configuration: { RoleArn: roleIn(TEST_ACCOUNT, 'cfn'), OutputFileName: 'outputs.json' } });
    expect(check(pipeline({ artifactStore: keyStore(aliasArn), stages: [stage('Source', s3Source()), stage('Deploy', writes)] }), crossAccountKey)).toEqual([
      finding('cross-account-key', at, `the action runs in account ${TEST_ACCOUNT} but it writes output artifacts and the artifact store names its key by alias ARN (${aliasArn}), which S3 does not take for an object written from another account (key ID or key ARN only) (${SOURCE.CROSS_ACCOUNT}). Fix: ${fix}`),
    ]);
    expect(check(pipeline({ artifactStore: keyStore(KEY_ARN), stages: [stage('Source', s3Source()), stage('Deploy', writes)] }), crossAccountKey)).toEqual([]);
  });

  test('an action without a region is checked against the ArtifactStores entry of the pipeline\'s region', () => {
    const model = pipeline({ artifactStores: { 'us-east-1': { type: 'S3', location: 'artifacts' }, 'eu-west-1': keyStore(KEY_ARN) }, stages: [stage('Source', s3Source()), stage('Deploy', deployIn(TEST_ACCOUNT))] });
    expect(check({ ...model, artifactStore: undefined }, crossAccountKey)).toEqual([
      finding('cross-account-key', at, `the action runs in account ${TEST_ACCOUNT} but the artifact store uses the AWS managed key, which other accounts cannot use (${SOURCE.CROSS_ACCOUNT}). Fix: ${fix}`),
    ]);
  });

  test('the artifact store of the action\'s region is the one checked', () => {
    const model = pipeline({
      artifactStore: keyStore(KEY_ARN),
      artifactStores: { 'us-east-1': keyStore(KEY_ARN), 'eu-west-1': { type: 'S3', location: 'artifacts-eu' } },
      stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', { region: 'eu-west-1', roleArn: roleIn(PROD_ACCOUNT), configuration: { RoleArn: roleIn(PROD_ACCOUNT, 'cfn') } }))],
    });
    expect(check(model, crossAccountKey)).toEqual([
      finding('cross-account-key', at, `the action runs in account ${PROD_ACCOUNT} but the artifact store uses the AWS managed key, which other accounts cannot use (${SOURCE.CROSS_ACCOUNT}). Fix: ${fix}`),
    ]);
  });

  test('a key by ARN or ID passes, and so does the managed key when every action is in the pipeline account', () => {
    const crossAccount = [stage('Source', s3Source()), stage('Deploy', deployIn(TEST_ACCOUNT))];
    expect(check(pipeline({ artifactStore: keyStore(KEY_ARN), stages: crossAccount }), crossAccountKey)).toEqual([]);
    expect(check(pipeline({ artifactStore: keyStore('1234abcd-12ab-34cd-56ef-1234567890ab'), stages: crossAccount }), crossAccountKey)).toEqual([]);
    expect(check(pipeline({ artifactStore: keyStore(ref('ArtifactKeyArn')), stages: crossAccount }), crossAccountKey)).toEqual([]);
    expect(check(pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', deployIn(PIPELINE_ACCOUNT))] }), crossAccountKey)).toEqual([]);
  });
});

describe('cross-account-artifacts', () => {
  test('an artifact produced in the test account and consumed in the prod account is an error', () => {
    const model = pipeline({
      artifactStore: keyStore(KEY_ARN),
      stages: [
        stage('Source', s3Source()),
        stage('Test', codeBuild('Package', { roleArn: roleIn(TEST_ACCOUNT), outputs: ['Packaged'] })),
        stage('Prod', cfnDeploy('Deploy', { roleArn: roleIn(PROD_ACCOUNT), inputs: ['Packaged'], configuration: { TemplatePath: 'Packaged::template.yaml' } })),
      ],
    });
    expect(check(model, crossAccountArtifacts)).toEqual([
      finding('cross-account-artifacts', { stage: 'Prod', action: 'Deploy' }, `input artifact "Packaged" is produced in account ${TEST_ACCOUNT} and consumed in account ${PROD_ACCOUNT}; neither is the pipeline's account (${PIPELINE_ACCOUNT}) (${SOURCE.CROSS_ACCOUNT}). Fix: produce the artifact in the pipeline account, or consume it in the account that produced it.`),
    ]);
  });

  test('artifacts from the pipeline account to other accounts, and within one account, pass', () => {
    const model = pipeline({
      artifactStore: keyStore(KEY_ARN),
      stages: [
        stage('Source', s3Source()),
        stage('Test', codeBuild('Package', { roleArn: roleIn(TEST_ACCOUNT), outputs: ['Packaged'] }), cfnDeploy('Deploy', { roleArn: roleIn(TEST_ACCOUNT), inputs: ['Packaged'], configuration: { TemplatePath: 'Packaged::template.yaml' }, runOrder: 2 })),
        stage('Prod', cfnDeploy('Deploy', { roleArn: roleIn(PROD_ACCOUNT) })),
      ],
    });
    expect(check(model, crossAccountArtifacts)).toEqual([]);
  });
});

describe('s3-source-bucket', () => {
  test('a bucket the template defines without versioning is an error', () => {
    const model = pipeline({
      context: { account: PIPELINE_ACCOUNT, buckets: { '{"Ref":"SourceBucket"}': { versioned: false, account: PIPELINE_ACCOUNT } } },
      stages: [stage('Source', s3Source('Source', { configuration: { S3Bucket: ref('SourceBucket') } })), stage('Deploy', cfnDeploy())],
    });
    expect(check(model, s3SourceBucket)).toEqual([
      finding('s3-source-bucket', { stage: 'Source', action: 'Source' }, `the S3 source reads bucket {"Ref":"SourceBucket"}, which is not versioned (${SOURCE.S3_SOURCE}). Fix: enable versioning on the bucket (VersioningConfiguration Status Enabled; versioned: true in CDK).`),
    ]);
  });

  test('a source action running in another account is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { roleArn: roleIn(TEST_ACCOUNT, 'source') })), stage('Deploy', cfnDeploy())] });
    expect(check(model, s3SourceBucket)).toEqual([
      finding('s3-source-bucket', { stage: 'Source', action: 'Source' }, `the S3 source reads from account ${TEST_ACCOUNT}, not the pipeline's account ${PIPELINE_ACCOUNT} (${SOURCE.S3_SOURCE}). Fix: put the source bucket in the pipeline account (replicate it there if it must live elsewhere).`),
    ]);
  });

  test('an S3 source without S3Bucket is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { configuration: { S3Bucket: undefined } })), stage('Deploy', cfnDeploy())] });
    expect(check(model, s3SourceBucket)).toEqual([
      finding('s3-source-bucket', { stage: 'Source', action: 'Source' }, `the S3 source has no S3Bucket (${SOURCE.STRUCTURE}). Fix: set S3Bucket to the versioned bucket the source reads.`),
    ]);
  });

  test('a versioned bucket in the pipeline account passes, as does a bucket nothing is known about', () => {
    const versioned = pipeline({
      context: { account: PIPELINE_ACCOUNT, buckets: { 'source-bucket': { versioned: true, account: PIPELINE_ACCOUNT } } },
    });
    expect(check(versioned, s3SourceBucket)).toEqual([]);
    expect(check(pipeline(), s3SourceBucket)).toEqual([]);
  });

  test('a bucket whose versioning is only known at deploy time (Fn::If) is not reported', () => {
    const conditional = pipeline({
      context: { account: PIPELINE_ACCOUNT, buckets: { 'source-bucket': { versioned: undefined, account: PIPELINE_ACCOUNT } } },
    });
    expect(check(conditional, s3SourceBucket)).toEqual([]);
  });
});

describe('source-region', () => {
  test('a source action in another region than the pipeline is an error', () => {
    const model = pipeline({ stages: [stage('Source', s3Source('Source', { region: 'eu-west-1' })), stage('Deploy', cfnDeploy())] });
    expect(check(model, sourceRegion)).toEqual([
      finding('source-region', { stage: 'Source', action: 'Source' }, `the source action runs in eu-west-1, but the pipeline is in us-east-1; source actions cannot run cross-region (${SOURCE.CROSS_REGION}). Fix: remove the action's region, and read the source from us-east-1.`),
    ]);
  });

  test('a source in the pipeline\'s region and a deploy action in another region pass', () => {
    const model = pipeline({
      stages: [stage('Source', s3Source('Source', { region: 'us-east-1' })), stage('Deploy', cfnDeploy('Deploy', { region: 'eu-west-1' }), approval('Approve', { region: 'eu-west-1', runOrder: 2 }))],
    });
    expect(check(model, sourceRegion)).toEqual([]);
  });
});
