import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AwsJsonError, AwsJsonServer } from './loopback/aws-json-server';
import { cliEnv, makeAwsHome } from './loopback/cli-env';
import { FakeAws } from './loopback/fake-aws';
import { FAILED_EXEC, KEY, PROD_ROLE, TEST_ROLE, TOKEN, keyPolicy, walkthrough } from './loopback/walkthrough';
import { ensureBuiltCli, runPipectl } from './built-cli';

let fake: FakeAws;
let server: AwsJsonServer;
let endpoint: string;
let home: string;

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return cliEnv(home, endpoint, extra);
}

const pipectl = (args: string[], extra?: NodeJS.ProcessEnv) => runPipectl(args, env(extra));

beforeAll(async () => {
  ensureBuiltCli();
  home = makeAwsHome();
}, 200_000);

beforeEach(async () => {
  fake = new FakeAws().add(walkthrough());
  fake.keys.set(KEY, { arn: KEY, policy: keyPolicy('222222222222', '333333333333'), rotation: true });
  server = new AwsJsonServer(fake.handlers());
  endpoint = await server.listen();
});

afterEach(async () => {
  // Every request pipectl sent fit the operation's input shape.
  expect(server.malformed).toEqual([]);
  await server.close();
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

test('status prints the table, the disabled transition and the pending approval', async () => {
  fake.pipelines.get('Walkthrough')!.stages[2].transition = { enabled: false, reason: 'Release freeze' };
  const run = await pipectl(['status', 'Walkthrough']);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  expect(run.stdout).not.toContain('\x1b[');
  expect(run.stdout.split('\n')[0]).toBe(`Pipeline Walkthrough (version 3): latest execution ${FAILED_EXEC} InProgress`);
  expect(run.stdout).toContain('│ ApproveTestStack │ InProgress (awaiting approval) │');
  expect(run.stdout).toContain('Inbound transition to ProdStage disabled by arn:aws:iam::111111111111:user/ops at 2025-03-01T10:00:00.000Z: Release freeze');
  expect(run.stdout).toContain('ProdStage/CreateChangeSet failed: Template format error');
  expect(run.stdout).toContain('Pending approval: TestStage/ApproveTestStack since 2025-03-01T10:00:00.000Z — pipectl approve Walkthrough TestStage ApproveTestStack');
  expect(server.requests.map((r) => [r.operation, r.region, r.accessKeyId])).toEqual([
    ['GetPipelineState', 'us-east-1', 'AKIDE2ETEST'],
    ['ListPipelineExecutions', 'us-east-1', 'AKIDE2ETEST'],
  ]);
});

test('status --json, with --profile taking credentials and Region from the shared files', async () => {
  const run = await pipectl(['status', 'Walkthrough', '--json', '--profile', 'ops'], { AWS_REGION: undefined, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const status = JSON.parse(run.stdout);
  expect(status.pendingApprovals).toEqual([{ stage: 'TestStage', action: 'ApproveTestStack', token: TOKEN, since: '2025-03-01T10:00:00.000Z' }]);
  expect(server.requests[0]).toMatchObject({ region: 'eu-west-1', accessKeyId: 'AKIDOPSPROFILE' });
});

test('status --watch follows the latest execution until it ends', async () => {
  fake.pipelines.get('Walkthrough')!.executions[0].script = ['InProgress'];
  const watching = pipectl(['status', 'Walkthrough', '--watch', '--json', '--interval', '1']);
  // Let it read twice, then the execution ends.
  for (let i = 0; i < 100 && server.calls('ListPipelineExecutions').length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  fake.pipelines.get('Walkthrough')!.executions[0].script = ['Succeeded'];
  const run = await watching;
  expect(run).toMatchObject({ code: 0, stderr: '' });
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l).latestExecution.status);
  expect(lines).toEqual(['InProgress', 'Succeeded']);
});

test('release --wait prints the execution ID and exits 0 when it succeeds', async () => {
  fake.pipelines.get('Walkthrough')!.nextRun = ['InProgress', 'InProgress', 'Succeeded'];
  const run = await pipectl(['release', 'Walkthrough', '--wait', '--interval', '1']);
  expect(run.code).toBe(0);
  const id = run.stdout.trim();
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(run.stderr).toBe(`execution ${id}: InProgress\nexecution ${id}: Succeeded\n`);
  expect(server.calls('StartPipelineExecution')[0].input).toEqual({ name: 'Walkthrough', clientRequestToken: expect.any(String) });
  expect(server.calls('GetPipelineExecution')).toHaveLength(3);
});

test('release --wait exits 1 and names the failed action', async () => {
  const p = fake.pipelines.get('Walkthrough')!;
  p.nextRun = ['InProgress', 'Failed'];
  p.nextRunFailsIn = 'ProdStage';
  const run = await pipectl(['release', 'Walkthrough', '--wait', '--interval', '1']);
  const id = run.stdout.trim();
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `execution ${id}: InProgress\nexecution ${id}: Failed\n` +
      `pipectl: pipeline "Walkthrough": execution ${id} ended Failed: action "CreateChangeSet" in stage "ProdStage" failed: Template format error\n`,
  );
});

test('approve answers the pending approval with its token', async () => {
  const run = await pipectl(['approve', 'Walkthrough', 'TestStage', 'ApproveTestStack', '--summary', 'Test stack verified']);
  expect(run).toEqual({ code: 0, stdout: 'Approved action "ApproveTestStack" in stage "TestStage" of pipeline "Walkthrough"\n', stderr: '' });
  expect(server.calls('PutApprovalResult')[0].input).toEqual({
    pipelineName: 'Walkthrough',
    stageName: 'TestStage',
    actionName: 'ApproveTestStack',
    token: TOKEN,
    result: { status: 'Approved', summary: 'Test stack verified' },
  });
  const again = await pipectl(['reject', 'Walkthrough', 'TestStage', 'ApproveTestStack']);
  expect(again).toEqual({
    code: 1,
    stdout: '',
    stderr: 'pipectl: action "ApproveTestStack" in stage "TestStage" of pipeline "Walkthrough" has no pending approval (its latest execution is Succeeded)\n',
  });
});

test('retry retries the failed stage; a second retry is blocked by the rule that applies', async () => {
  const run = await pipectl(['retry', 'Walkthrough', 'ProdStage']);
  expect(run).toEqual({ code: 0, stdout: `Retrying FAILED_ACTIONS of stage "ProdStage" of pipeline "Walkthrough" in execution ${FAILED_EXEC}\n`, stderr: '' });
  expect(server.calls('RetryStageExecution')[0].input).toEqual({
    pipelineName: 'Walkthrough',
    stageName: 'ProdStage',
    pipelineExecutionId: FAILED_EXEC,
    retryMode: 'FAILED_ACTIONS',
  });
  const again = await pipectl(['retry', 'Walkthrough', 'ProdStage', '--all']);
  expect(again.code).toBe(1);
  expect(again.stderr).toBe(
    `pipectl: stage "ProdStage" of pipeline "Walkthrough" cannot be retried: a retry (ManualStageRetry) is already in progress for execution ${FAILED_EXEC}; ` +
      'wait for it to end (pipectl status Walkthrough --watch) [retry-in-progress]\n',
  );
});

test('retry is blocked when the pipeline changed after the failure', async () => {
  fake.pipelines.get('Walkthrough')!.version = 4;
  const run = await pipectl(['retry', 'Walkthrough', 'ProdStage']);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(
    `pipectl: stage "ProdStage" of pipeline "Walkthrough" cannot be retried: the pipeline changed after the failure (execution ${FAILED_EXEC} ran version 3, ` +
      'the pipeline is now version 4); start a new execution with: pipectl release Walkthrough [pipeline-changed]\n',
  );
  expect(server.calls('RetryStageExecution')).toHaveLength(0);
});

test('transition disable and enable change the inbound transition', async () => {
  const disable = await pipectl(['transition', 'disable', 'Walkthrough', 'ProdStage', '--reason', 'Release freeze (QA)']);
  expect(disable).toEqual({ code: 0, stdout: 'Disabled the inbound transition to stage "ProdStage" of pipeline "Walkthrough": Release freeze (QA)\n', stderr: '' });
  expect(fake.pipelines.get('Walkthrough')!.stages[2].transition).toEqual({ enabled: false, reason: 'Release freeze (QA)' });
  const enable = await pipectl(['transition', 'enable', 'Walkthrough', 'ProdStage']);
  expect(enable.code).toBe(0);
  expect(fake.pipelines.get('Walkthrough')!.stages[2].transition).toEqual({ enabled: true });
  const missing = await pipectl(['transition', 'enable', 'Walkthrough', 'Nope']);
  expect(missing).toEqual({ code: 1, stdout: '', stderr: 'pipectl: stage "Nope" of pipeline "Walkthrough": stage not found in pipeline "Walkthrough"\n' });
});

test('verify-keys passes when every cross-account account may decrypt', async () => {
  const run = await pipectl(['verify-keys', 'Walkthrough']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(
    [
      'Pipeline Walkthrough (account 111111111111)',
      `Artifact key in us-east-1: ${KEY}, rotation enabled`,
      `OK      ${TEST_ROLE} (account 222222222222, us-east-1) for TestStage/CreateStack, TestStage/DeleteTestStack`,
      '        allowed by arn:aws:iam::222222222222:root',
      `OK      ${PROD_ROLE} (account 333333333333, us-east-1) for ProdStage/CreateChangeSet, ProdStage/ExecuteChangeSet`,
      '        allowed by arn:aws:iam::333333333333:root',
      '',
    ].join('\n'),
  );
  expect(server.requests.filter((r) => r.service === 'kms').map((r) => [r.operation, r.input])).toEqual([
    ['DescribeKey', { KeyId: KEY }],
    ['GetKeyPolicy', { KeyId: KEY, PolicyName: 'default' }],
    ['GetKeyRotationStatus', { KeyId: KEY }],
  ]);
});

test('verify-keys exits 1 naming the role whose account the key policy leaves out', async () => {
  fake.keys.set(KEY, { arn: KEY, policy: keyPolicy('222222222222'), rotation: false });
  const run = await pipectl(['verify-keys', 'Walkthrough', '--json']);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe('pipectl: pipeline "Walkthrough": 1 cross-account action role cannot decrypt the artifacts\n');
  const report = JSON.parse(run.stdout);
  expect(report.keys[0].rotationEnabled).toBe(false);
  expect(report.roles.filter((r: { problem?: string }) => r.problem).map((r: { roleArn: string }) => r.roleArn)).toEqual([PROD_ROLE]);
});

test('verify-keys names every problem at once: a disabled key, and the roles it leaves unable to decrypt', async () => {
  fake.keys.set(KEY, { arn: KEY, policy: keyPolicy('222222222222', '333333333333'), rotation: true, state: 'Disabled' });
  const run = await pipectl(['verify-keys', 'Walkthrough', '--json']);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe('pipectl: pipeline "Walkthrough": 2 cross-account action roles cannot decrypt the artifacts; the artifact key of us-east-1 cannot be used\n');
});

test('AWS errors are one line naming the pipeline: not found, access denied, throttling after retries', async () => {
  expect(await pipectl(['status', 'Nope'])).toEqual({ code: 1, stdout: '', stderr: 'pipectl: pipeline "Nope" not found: check the name, --region and --profile\n' });

  fake.faults.set('GetKeyPolicy', new AwsJsonError('AccessDeniedException', 'User: arn:aws:iam::111111111111:user/dev is not authorized to perform: kms:GetKeyPolicy'));
  expect(await pipectl(['verify-keys', 'Walkthrough'])).toEqual({
    code: 1,
    stdout: '',
    stderr: 'pipectl: pipeline "Walkthrough": access denied: User: arn:aws:iam::111111111111:user/dev is not authorized to perform: kms:GetKeyPolicy\n',
  });

  fake.faults.set('GetPipelineState', new AwsJsonError('ThrottlingException', 'Rate exceeded'));
  const throttled = await pipectl(['approve', 'Walkthrough', 'TestStage', 'ApproveTestStack']);
  expect(throttled).toEqual({
    code: 1,
    stdout: '',
    stderr: 'pipectl: action "ApproveTestStack" in stage "TestStage" of pipeline "Walkthrough": throttled by AWS (ThrottlingException) after 2 attempts: try again later, or raise AWS_MAX_ATTEMPTS\n',
  });
  expect(server.calls('GetPipelineState').filter((r) => r.input.name === 'Walkthrough')).toHaveLength(2);

  fake.faults.set('GetPipelineState', new AwsJsonError('ExpiredTokenException', 'The security token included in the request is expired'));
  expect((await pipectl(['retry', 'Walkthrough', 'ProdStage'])).stderr).toBe(
    'pipectl: stage "ProdStage" of pipeline "Walkthrough": the AWS credentials have expired (ExpiredTokenException): refresh them and try again\n',
  );
});

test('usage errors exit 2 without a request', async () => {
  const run = await pipectl(['transition', 'disable', 'Walkthrough', 'ProdStage', '--reason', 'freeze, see ticket']);
  expect(run).toEqual({
    code: 2,
    stdout: '',
    stderr: 'pipectl: --reason contains characters CodePipeline rejects (","): use letters, digits, spaces and ! @ ( ) . * ? -\n',
  });
  expect((await pipectl(['status'])).code).toBe(2);
  expect(server.requests).toEqual([]);
});

test('--help lists every command without loading the AWS SDK', async () => {
  const run = await runPipectl(['--help'], env());
  expect(run.code).toBe(0);
  for (const command of ['status', 'release', 'approve', 'reject', 'retry', 'transition', 'verify-keys', 'stacks']) {
    expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  }
  const probe = await new Promise<string>((resolve, reject) => {
    const script =
      "const { runCli } = require('./dist/lib/cli/program');" +
      "runCli(['--help'], { out() {}, err() {}, isTTY: false }).then(() => " +
      "process.stdout.write(String(Object.keys(require.cache).filter((f) => f.includes('@aws-sdk') || f.includes('@smithy')).length)));";
    execFile(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '..', '..'), timeout: 30_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
  expect(probe).toBe('0');
});
