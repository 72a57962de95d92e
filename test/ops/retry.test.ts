import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  RetryStageExecutionCommand,
  StageState,
} from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { createCodePipelineClient } from '../../lib/ops/clients';
import { RetryBlocked, retryStage } from '../../lib/ops/retry';
import { EXEC_1, action, stage } from './fixtures';

const cp = mockClient(CodePipelineClient);
// Built as pipectl builds its clients, so the SDK's Node-version notice stays off here too.
const client = createCodePipelineClient({ region: 'us-east-1' });

function given(stages: StageState[], currentVersion: number, failedVersion: number): void {
  cp.on(GetPipelineStateCommand).resolves({ pipelineVersion: currentVersion, stageStates: stages });
  cp.on(GetPipelineExecutionCommand).resolves({ pipelineExecution: { pipelineExecutionId: EXEC_1, pipelineVersion: failedVersion, status: 'Failed' } });
  cp.on(RetryStageExecutionCommand).resolves({ pipelineExecutionId: EXEC_1 });
}

const failedDeploy = (): StageState => stage('Deploy', 'Failed', [action('CreateStack', 'Failed'), action('Smoke', 'Succeeded')]);

beforeEach(() => cp.reset());

test('retries the failed actions of the stage\'s latest execution', async () => {
  given([failedDeploy()], 3, 3);
  await expect(retryStage(client, { pipeline: 'P', stage: 'Deploy' })).resolves.toEqual({ pipelineExecutionId: EXEC_1, retryMode: 'FAILED_ACTIONS' });
  expect(cp.commandCalls(GetPipelineExecutionCommand)[0].args[0].input).toEqual({ pipelineName: 'P', pipelineExecutionId: EXEC_1 });
  expect(cp.commandCalls(RetryStageExecutionCommand)[0].args[0].input).toEqual({
    pipelineName: 'P',
    stageName: 'Deploy',
    pipelineExecutionId: EXEC_1,
    retryMode: 'FAILED_ACTIONS',
  });
});

test('--all retries every action', async () => {
  given([failedDeploy()], 3, 3);
  await retryStage(client, { pipeline: 'P', stage: 'Deploy', allActions: true });
  expect(cp.commandCalls(RetryStageExecutionCommand)[0].args[0].input.retryMode).toBe('ALL_ACTIONS');
});

test('blocks when the pipeline changed after the failure', async () => {
  given([failedDeploy()], 4, 3);
  await expect(retryStage(client, { pipeline: 'P', stage: 'Deploy' })).rejects.toThrow(
    `stage "Deploy" of pipeline "P" cannot be retried: the pipeline changed after the failure (execution ${EXEC_1} ran version 3, ` +
      'the pipeline is now version 4); start a new execution with: pipectl release P [pipeline-changed]',
  );
  expect(cp.commandCalls(RetryStageExecutionCommand)).toHaveLength(0);
});

test('blocks while other actions of the stage have not completed', async () => {
  given([stage('Deploy', 'Failed', [action('CreateStack', 'Failed'), action('Smoke', 'InProgress'), action('Lint', 'InProgress')])], 3, 3);
  const error = await retryStage(client, { pipeline: 'P', stage: 'Deploy' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RetryBlocked);
  expect((error as RetryBlocked).rule).toBe('actions-not-completed');
  expect((error as Error).message).toBe(
    'stage "Deploy" of pipeline "P" cannot be retried yet: other actions in the stage have not completed (Smoke, Lint InProgress); ' +
      'wait for them to end [actions-not-completed]',
  );
  expect(cp.commandCalls(GetPipelineExecutionCommand)).toHaveLength(0);
});

test('blocks when a retry is already in progress', async () => {
  given([stage('Deploy', 'InProgress', [action('CreateStack', 'InProgress')], { retryStageMetadata: { latestRetryTrigger: 'ManualStageRetry', manualStageRetryAttempt: 1 } })], 3, 3);
  await expect(retryStage(client, { pipeline: 'P', stage: 'Deploy' })).rejects.toThrow(
    `stage "Deploy" of pipeline "P" cannot be retried: a retry (ManualStageRetry) is already in progress for execution ${EXEC_1}; ` +
      'wait for it to end (pipectl status P --watch) [retry-in-progress]',
  );
});

test('refuses a stage that did not fail', async () => {
  given([stage('Deploy', 'Succeeded', [action('CreateStack', 'Succeeded')])], 3, 3);
  await expect(retryStage(client, { pipeline: 'P', stage: 'Deploy' })).rejects.toThrow(
    `stage "Deploy" of pipeline "P" is Succeeded in execution ${EXEC_1}: only a Failed stage can be retried [not-failed]`,
  );
});

test('refuses a stage that never ran', async () => {
  given([stage('Deploy', undefined, [action('CreateStack')])], 3, 3);
  await expect(retryStage(client, { pipeline: 'P', stage: 'Deploy' })).rejects.toThrow(
    'stage "Deploy" of pipeline "P" has not run yet: only a Failed stage can be retried [not-failed]',
  );
});
