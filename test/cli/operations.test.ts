import {
  CodePipelineClient,
  CodePipelineServiceException,
  DisableStageTransitionCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../lib/cli/program';
import { EXEC_1, action, stage, walkthroughState } from '../ops/fixtures';
import { captureIo } from './capture-io';

const cp = mockClient(CodePipelineClient);
beforeEach(() => cp.reset());
const AWS = ['--region', 'us-east-1'];

test('status --json prints the state as JSON on stdout', async () => {
  cp.on(GetPipelineStateCommand).resolves({ pipelineVersion: 2, stageStates: walkthroughState() });
  cp.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'InProgress' }] });
  const io = captureIo();
  await expect(runCli(['status', 'Walkthrough', '--json', ...AWS], io)).resolves.toBe(0);
  const status = JSON.parse(io.stdout.join(''));
  expect(status.pipeline).toBe('Walkthrough');
  expect(status.pendingApprovals.map((a: { action: string }) => a.action)).toEqual(['ApproveTestStack']);
  expect(io.stderr).toEqual([]);
});

test('status --watch prints each change until the execution ends, exit 1 when it failed', async () => {
  cp.on(GetPipelineStateCommand).resolves({ pipelineVersion: 2, stageStates: walkthroughState() });
  cp.on(ListPipelineExecutionsCommand)
    .resolvesOnce({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'InProgress' }] })
    .resolvesOnce({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'InProgress' }] })
    .resolves({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'Failed' }] });
  const io = captureIo();
  await expect(runCli(['status', 'Walkthrough', '--watch', '--interval', '1', ...AWS], io)).resolves.toBe(1);
  expect(io.stdout).toHaveLength(2);
  expect(io.stdout[1].split('\n')[0]).toBe(`Pipeline Walkthrough (version 2): latest execution ${EXEC_1} Failed`);
  expect(io.stderr).toEqual([`pipectl: pipeline "Walkthrough": execution ${EXEC_1} ended Failed`]);
  expect(cp.commandCalls(GetPipelineStateCommand)).toHaveLength(3);
});

test('status --watch on a terminal clears the screen and colours', async () => {
  cp.on(GetPipelineStateCommand).resolves({ stageStates: walkthroughState() });
  cp.on(ListPipelineExecutionsCommand).resolves({ pipelineExecutionSummaries: [{ pipelineExecutionId: EXEC_1, status: 'Succeeded' }] });
  const io = captureIo(true);
  await expect(runCli(['status', 'Walkthrough', '--watch', ...AWS], io)).resolves.toBe(0);
  expect(io.stdout[0].startsWith('\x1b[2J\x1b[H')).toBe(true);
  expect(io.stdout[0]).toContain('\x1b[32mSucceeded\x1b[0m');
});

test('release --wait names the failed action and exits 1', async () => {
  cp.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: EXEC_1 });
  cp.on(GetPipelineExecutionCommand).resolves({ pipelineExecution: { pipelineExecutionId: EXEC_1, status: 'Failed' } });
  cp.on(GetPipelineStateCommand).resolves({
    stageStates: [stage('Deploy', 'Failed', [action('CreateStack', 'Failed', { errorDetails: { code: 'JobFailed', message: 'Template error' } })])],
  });
  const io = captureIo();
  await expect(runCli(['release', 'P', '--wait', '--interval', '1', ...AWS], io)).resolves.toBe(1);
  expect(io.stdout).toEqual([EXEC_1]);
  expect(io.stderr).toEqual([
    `execution ${EXEC_1}: Failed`,
    `pipectl: pipeline "P": execution ${EXEC_1} ended Failed: action "CreateStack" in stage "Deploy" failed: Template error`,
  ]);
});

test('approve with nothing pending: one line, exit 1', async () => {
  cp.on(GetPipelineStateCommand).resolves({ stageStates: [stage('Test', 'Succeeded', [action('Approve', 'Succeeded')])] });
  const io = captureIo();
  await expect(runCli(['approve', 'P', 'Test', 'Approve', ...AWS], io)).resolves.toBe(1);
  expect(io.stderr).toEqual(['pipectl: action "Approve" in stage "Test" of pipeline "P" has no pending approval (its latest execution is Succeeded)']);
  expect(cp.commandCalls(PutApprovalResultCommand)).toHaveLength(0);
});

test('an AWS error is one line naming the pipeline, exit 1', async () => {
  cp.on(GetPipelineStateCommand).rejects(
    new CodePipelineServiceException({ name: 'PipelineNotFoundException', message: 'Account does not have a pipeline', $fault: 'client', $metadata: {} }),
  );
  const io = captureIo();
  await expect(runCli(['retry', 'Nope', 'Deploy', ...AWS], io)).resolves.toBe(1);
  expect(io.stderr).toEqual(['pipectl: pipeline "Nope" not found: check the name, --region and --profile']);
});

test('usage errors exit 2 before any call', async () => {
  const cases: Array<[string[], string]> = [
    [['status', 'bad name'], 'pipectl: pipeline name "bad name" is not valid: use 1–100 characters of letters, digits, \'.\', \'@\', \'-\' and \'_\''],
    [['transition', 'disable', 'P', 'Prod', '--reason', 'freeze, see #42'], 'pipectl: --reason contains characters CodePipeline rejects ("," "#"): use letters, digits, spaces and ! @ ( ) . * ? -'],
    [['status', 'P', '--watch', '--interval', '0'], "error: option '--interval <seconds>' argument '0' is invalid. Use a number of seconds from 1 to 3600.\n"],
  ];
  for (const [argv, message] of cases) {
    const io = captureIo();
    await expect(runCli([...argv, ...AWS], io)).resolves.toBe(2);
    expect(io.stderr).toEqual([message]);
  }
  const io = captureIo();
  await expect(runCli(['transition', 'enable', 'P', 'Prod', '--reason', 'x'], io)).resolves.toBe(2);
  expect(io.stderr.join('')).toContain("error: unknown option '--reason'");
  expect(cp.calls()).toHaveLength(0);
});

test('transition disable prints what it did', async () => {
  cp.on(DisableStageTransitionCommand).resolves({});
  const io = captureIo();
  await expect(runCli(['transition', 'disable', 'P', 'Prod', '--reason', 'Release freeze', ...AWS], io)).resolves.toBe(0);
  expect(io.stdout).toEqual(['Disabled the inbound transition to stage "Prod" of pipeline "P": Release freeze']);
});
