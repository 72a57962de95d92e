import {
  GetPipelineStateCommand,
  GetPipelineStateCommandOutput,
  ListPipelineExecutionsCommand,
  PipelineExecutionSummary,
  StageState,
} from '@aws-sdk/client-codepipeline';
import { CodePipelineApi } from './clients';

/** One action of a stage as `pipectl status` shows it. */
export interface ActionStatus {
  readonly name: string;
  /** InProgress, Abandoned, Succeeded or Failed; absent when the action never ran. */
  readonly status?: string;
  readonly revision?: string;
  /** ISO 8601 time of the action's last status change. */
  readonly lastChange?: string;
  readonly summary?: string;
  readonly error?: string;
  readonly pendingApproval: boolean;
}

export interface TransitionStatus {
  readonly enabled: boolean;
  readonly disabledReason?: string;
  readonly lastChangedBy?: string;
  readonly lastChangedAt?: string;
}

export interface StageStatus {
  readonly name: string;
  readonly status?: string;
  readonly executionId?: string;
  readonly inboundTransition: TransitionStatus;
  readonly actions: ActionStatus[];
}

export interface PendingApproval {
  readonly stage: string;
  readonly action: string;
  readonly token: string;
  readonly since?: string;
}

export interface ExecutionStatus {
  readonly id: string;
  readonly status: string;
  readonly startTime?: string;
  readonly lastUpdate?: string;
}

/** What `pipectl status` prints: the pipeline state plus its latest execution. */
export interface PipelineStatus {
  readonly pipeline: string;
  readonly version?: number;
  readonly latestExecution?: ExecutionStatus;
  readonly stages: StageStatus[];
  readonly pendingApprovals: PendingApproval[];
}

/** Execution states after which nothing more happens. */
const ACTIVE_EXECUTION = new Set(['InProgress', 'Stopping']);

export function isExecutionActive(status: string | undefined): boolean {
  return status !== undefined && ACTIVE_EXECUTION.has(status);
}

/** Reads GetPipelineState and the latest execution (ListPipelineExecutions, one result). */
export async function readPipelineStatus(client: CodePipelineApi, pipeline: string): Promise<PipelineStatus> {
  const state = await client.send(new GetPipelineStateCommand({ name: pipeline }));
  const executions = await client.send(new ListPipelineExecutionsCommand({ pipelineName: pipeline, maxResults: 1 }));
  return toPipelineStatus(pipeline, state, executions.pipelineExecutionSummaries?.[0]);
}

export function toPipelineStatus(
  pipeline: string,
  state: Pick<GetPipelineStateCommandOutput, 'pipelineVersion' | 'stageStates'>,
  latest: PipelineExecutionSummary | undefined,
): PipelineStatus {
  const stages = (state.stageStates ?? []).map(toStageStatus);
  return {
    pipeline,
    version: state.pipelineVersion,
    latestExecution:
      latest?.pipelineExecutionId && latest.status
        ? {
            id: latest.pipelineExecutionId,
            status: latest.status,
            startTime: iso(latest.startTime),
            lastUpdate: iso(latest.lastUpdateTime),
          }
        : undefined,
    stages,
    pendingApprovals: pendingApprovals(state.stageStates ?? []),
  };
}

/**
 * Approvals waiting for an answer: an action whose latest execution is InProgress and carries a
 * token (GetPipelineState gives a token only to approval requests).
 */
export function pendingApprovals(stageStates: readonly StageState[]): PendingApproval[] {
  const found: PendingApproval[] = [];
  for (const stage of stageStates) {
    for (const action of stage.actionStates ?? []) {
      const execution = action.latestExecution;
      if (stage.stageName && action.actionName && execution?.status === 'InProgress' && execution.token) {
        found.push({
          stage: stage.stageName,
          action: action.actionName,
          token: execution.token,
          since: iso(execution.lastStatusChange),
        });
      }
    }
  }
  return found;
}

function toStageStatus(stage: StageState): StageStatus {
  const transition = stage.inboundTransitionState;
  return {
    name: stage.stageName ?? '',
    status: stage.latestExecution?.status,
    executionId: stage.latestExecution?.pipelineExecutionId,
    inboundTransition: {
      // A stage without transition state (the first one) always accepts revisions.
      enabled: transition?.enabled ?? true,
      disabledReason: transition?.disabledReason,
      lastChangedBy: transition?.lastChangedBy,
      lastChangedAt: iso(transition?.lastChangedAt),
    },
    actions: (stage.actionStates ?? []).map((action) => {
      const execution = action.latestExecution;
      return {
        name: action.actionName ?? '',
        status: execution?.status,
        revision: action.currentRevision?.revisionId,
        lastChange: iso(execution?.lastStatusChange),
        summary: execution?.summary,
        error: execution?.errorDetails?.message,
        pendingApproval: execution?.status === 'InProgress' && Boolean(execution.token),
      };
    }),
  };
}

function iso(date: Date | undefined): string | undefined {
  return date ? date.toISOString() : undefined;
}
