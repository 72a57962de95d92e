import { ChangeSetNotFoundException, CloudFormationClient, CloudFormationServiceException, DescribeChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { CodePipelineClient, GetPipelineCommand, GetPipelineStateCommand, PutApprovalResultCommand } from '@aws-sdk/client-codepipeline';
import { AssumeRoleCommand, STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { approveCommand } from '../../lib/cli/commands/approve';
import { runCli } from '../../lib/cli/program';
import { captureIo } from '../cli/capture-io';
import { bucketPolicyModified, databaseReplaced, noChangesChangeSet, queueRemoved, releaseChangeSet, roleAdded } from '../review/change-set-fixtures';
import { TOKEN, action, stage } from './fixtures';
import { PROD_ACCOUNT, releasePipeline, twoRegionWave } from './review-fixtures';

const cp = mockClient(CodePipelineClient);
const cfn = mockClient(CloudFormationClient);
const sts = mockClient(STSClient);
const AWS = ['--region', 'us-east-1'];
const EXPIRES = new Date('2025-03-01T11:00:00Z');

beforeEach(() => {
  cp.reset();
  cfn.reset();
  sts.reset();
  cp.on(GetPipelineCommand).resolves(releasePipeline());
  cp.on(GetPipelineStateCommand).resolves({
    stageStates: [
      stage('ProdStage', 'InProgress', [action('CreateChangeSet-tools', 'Succeeded'), action('CreateChangeSet-prod', 'Succeeded'), action('ApproveChangeSets', 'InProgress', { token: TOKEN })]),
    ],
  });
  sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: 'ASIAREVIEW', SecretAccessKey: 'review-secret', SessionToken: 'review-token', Expiration: EXPIRES } });
  // The tools stack's change set has nothing to do; the production one is read in two pages.
  cfn.on(DescribeChangeSetCommand, { StackName: 'app-tools' }).resolves({ ...noChangesChangeSet, StackName: 'app-tools' } as never);
  cfn
    .on(DescribeChangeSetCommand, { StackName: 'app-prod', NextToken: undefined })
    .resolves({ ...releaseChangeSet([databaseReplaced, roleAdded]), NextToken: 'page-2' } as never)
    .on(DescribeChangeSetCommand, { StackName: 'app-prod', NextToken: 'page-2' })
    .resolves(releaseChangeSet([bucketPolicyModified, queueRemoved]) as never);
});

