import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodePipelineClient,
  CodePipelineServiceException,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../lib/cli/program';
import { EXEC_1, TOKEN, action, stage } from '../ops/fixtures';
import { captureIo } from './capture-io';

const cp = mockClient(CodePipelineClient);
const AWS = ['--region', 'us-east-1'];
/** Clears the screen, then prints what a clean run would end with. */
const FORGED = '\x1b[2J\x1b[H0 errors, 0 warnings';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipectl-hostile-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => cp.reset());

async function pipectl(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
}

test('validate: a file name and an action name cannot forge the summary', async () => {
  const file = path.join(dir, `release${FORGED}.json`);
  const deploy = { category: 'Deploy', owner: 'AWS', provider: 'CloudFormation', version: '1' };
  fs.writeFileSync(
    file,
    JSON.stringify({
      name: 'release',
      stages: [
        { name: 'Source', actions: [{ name: 'Src', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, outputArtifacts: [{ name: 'Out' }] }] },
        { name: 'Deploy', actions: [{ name: `Create${FORGED}`, actionTypeId: deploy, configuration: { ActionMode: 'CREATE_UPDATE', StackName: 's', TemplatePath: 'Out::t.yaml' }, inputArtifacts: [{ name: 'Out' }] }] },
      ],
    }),
  );
  const io = captureIo();
  await expect(runCli(['validate', file], io)).resolves.toBe(1);
  const shown = (text: string): string => text.replace(FORGED, '\\x1b[2J\\x1b[H0 errors, 0 warnings');
  expect(io.stdout).toEqual([
    `${shown(file)}: [error action-name] stage "Deploy", action "${shown(`Create${FORGED}`)}": action name "${shown(`Create${FORGED}`)}" contains ` +
      '"\\u001b", "[", " ", ","; only letters, digits, ".", "@", "_" and "-" are allowed (CodePipeline API reference). Fix: remove or replace "\\u001b", "[", " ", ",".',
    '1 error, 0 warnings in 1 pipeline (1 file).',
  ]);
  expect(io.stderr).toEqual([]);
});

test('validate: an unreadable file with control characters in its name is named escaped, exit 2', async () => {
  const missing = path.join(dir, 'gone\n\x1b[31mred.yaml');
  expect(await pipectl(['validate', missing])).toEqual({
    code: 2,
    stdout: '',
    stderr: `pipectl: ${path.join(dir, 'gone\\n\\x1b[31mred.yaml')}: cannot read the file (ENOENT).`,
  });
});

test("status: names, statuses, reasons and errors from AWS are escaped; the approval hint is a quoted command with the caller's Region and profile", async () => {
  const hostileStage = 'Test$(rm -rf ~)';
  const hostileAction = "Approve 'it'\nnow";
  cp.on(GetPipelineStateCommand).resolves({
    pipelineVersion: 1,
    stageStates: [
      stage(hostileStage, 'InProgress', [action(hostileAction, 'InProgress', { token: TOKEN }), action(`Deploy${FORGED}`, 'Failed', { errorDetails: { code: 'JobFailed', message: `boom\n${FORGED}` } })], {
        inboundTransitionState: { enabled: false, disabledReason: `freeze\x1b]0;owned\x07`, lastChangedBy: 'ops' },
      }),
    ],
  });
  cp.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'InProgress' }] });
  const config = path.join(dir, 'config');
  fs.writeFileSync(config, '[profile ops]\nregion = eu-west-1\n');
  process.env.AWS_CONFIG_FILE = config;
  const run = await pipectl(['status', 'Walkthrough', ...AWS, '--profile', 'ops']).finally(() => delete process.env.AWS_CONFIG_FILE);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
  const lines = run.stdout.split('\n');
  expect(lines.slice(4, 7)).toEqual([
    "│ Test$(rm -rf ~) (inbound disabled) │ InProgress   │ Approve 'it'\\nnow                       │ InProgress (awaiting approval) │ -        │ 2025-03-01T10:00:00.000Z │",
    '├────────────────────────────────────┼──────────────┼─────────────────────────────────────────┼────────────────────────────────┼──────────┼──────────────────────────┤',
    '│                                    │              │ Deploy\\x1b[2J\\x1b[H0 errors, 0 warnings │ Failed                         │ -        │ 2025-03-01T10:00:00.000Z │',
  ]);
  expect(lines).toContain('Inbound transition to Test$(rm -rf ~) disabled by ops: freeze\\x1b]0;owned\\x07');
  expect(lines).toContain('Test$(rm -rf ~)/Deploy\\x1b[2J\\x1b[H0 errors, 0 warnings failed: boom\\n\\x1b[2J\\x1b[H0 errors, 0 warnings');
  expect(lines).toContain(
    "Pending approval: Test$(rm -rf ~)/Approve 'it'\\nnow since 2025-03-01T10:00:00.000Z — pipectl approve --region us-east-1 --profile ops Walkthrough 'Test$(rm -rf ~)' $'Approve \\'it\\'\\x0anow'",
  );
});

