import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AwsJsonError, AwsJsonServer, Handler } from './loopback/aws-json-server';
import { cliEnv, makeAwsHome } from './loopback/cli-env';
import { FakeAws } from './loopback/fake-aws';
import { FAILED_EXEC, KEY, keyPolicy, walkthrough } from './loopback/walkthrough';
import { PIPECTL, ensureBuiltCli, runPipectl } from './built-cli';

/**
 * pipectl against names, messages and endpoints that try to break it: escape sequences that would
 * forge a clean result, shell syntax in a command it prints, an endpoint that never answers or
 * answers with HTML, and options and environment that the SDK would crash on.
 */

/** Clears the screen, then prints what a clean run would end with. */
const FORGED = '\x1b[2J\x1b[H0 errors, 0 warnings';
const SHOWN = '\\x1b[2J\\x1b[H0 errors, 0 warnings';

let fake: FakeAws;
let server: AwsJsonServer;
let endpoint: string;
let home: string;

async function serve(handlers: Record<string, Handler>): Promise<void> {
  server = new AwsJsonServer(handlers);
  endpoint = await server.listen();
}

const pipectl = (args: string[], extra?: NodeJS.ProcessEnv) => runPipectl(args, cliEnv(home, endpoint, extra));

beforeAll(() => {
  ensureBuiltCli();
  home = makeAwsHome();
}, 200_000);

beforeEach(async () => {
  fake = new FakeAws().add(walkthrough());
  fake.keys.set(KEY, { arn: KEY, policy: keyPolicy('222222222222', '333333333333'), rotation: true });
  await serve(fake.handlers());
});

afterEach(async () => {
  expect(server.malformed).toEqual([]);
  await server.close();
});

afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