test('review: each change set of the stage in its account, read whole, then the commands that answer the approval', async () => {
  const io = captureIo();
  await expect(runCli(['review', 'Release', 'ProdStage', '--role-name', 'release-review', ...AWS], io)).resolves.toBe(0);
  expect(io.stderr).toEqual([]);
  expect(io.stdout.join('')).toBe(
    [
      'Pipeline Release, stage ProdStage: 2 change sets, 4 changes (2 Modify, 1 Add, 1 Remove); data-loss: AWS::RDS::DBInstance Database (database, replaced), AWS::SQS::Queue ExportQueue (queued messages, removed); permissions: 2',
      '',
      'Change set release of stack app-tools (account 111111111111, us-east-1): no changes: the template and parameters match the deployed stack',
      '',
      'Change set release of stack app-prod (account 333333333333, eu-west-1): ready to execute',
      '4 changes: 2 Modify, 1 Add, 1 Remove; flagged: 2 data-loss, 2 permissions',
      '┌────────┬─────────────────────┬───────────────────────┬──────────────────────────┬─────────────────────────────────┬─────────────────────────────────────┐',
      '│ Action │ Logical ID          │ Type                  │ Replacement              │ Changed properties              │ Flags                               │',
      '├────────┼─────────────────────┼───────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────┤',
      '│ Modify │ Database            │ AWS::RDS::DBInstance  │ True                     │ DBInstanceIdentifier (replaces) │ data-loss: database, replaced       │',
      '│        │                     │                       │ policy: ReplaceAndDelete │ DBInstanceClass (may replace)   │                                     │',
      '├────────┼─────────────────────┼───────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────┤',
      '│ Add    │ ReportsRole         │ AWS::IAM::Role        │ -                        │                                 │ permissions: IAM role               │',
      '├────────┼─────────────────────┼───────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────┤',
      '│ Modify │ UploadsBucketPolicy │ AWS::S3::BucketPolicy │ False                    │ PolicyDocument                  │ permissions: bucket policy          │',
      '├────────┼─────────────────────┼───────────────────────┼──────────────────────────┼─────────────────────────────────┼─────────────────────────────────────┤',
      '│ Remove │ ExportQueue         │ AWS::SQS::Queue       │ -                        │                                 │ data-loss: queued messages, removed │',
      '│        │                     │                       │ policy: Delete           │                                 │                                     │',
      '└────────┴─────────────────────┴───────────────────────┴──────────────────────────┴─────────────────────────────────┴─────────────────────────────────────┘',
      '',
      'Pending approval: ProdStage/ApproveChangeSets',
      '  approve: pipectl approve --region us-east-1 Release ProdStage ApproveChangeSets',
      '  reject:  pipectl reject --region us-east-1 Release ProdStage ApproveChangeSets',
      '',
    ].join('\n'),
  );
  expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([
    { RoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/release-review-eu-west-1`, RoleSessionName: 'pipectl-review', DurationSeconds: 900 },
  ]);
  expect(cfn.commandCalls(DescribeChangeSetCommand).map((c) => c.args[0].input)).toEqual([
    { StackName: 'app-tools', ChangeSetName: 'release', NextToken: undefined },
    { StackName: 'app-prod', ChangeSetName: 'release', NextToken: undefined },
    { StackName: 'app-prod', ChangeSetName: 'release', NextToken: 'page-2' },
  ]);
});

test('review --json: the report as data, with the calls each change set took', async () => {
  const io = captureIo();
  await expect(runCli(['review', 'Release', 'ProdStage', '--json', '--role-name', 'release-review', ...AWS], io)).resolves.toBe(0);
  const report = JSON.parse(io.stdout.join(''));
  expect(report.changeSets.map((c: Record<string, unknown>) => [c.stackName, c.account, c.region, c.actions, c.calls])).toEqual([
    ['app-tools', '111111111111', 'us-east-1', ['CreateChangeSet-tools', 'ExecuteChangeSet-tools'], 1],
    ['app-prod', PROD_ACCOUNT, 'eu-west-1', ['CreateChangeSet-prod', 'ExecuteChangeSet-prod'], 2],
  ]);
  expect(report.changeSets[1].review.changes[0]).toEqual({
    action: 'Modify',
    logicalId: 'Database',
    physicalId: 'app-prod-database-1x2y3z4w5v6u',
    resourceType: 'AWS::RDS::DBInstance',
    replacement: 'True',
    policyAction: 'ReplaceAndDelete',
    changedProperties: [
      { name: 'DBInstanceIdentifier', requiresRecreation: 'Always', evaluation: 'Static' },
      { name: 'DBInstanceClass', requiresRecreation: 'Conditionally', evaluation: 'Static' },
    ],
    flags: [{ flag: 'data-loss', reason: 'database, replaced' }],
  });
  expect(report.pendingApprovals).toEqual([
    { action: 'ApproveChangeSets', approve: 'pipectl approve --region us-east-1 Release ProdStage ApproveChangeSets', reject: 'pipectl reject --region us-east-1 Release ProdStage ApproveChangeSets' },
  ]);
});

test('an account neither the pipeline\'s, nor given a profile, nor covered by --role-name: a usage error before any change set is read', async () => {
  const io = captureIo();
  await expect(runCli(['review', 'Release', 'ProdStage', ...AWS], io)).resolves.toBe(2);
  expect(io.stderr).toEqual([
    'pipectl: change set "release" of stack "app-prod" (account 333333333333, eu-west-1) is in account 333333333333, not the pipeline\'s (111111111111): pass --role-name NAME to read it as arn:aws:iam::333333333333:role/NAME-eu-west-1, or --profile-for 333333333333=PROFILE',
  ]);
  expect(cfn.commandCalls(DescribeChangeSetCommand)).toHaveLength(0);
  expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
});

test('a role that cannot be assumed: one line naming the role and the change set, exit 1', async () => {
  sts.on(AssumeRoleCommand).rejects(
    new STSServiceException({ name: 'AccessDenied', message: 'User: arn:aws:iam::111111111111:user/ops is not authorized to perform: sts:AssumeRole', $fault: 'client', $metadata: {} }),
  );
  const io = captureIo();
  await expect(runCli(['review', 'Release', 'ProdStage', '--role-name', 'release-review', ...AWS], io)).resolves.toBe(1);
  expect(io.stderr).toEqual([
    'pipectl: stage "ProdStage" of pipeline "Release": access denied: User: arn:aws:iam::111111111111:user/ops is not authorized to perform: sts:AssumeRole (reading change set "release" of stack "app-prod" (account 333333333333, eu-west-1) as arn:aws:iam::333333333333:role/release-review-eu-west-1)',
  ]);
});

test('a change set that does not exist is reported as such, not as an error', async () => {
  cfn.on(DescribeChangeSetCommand, { StackName: 'app-prod' }).rejects(new ChangeSetNotFoundException({ message: 'ChangeSet [release] does not exist', $metadata: {} }));
  const io = captureIo();
  await expect(runCli(['review', 'Release', 'ProdStage', '--role-name', 'r', ...AWS], io)).resolves.toBe(0);
  expect(io.stdout.join('')).toContain(
    'Change set release of stack app-prod (account 333333333333, eu-west-1): there is no such change set: the stage has not created it yet, or it was executed or deleted\n',
  );
  expect(io.stdout.join('').split('\n')[0]).toBe('Pipeline Release, stage ProdStage: 2 change sets, 0 changes; 1 change set not ready to execute');
});

test('--profile-for reads that account with the profile, without assuming a role', async () => {
  const io = captureIo();
  const home = process.env.AWS_CONFIG_FILE;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
  fs.writeFileSync(path.join(dir, 'config'), '[profile prod-readonly]\nregion = eu-west-1\n');
  process.env.AWS_CONFIG_FILE = path.join(dir, 'config');
  try {
    await expect(runCli(['review', 'Release', 'ProdStage', '--profile-for', `${PROD_ACCOUNT}=prod-readonly`, '--role-name', 'unused', ...AWS], io)).resolves.toBe(0);
  } finally {
    if (home === undefined) delete process.env.AWS_CONFIG_FILE;
    else process.env.AWS_CONFIG_FILE = home;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
  expect(cfn.commandCalls(DescribeChangeSetCommand)).toHaveLength(3);
});

test('options: a malformed --profile-for or --role-name is refused before any call', async () => {
  for (const [args, message] of [
    [['--profile-for', '3333=prod'], 'Write ACCOUNT=PROFILE, with a 12-digit account ID, like 333333333333=prod-readonly.'],
    [['--profile-for', `${PROD_ACCOUNT}=a`, '--profile-for', `${PROD_ACCOUNT}=b`], `Account ${PROD_ACCOUNT} is given two profiles.`],
    [['--role-name', 'no spaces'], 'An IAM role name is 1–64 characters of letters, digits and + = , . @ _ -.'],
  ] as const) {
    const io = captureIo();
    await expect(runCli(['review', 'Release', 'ProdStage', ...args, ...AWS], io)).resolves.toBe(2);
    expect(io.stderr.join('')).toContain(message);
  }
  expect(cp.calls()).toHaveLength(0);
});

test('a stage without change-set actions, and a stage that is not there', async () => {
  let io = captureIo();
  await expect(runCli(['review', 'Release', 'Source', ...AWS], io)).resolves.toBe(1);
  expect(io.stderr).toEqual(['pipectl: stage "Source" of pipeline "Release" has no CloudFormation CHANGE_SET_REPLACE or CHANGE_SET_EXECUTE action: it has no change set to review']);
  io = captureIo();
  await expect(runCli(['review', 'Release', 'Prod', ...AWS], io)).resolves.toBe(1);
  expect(io.stderr).toEqual(['pipectl: stage "Prod" not found in pipeline "Release" (stages: Source, ProdStage)']);
});

test('a CloudFormation error other than not-found: one line naming the change set', async () => {
  cfn.on(DescribeChangeSetCommand, { StackName: 'app-tools' }).rejects(
    new CloudFormationServiceException({ name: 'AccessDenied', message: 'not authorized to perform: cloudformation:DescribeChangeSet', $fault: 'client', $metadata: {} }),
  );
  const io = captureIo();
  await expect(runCli(['review', 'Release', 'ProdStage', '--role-name', 'r', ...AWS], io)).resolves.toBe(1);
  expect(io.stderr).toEqual([
    'pipectl: stage "ProdStage" of pipeline "Release": access denied: not authorized to perform: cloudformation:DescribeChangeSet (reading change set "release" of stack "app-tools" (account 111111111111, us-east-1))',
  ]);
});

describe('a wave over two Regions of one account, read with one --role-name', () => {
  const session = (key: string) => ({ Credentials: { AccessKeyId: key, SecretAccessKey: `${key}-secret`, SessionToken: `${key}-token`, Expiration: EXPIRES } });
  const ready = (stack: string) => ({ ...releaseChangeSet([roleAdded]), StackName: stack }) as never;

  /** Each DescribeChangeSet as [stack, Region, access key of the credentials it was signed with]. */
  async function describedWith(): Promise<[string, string, string][]> {
    return Promise.all(cfn.commandCalls(DescribeChangeSetCommand).map(async (c) => {
      const client = c.thisValue as CloudFormationClient;
      const credentials = await client.config.credentials();
      return [c.args[0].input.StackName!, await client.config.region(), credentials.accessKeyId] as [string, string, string];
    }));
  }

  test('NAME in the pipeline\'s Region, NAME-<region> in another; one session per role, each change set read with its Region\'s', async () => {
    cp.on(GetPipelineCommand).resolves(twoRegionWave());
    cp.on(GetPipelineStateCommand).resolves({ stageStates: [] });
    sts
      .on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/release-review` }).resolves(session('ASIAHOME'))
      .on(AssumeRoleCommand, { RoleArn: `arn:aws:iam::${PROD_ACCOUNT}:role/release-review-eu-west-1` }).resolves(session('ASIAAWAY'));
    for (const stack of ['app-home', 'app-away', 'app-away-web']) cfn.on(DescribeChangeSetCommand, { StackName: stack }).resolves(ready(stack));
    const io = captureIo();
    await expect(runCli(['review', 'Release', 'WaveStage', '--role-name', 'release-review', '--json', ...AWS], io)).resolves.toBe(0);
    expect(io.stderr).toEqual([]);
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([
      `arn:aws:iam::${PROD_ACCOUNT}:role/release-review`,
      `arn:aws:iam::${PROD_ACCOUNT}:role/release-review-eu-west-1`,
    ]);
    expect((await describedWith()).sort()).toEqual([
      ['app-away', 'eu-west-1', 'ASIAAWAY'],
      ['app-away-web', 'eu-west-1', 'ASIAAWAY'],
      ['app-home', 'us-east-1', 'ASIAHOME'],
    ]);
    expect(JSON.parse(io.stdout.join('')).summary).toBe('3 change sets, 3 changes (3 Add); permissions: 3');
  });

  test('the partition of the roles is the pipeline\'s, from its ARN', async () => {
    cp.on(GetPipelineCommand).resolves(twoRegionWave('aws-cn', 'cn-north-1', 'cn-northwest-1'));
    cp.on(GetPipelineStateCommand).resolves({ stageStates: [] });
    for (const stack of ['app-home', 'app-away', 'app-away-web']) cfn.on(DescribeChangeSetCommand, { StackName: stack }).resolves(ready(stack));
    const io = captureIo();
    await expect(runCli(['review', 'Release', 'WaveStage', '--role-name', 'release-review', '--region', 'cn-north-1'], io)).resolves.toBe(0);
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input.RoleArn)).toEqual([
      `arn:aws-cn:iam::${PROD_ACCOUNT}:role/release-review`,
      `arn:aws-cn:iam::${PROD_ACCOUNT}:role/release-review-cn-northwest-1`,
    ]);
  });

  test('without --role-name, the usage error names the role of the change set\'s Region', async () => {
    cp.on(GetPipelineCommand).resolves(twoRegionWave('aws-cn', 'cn-north-1', 'cn-northwest-1'));
    const io = captureIo();
    await expect(runCli(['review', 'Release', 'WaveStage', '--region', 'cn-north-1'], io)).resolves.toBe(2);
    expect(io.stderr).toEqual([
      'pipectl: change set "release" of stack "app-home" (account 333333333333, cn-north-1) is in account 333333333333, not the pipeline\'s (111111111111): pass --role-name NAME to read it as arn:aws-cn:iam::333333333333:role/NAME, or --profile-for 333333333333=PROFILE',
    ]);
  });

  test('a role name that the Region\'s suffix would make longer than IAM allows: a usage error before any call to read', async () => {
    cp.on(GetPipelineCommand).resolves(twoRegionWave());
    const name = 'r'.repeat(60);
    const io = captureIo();
    await expect(runCli(['review', 'Release', 'WaveStage', '--role-name', name, ...AWS], io)).resolves.toBe(2);
    expect(io.stderr).toEqual([
      `pipectl: change set "release" of stack "app-away" (account 333333333333, eu-west-1) is read in eu-west-1 as role ${name}-eu-west-1, 70 characters long; IAM allows at most 64, so no reviewer role has that name: check --role-name ${name}, or pass --profile-for 333333333333=PROFILE`,
    ]);
    expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(0);
    expect(cfn.commandCalls(DescribeChangeSetCommand)).toHaveLength(0);
  });
});

