import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { createCodePipelineClient } from '../../lib/ops/clients';
import { describeFailure, startRelease, waitForExecution } from '../../lib/ops/release';
import { EXEC_1, action, stage } from './fixtures';

const cp = mockClient(CodePipelineClient);
// Built as pipectl builds its clients, so the SDK's Node-version notice stays off here too.
const client = createCodePipelineClient({ region: 'us-east-1' });
beforeEach(() => cp.reset());

test('starts an execution and returns its ID', async () => {
  cp.on(StartPipelineExecutionCommand).resolves({ pipelineExecutionId: EXEC_1 });
  await expect(startRelease(client, 'P')).resolves.toBe(EXEC_1);
  expect(cp.commandCalls(StartPipelineExecutionCommand)[0].args[0].input).toEqual({ name: 'P' });
});

test('follows an execution until it ends, reporting each new status once', async () => {
  cp.on(GetPipelineExecutionCommand)
    .resolvesOnce({ pipelineExecution: { status: 'InProgress' } })
    .resolvesOnce({ pipelineExecution: { status: 'InProgress' } })
    .resolves({ pipelineExecution: { status: 'Succeeded' } });
  const seen: string[] = [];
  const sleeps: number[] = [];
  const result = await waitForExecution(client, 'P', EXEC_1, {
    intervalMs: 1000,
    timeoutMs: 60_000,
    sleep: async (ms) => void sleeps.push(ms),
    onStatus: (s) => seen.push(s),
  });
  expect(result).toEqual({ execution: { status: 'Succeeded' }, finished: true });
  expect(seen).toEqual(['InProgress', 'Succeeded']);
  expect(sleeps).toEqual([1000, 1000]);
});

test('stops at the timeout', async () => {
  cp.on(GetPipelineExecutionCommand).resolves({ pipelineExecution: { status: 'InProgress' } });
  let clock = 0;
  const result = await waitForExecution(client, 'P', EXEC_1, {
    intervalMs: 1000,
    timeoutMs: 3000,
    now: () => clock,
    sleep: async (ms) => void (clock += ms),
  });
  expect(result.finished).toBe(false);
  expect(cp.commandCalls(GetPipelineExecutionCommand)).toHaveLength(4);
});

test('names the failed stage and action with its error', async () => {
  cp.on(GetPipelineStateCommand).resolves({
    stageStates: [
      stage('Source', 'Succeeded', [action('Src', 'Succeeded')]),
      stage('Deploy', 'Failed', [action('CreateStack', 'Failed', { errorDetails: { code: 'JobFailed', message: 'Stack is in ROLLBACK_COMPLETE' } })]),
    ],
  });
  await expect(describeFailure(client, 'P', EXEC_1)).resolves.toBe('action "CreateStack" in stage "Deploy" failed: Stack is in ROLLBACK_COMPLETE');
});