describe('names and messages from AWS reach the terminal escaped', () => {
  test('status: stage and action names, the failed action error and the transition reason', async () => {
    const p = fake.pipelines.get('Walkthrough')!;
    p.stages[1].name = `Test$(touch pwned)`;
    p.stages[1].actions[1].name = `Approve "it"\nnow${FORGED}`;
    p.stages[2].actions[0].error = `Template error\n${FORGED}`;
    p.stages[2].transition = { enabled: false, reason: `freeze\x1b]0;title\x07` };
    const run = await pipectl(['status', 'Walkthrough', '--region', 'us-east-1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const lines = run.stdout.split('\n');
    expect(lines).toContain(`│${' '.repeat(30)}│${' '.repeat(14)}│ Approve "it"\\nnow${SHOWN} │ InProgress (awaiting approval) │ -        │ 2025-03-01T10:00:00.000Z │`);
    expect(lines).toContain(`Inbound transition to ProdStage disabled by arn:aws:iam::111111111111:user/ops at 2025-03-01T10:00:00.000Z: freeze\\x1b]0;title\\x07`);
    expect(lines).toContain(`ProdStage/CreateChangeSet failed: Template error\\n${SHOWN}`);
    expect(lines).toContain(
      `Pending approval: Test$(touch pwned)/Approve "it"\\nnow${SHOWN} since 2025-03-01T10:00:00.000Z — ` +
        `pipectl approve --region us-east-1 Walkthrough 'Test$(touch pwned)' $'Approve "it"\\x0anow\\x1b[2J\\x1b[H0 errors, 0 warnings'`,
    );
  });

  test('an AWS error message on stderr, and the failed action of release --wait', async () => {
    fake.faults.set('GetPipelineState', new AwsJsonError('AccessDeniedException', `denied\n${FORGED}`));
    expect(await pipectl(['retry', 'Walkthrough', 'ProdStage'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `pipectl: stage "ProdStage" of pipeline "Walkthrough": access denied: denied ${SHOWN}\n`,
    });
    fake.faults.clear();
    const p = fake.pipelines.get('Walkthrough')!;
    p.nextRun = ['Failed'];
    p.nextRunFailsIn = 'ProdStage';
    p.stages[2].actions[0].error = `bad\r${FORGED}`;
    const run = await pipectl(['release', 'Walkthrough', '--wait', '--interval', '1']);
    const id = run.stdout.trim();
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `execution ${id}: Failed\npipectl: pipeline "Walkthrough": execution ${id} ended Failed: action "CreateChangeSet" in stage "ProdStage" failed: bad\\r${SHOWN}\n`,
    );
  });

  test('verify-keys: action names in the report', async () => {
    fake.pipelines.get('Walkthrough')!.stages[2].actions[0].name = `Create${FORGED}`;
    const run = await pipectl(['verify-keys', 'Walkthrough']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[4]).toBe(
      `OK      arn:aws:iam::333333333333:role/prod-cfn-action (account 333333333333, us-east-1) for ProdStage/Create${SHOWN}, ProdStage/ExecuteChangeSet`,
    );
  });
});

describe('an endpoint that is not AWS', () => {
  test('accepts the connection and never answers: status and approve give up after --request-timeout, exit 1', async () => {
    server.misbehave = () => undefined;
    const started = Date.now();
    expect(await pipectl(['status', 'Walkthrough', '--request-timeout', '1'], { AWS_MAX_ATTEMPTS: '1' })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pipectl: pipeline "Walkthrough": no answer from the AWS endpoint within 1 s (1 attempt): check the network and AWS_ENDPOINT_URL, or raise --request-timeout\n',
    });
    expect(await pipectl(['approve', 'Walkthrough', 'TestStage', 'ApproveTestStack', '--request-timeout', '1'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pipectl: action "ApproveTestStack" in stage "TestStage" of pipeline "Walkthrough": no answer from the AWS endpoint within 1 s (2 attempts): ' +
        'check the network and AWS_ENDPOINT_URL, or raise --request-timeout\n',
    });
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  test('answers HTTP 500 with an HTML page: retried as a 5xx, then one line quoting its first bytes, escaped', async () => {
    let answers = 0;
    server.misbehave = (res) => {
      answers++;
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<html><title>\x1b[31mBad gateway</title>\n<body>${'x'.repeat(200)}</body></html>`);
    };
    expect(await pipectl(['status', 'Walkthrough'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'pipectl: pipeline "Walkthrough": the endpoint answered HTTP 500 with a non-AWS body (text/html): check AWS_ENDPOINT_URL, --region and any proxy ' +
        `between pipectl and AWS; the body began: <html><title>\\x1b[31mBad gateway</title>\\n<body>${'x'.repeat(36)}\n`,
    });
    expect(answers).toBe(Number(cliEnv(home, endpoint).AWS_MAX_ATTEMPTS));
  });

  test('StartPipelineExecution answers without an execution ID: exit 1', async () => {
    await server.close();
    await serve({ ...fake.handlers(), StartPipelineExecution: () => ({}) });
    expect(await pipectl(['release', 'Walkthrough', '--wait'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pipectl: pipeline "Walkthrough": StartPipelineExecution succeeded but the answer had no execution ID: see pipectl status Walkthrough\n',
    });
  });
});

describe('set-up the SDK would crash on is a usage error, exit 2, before any request', () => {
  test.each([
    [
      'AWS_ENDPOINT_URL that is not a URL',
      ['status', 'Walkthrough'],
      { AWS_ENDPOINT_URL: 'not-a-url' },
      'pipectl: AWS_ENDPOINT_URL is "not-a-url", which is not an http(s) URL: set it like https://codepipeline.us-east-1.amazonaws.com or http://127.0.0.1:4566, or unset it\n',
    ],
    [
      'AWS_REGION with a path in it',
      ['approve', 'Walkthrough', 'TestStage', 'ApproveTestStack'],
      { AWS_REGION: 'us-east-1/../../x' },
      'pipectl: AWS_REGION is "us-east-1/../../x", which is not a Region: set it like us-east-1, or pass --region\n',
    ],
    [
      '--region with a path in it',
      ['status', 'Walkthrough', '--region', 'us-east-1/../../x'],
      {},
      "error: option '--region <region>' argument 'us-east-1/../../x' is invalid. A Region is written like us-east-1 or eu-west-2.\n",
    ],
    [
      '--interval beyond the timer limit',
      ['status', 'Walkthrough', '--watch', '--interval', '3000000'],
      {},
      "error: option '--interval <seconds>' argument '3000000' is invalid. Use a number of seconds from 1 to 3600.\n",
    ],
  ])('%s', async (_, args, extra, stderr) => {
    expect(await pipectl(args, extra)).toEqual({ code: 2, stdout: '', stderr });
    expect(server.requests).toEqual([]);
  });

  test('--profile that is in neither shared file', async () => {
    const run = await pipectl(['status', 'Walkthrough', '--profile', 'nosuch']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `pipectl: profile "nosuch" is not in the shared config or credentials files (${path.join(home, 'config')}, ${path.join(home, 'credentials')}): ` +
        'check the name, or add the profile with aws configure --profile\n',
    });
    const defaults = await pipectl(['status', 'Walkthrough', '--profile', 'nosuch'], { AWS_CONFIG_FILE: undefined, AWS_SHARED_CREDENTIALS_FILE: undefined });
    expect(defaults.stderr).toBe(
      'pipectl: profile "nosuch" is not in the shared config or credentials files (~/.aws/config, ~/.aws/credentials): check the name, or add the profile with aws configure --profile\n',
    );
    expect(server.requests).toEqual([]);
  });
});

test('a pasted approve command whose names start with "-" reads them as names after "--"', async () => {
  // Nothing listens on port 9: the command gets as far as its first request, for the names it parsed.
  const run = await runPipectl(['approve', '--region', 'us-east-1', '--', 'Release', '--help', '-V'], cliEnv(home, 'http://127.0.0.1:9'));
  expect(run).toEqual({
    code: 1,
    stdout: '',
    stderr: 'pipectl: action "-V" in stage "--help" of pipeline "Release": cannot reach the AWS endpoint (ECONNREFUSED): check the network, --region and AWS_ENDPOINT_URL\n',
  });
});

test('a reader that closes stdout early (| head) ends pipectl quietly', async () => {
  const fixture = path.resolve(__dirname, '..', 'fixtures', 'walkthrough-pipeline.yaml');
  const child = spawn(process.execPath, [PIPECTL, 'diagram', fixture], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Close the reading end before pipectl writes: its write fails with EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
});

test('a reader that closes stderr early (2>&1 | head) ends pipectl with its exit code, no crash', async () => {
  const missing = path.join(home, 'no-such-template.yaml');
  const child = spawn(process.execPath, [PIPECTL, 'validate', missing], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Both ends gone before pipectl reports the unreadable file: its write to stderr fails with EPIPE.
  child.stdout.destroy();
  child.stderr.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(2);
});

test('a deployed pipeline whose execution failed still reads the same after the checks', async () => {
  // The checks above (request timeout, non-AWS answers) leave normal answers alone.
  const run = await pipectl(['status', 'Walkthrough', '--json']);
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout).stages[2].executionId).toBe(FAILED_EXEC);
});
