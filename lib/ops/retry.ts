import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  RetryStageExecutionCommand,
  StageRetryMode,
  StageState,
} from '@aws-sdk/client-codepipeline';
import { CodePipelineApi } from './clients';
import { findStage } from './stage-lookup';
import { OperationFailed } from './target';

/**
 * The rules that stop a retry, from the service's documentation of stage retries: a failed stage can
 * be retried for the same revision unless one of these holds. `not-failed` is the precondition.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-retry.html
 */
export type RetryBlocker = 'not-failed' | 'retry-in-progress' | 'actions-not-completed' | 'pipeline-changed';

/** Why a retry cannot run, with the rule's ID so scripts can tell the cases apart. */
export class RetryBlocked extends OperationFailed {
  constructor(
    readonly rule: RetryBlocker,
    message: string,
  ) {
    super(`${message} [${rule}]`);
  }
}

export interface RetryRequest {
  readonly pipeline: string;
  readonly stage: string;
  /**
   * Retry every action in the stage instead of only the failed ones.
   * @default false
   */
  readonly allActions?: boolean;
}

export interface RetryResult {
  readonly pipelineExecutionId: string;
  readonly retryMode: StageRetryMode;
}

/**
 * Checks the stage's latest execution against the retry rules, naming the one that blocks, then calls
 * RetryStageExecution for that execution.
 */
export async function retryStage(client: CodePipelineApi, request: RetryRequest): Promise<RetryResult> {
  const state = await client.send(new GetPipelineStateCommand({ name: request.pipeline }));
  const stage = findStage(state.stageStates, request.pipeline, request.stage);
  const executionId = checkStageRetryable(stage, request.pipeline);
  const execution = await client.send(
    new GetPipelineExecutionCommand({ pipelineName: request.pipeline, pipelineExecutionId: executionId }),
  );
  checkPipelineUnchanged(request, executionId, execution.pipelineExecution?.pipelineVersion, state.pipelineVersion);
  const retryMode: StageRetryMode = request.allActions ? 'ALL_ACTIONS' : 'FAILED_ACTIONS';
  const result = await client.send(
    new RetryStageExecutionCommand({
      pipelineName: request.pipeline,
      stageName: request.stage,
      pipelineExecutionId: executionId,
      retryMode,
    }),
  );
  return { pipelineExecutionId: result.pipelineExecutionId ?? executionId, retryMode };
}

/** The state-only rules; returns the failed execution's ID when they pass. */
export function checkStageRetryable(stage: StageState, pipeline: string): string {
  const where = `stage "${stage.stageName}" of pipeline "${pipeline}"`;
  const latest = stage.latestExecution;
  if (!latest?.pipelineExecutionId || !latest.status) {
    throw new RetryBlocked('not-failed', `${where} has not run yet: only a Failed stage can be retried`);
  }
  if (latest.status === 'InProgress' && stage.retryStageMetadata?.latestRetryTrigger) {
    throw new RetryBlocked(
      'retry-in-progress',
      `${where} cannot be retried: a retry (${stage.retryStageMetadata.latestRetryTrigger}) is already in progress ` +
        `for execution ${latest.pipelineExecutionId}; wait for it to end (pipectl status ${pipeline} --watch)`,
    );
  }
  if (latest.status !== 'Failed') {
    throw new RetryBlocked(
      'not-failed',
      `${where} is ${latest.status} in execution ${latest.pipelineExecutionId}: only a Failed stage can be retried`,
    );
  }
  const running = (stage.actionStates ?? []).filter((a) => a.latestExecution?.status === 'InProgress');
  if (running.length > 0) {
    throw new RetryBlocked(
      'actions-not-completed',
      `${where} cannot be retried yet: other actions in the stage have not completed ` +
        `(${running.map((a) => a.actionName).join(', ')} InProgress); wait for them to end`,
    );
  }
  return latest.pipelineExecutionId;
}

function checkPipelineUnchanged(
  request: RetryRequest,
  executionId: string,
  executionVersion: number | undefined,
  currentVersion: number | undefined,
): void {
  if (executionVersion !== undefined && currentVersion !== undefined && executionVersion !== currentVersion) {
    throw new RetryBlocked(
      'pipeline-changed',
      `stage "${request.stage}" of pipeline "${request.pipeline}" cannot be retried: the pipeline changed after the failure ` +
        `(execution ${executionId} ran version ${executionVersion}, the pipeline is now version ${currentVersion}); ` +
        `start a new execution with: pipectl release ${request.pipeline}`,
    );
  }
}
