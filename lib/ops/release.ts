import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  PipelineExecution,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { CodePipelineApi } from './clients';
import { PollOptions, pollUntil } from './poll';
import { isExecutionActive } from './pipeline-status';
import { HintOptions, pipectlHint } from './pipectl-hint';
import { OperationFailed } from './target';

/** StartPipelineExecution: returns the new execution's ID. */
export async function startRelease(client: CodePipelineApi, pipeline: string, hint: HintOptions = {}): Promise<string> {
  const result = await client.send(new StartPipelineExecutionCommand({ name: pipeline }));
  if (!result.pipelineExecutionId) {
    // The call succeeded, so an execution may have started: say where to look rather than retry.
    throw new OperationFailed(
      `pipeline "${pipeline}": StartPipelineExecution succeeded but the answer had no execution ID: see ${pipectlHint(['status'], [pipeline], hint)}`,
    );
  }
  return result.pipelineExecutionId;
}

export interface WaitOptions extends PollOptions {
  /**
   * Called with each new status of the execution.
   * @default - nothing
   */
  readonly onStatus?: (status: string) => void;
}

export interface WaitResult {
  readonly execution: PipelineExecution;
  /** False when the timeout came first. */
  readonly finished: boolean;
}

/** Follows GetPipelineExecution until the execution is no longer InProgress or Stopping. */
export async function waitForExecution(
  client: CodePipelineApi,
  pipeline: string,
  executionId: string,
  options: WaitOptions,
): Promise<WaitResult> {
  let lastStatus: string | undefined;
  const { value, finished } = await pollUntil(
    async () => {
      const result = await client.send(
        new GetPipelineExecutionCommand({ pipelineName: pipeline, pipelineExecutionId: executionId }),
      );
      const execution = result.pipelineExecution ?? {};
      if (execution.status && execution.status !== lastStatus) {
        lastStatus = execution.status;
        options.onStatus?.(execution.status);
      }
      return execution;
    },
    (execution) => !isExecutionActive(execution.status),
    options,
  );
  return { execution: value, finished };
}

/** Where an execution failed: the stage and action GetPipelineState reports as Failed for it. */
export async function describeFailure(client: CodePipelineApi, pipeline: string, executionId: string): Promise<string | undefined> {
  const state = await client.send(new GetPipelineStateCommand({ name: pipeline }));
  for (const stage of state.stageStates ?? []) {
    if (stage.latestExecution?.pipelineExecutionId !== executionId || stage.latestExecution.status !== 'Failed') continue;
    const action = (stage.actionStates ?? []).find((a) => a.latestExecution?.status === 'Failed');
    if (!action) return `stage "${stage.stageName}" failed`;
    const message = action.latestExecution?.errorDetails?.message;
    return `action "${action.actionName}" in stage "${stage.stageName}" failed` + (message ? `: ${message}` : '');
  }
  return undefined;
}