describe('approve --review', () => {
  const approve = ['approve', 'Release', 'ProdStage', 'ApproveChangeSets', '--review', '--role-name', 'release-review', ...AWS];

  test('without a terminal and without --yes: refused before any call', async () => {
    const io = captureIo();
    await expect(runCli(approve, io)).resolves.toBe(2);
    expect(io.stderr).toEqual(['pipectl: --review asks before it approves, and stdin is not a terminal: pass --yes to approve after printing the review without asking']);
    expect(cp.calls()).toHaveLength(0);
  });

  test('--yes without --review is a usage error', async () => {
    const io = captureIo();
    await expect(runCli(['reject', 'Release', 'ProdStage', 'ApproveChangeSets', '--yes', ...AWS], io)).resolves.toBe(2);
    expect(io.stderr).toEqual(['pipectl: --yes answers the question of --review: pass --review too, or leave --yes out']);
  });

  test('--yes: the review, then the approval', async () => {
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: new Date() });
    const io = captureIo();
    await expect(runCli([...approve, '--yes'], io)).resolves.toBe(0);
    expect(io.stdout[0].split('\n')[0]).toMatch(/^Pipeline Release, stage ProdStage: 2 change sets, 4 changes/);
    // The review's own "pipectl approve" hint would be noise here.
    expect(io.stdout[0]).not.toContain('Pending approval');
    expect(io.stdout[1]).toBe('Approved action "ApproveChangeSets" in stage "ProdStage" of pipeline "Release"');
    expect(cp.commandCalls(PutApprovalResultCommand).map((c) => c.args[0].input)).toEqual([
      { pipelineName: 'Release', stageName: 'ProdStage', actionName: 'ApproveChangeSets', token: TOKEN, result: { status: 'Approved', summary: 'Approved with pipectl' } },
    ]);
  });

  test('on a terminal: asks, and answers only on yes', async () => {
    cp.on(PutApprovalResultCommand).resolves({ approvedAt: new Date() });
    const questions: string[] = [];
    const options = { review: true, roleName: 'release-review', region: 'us-east-1' };
    let io = captureIo(true);
    await expect(approveCommand('Approved', 'Release', 'ProdStage', 'ApproveChangeSets', options, io, async (q) => (questions.push(q), false))).resolves.toBe(1);
    expect(io.stderr).toEqual(['pipectl: not approved: action "ApproveChangeSets" in stage "ProdStage" of pipeline "Release" is still waiting']);
    expect(cp.commandCalls(PutApprovalResultCommand)).toHaveLength(0);
    io = captureIo(true);
    await expect(approveCommand('Rejected', 'Release', 'ProdStage', 'ApproveChangeSets', options, io, async (q) => (questions.push(q), true))).resolves.toBe(0);
    expect(questions).toEqual([
      'Approve action "ApproveChangeSets" in stage "ProdStage" of pipeline "Release"? [y/N] ',
      'Reject action "ApproveChangeSets" in stage "ProdStage" of pipeline "Release"? [y/N] ',
    ]);
    expect(cp.commandCalls(PutApprovalResultCommand).map((c) => c.args[0].input.result)).toEqual([{ status: 'Rejected', summary: 'Rejected with pipectl' }]);
  });
});