test('an AWS error message is one escaped line', async () => {
  cp.on(GetPipelineStateCommand).rejects(
    new CodePipelineServiceException({ name: 'ValidationException', message: `bad\n${FORGED}`, $fault: 'client', $metadata: { httpStatusCode: 400 } }),
  );
  expect(await pipectl(['approve', 'P', 'Test', 'Approve', ...AWS])).toEqual({
    code: 1,
    stdout: '',
    stderr: 'pipectl: action "Approve" in stage "Test" of pipeline "P": ValidationException: bad \\x1b[2J\\x1b[H0 errors, 0 warnings',
  });
});

test("commander's own errors quote what was typed, escaped", async () => {
  const run = await pipectl(['status', 'P', `--${FORGED}`]);
  expect(run).toEqual({ code: 2, stdout: '', stderr: "error: unknown option '--\\x1b[2J\\x1b[H0 errors, 0 warnings'\n" });
});

test('a name that fails the name check is echoed escaped, exit 2', async () => {
  expect(await pipectl(['approve', 'P', `Test${FORGED}`, 'Approve', ...AWS])).toEqual({
    code: 2,
    stdout: '',
    stderr: "pipectl: stage name \"Test\\x1b[2J\\x1b[H0 errors, 0 warnings\" is not valid: use 1–100 characters of letters, digits, '.', '@', '-' and '_'",
  });
});

test('StartPipelineExecution without an execution ID: one line, exit 1', async () => {
  cp.on(StartPipelineExecutionCommand).resolves({});
  expect(await pipectl(['release', 'P', ...AWS])).toEqual({
    code: 1,
    stdout: '',
    stderr: 'pipectl: pipeline "P": StartPipelineExecution succeeded but the answer had no execution ID: see pipectl status --region us-east-1 P',
  });
});

describe('an unexpected error', () => {
  afterEach(() => {
    delete process.env.PIPECTL_DEBUG;
  });

  test('is one line saying it is a bug, exit 1, no stack', async () => {
    cp.on(GetPipelineStateCommand).rejects(new TypeError(`Cannot read properties of undefined\n    at ${FORGED}`));
    expect(await pipectl(['status', 'P', ...AWS])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'pipectl: internal error: TypeError: Cannot read properties of undefined; this is a bug in pipectl: please report it with the output of PIPECTL_DEBUG=1',
    });
  });

  test('shows its stack, escaped, with PIPECTL_DEBUG=1', async () => {
    process.env.PIPECTL_DEBUG = '1';
    cp.on(GetPipelineStateCommand).rejects(new TypeError(`oops ${FORGED}`));
    const run = await pipectl(['status', 'P', ...AWS]);
    expect(run.code).toBe(1);
    const [first, stack] = run.stderr.split(/(?<=PIPECTL_DEBUG=1)/);
    expect(first).toBe('pipectl: internal error: TypeError: oops \\x1b[2J\\x1b[H0 errors, 0 warnings; this is a bug in pipectl: please report it with the output of PIPECTL_DEBUG=1');
    expect(stack.startsWith('TypeError: oops \\x1b[2J\\x1b[H0 errors, 0 warnings\n    at ')).toBe(true);
    expect(stack).not.toContain('\x1b');
  });
});
