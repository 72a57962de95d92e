import { ApprovalStatus, GetPipelineStateCommand, PutApprovalResultCommand } from '@aws-sdk/client-codepipeline';
import { UsageError } from '../private/usage-error';
import { CodePipelineApi } from './clients';
import { findAction, findStage } from './stage-lookup';
import { OperationFailed, describeTarget } from './target';

/** PutApprovalResult's summary limit in the API model. */
export const MAX_APPROVAL_SUMMARY = 512;

export interface AnswerApprovalRequest {
  readonly pipeline: string;
  readonly stage: string;
  readonly action: string;
  readonly decision: 'Approved' | 'Rejected';
  /**
   * Shown in the pipeline history next to the decision.
   * @default - "Approved with pipectl" or "Rejected with pipectl"
   */
  readonly summary?: string;
}

/**
 * Finds the pending approval's token with GetPipelineState and answers it with PutApprovalResult.
 * Refuses, naming the action and what it is doing instead, when no approval is pending.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/approvals-respond.html
 */
export async function answerApproval(client: CodePipelineApi, request: AnswerApprovalRequest): Promise<void> {
  const summary = request.summary ?? `${request.decision} with pipectl`;
  if (summary.length > MAX_APPROVAL_SUMMARY) {
    throw new UsageError(`--summary is ${summary.length} characters; CodePipeline accepts at most ${MAX_APPROVAL_SUMMARY}`);
  }
  const state = await client.send(new GetPipelineStateCommand({ name: request.pipeline }));
  const stage = findStage(state.stageStates, request.pipeline, request.stage);
  const action = findAction(stage, request.pipeline, request.action);
  const execution = action.latestExecution;
  if (execution?.status !== 'InProgress' || !execution.token) {
    const now = execution?.status ? `its latest execution is ${execution.status}` : 'it has not run yet';
    throw new OperationFailed(`${describeTarget(request)} has no pending approval (${now})`);
  }
  await client.send(
    new PutApprovalResultCommand({
      pipelineName: request.pipeline,
      stageName: request.stage,
      actionName: request.action,
      token: execution.token,
      result: { status: request.decision as ApprovalStatus, summary },
    }),
  );
}
