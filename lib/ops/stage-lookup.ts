import { ActionState, StageState } from '@aws-sdk/client-codepipeline';
import { OperationFailed } from './target';

/** The stage named `stage` in GetPipelineState's answer, or a message listing the stages there are. */
export function findStage(stageStates: readonly StageState[] | undefined, pipeline: string, stage: string): StageState {
  const stages = stageStates ?? [];
  const found = stages.find((s) => s.stageName === stage);
  if (!found) {
    throw new OperationFailed(
      `stage "${stage}" not found in pipeline "${pipeline}" (stages: ${stages.map((s) => s.stageName).join(', ') || 'none'})`,
    );
  }
  return found;
}

export function findAction(stageState: StageState, pipeline: string, action: string): ActionState {
  const actions = stageState.actionStates ?? [];
  const found = actions.find((a) => a.actionName === action);
  if (!found) {
    throw new OperationFailed(
      `action "${action}" not found in stage "${stageState.stageName}" of pipeline "${pipeline}" ` +
        `(actions: ${actions.map((a) => a.actionName).join(', ') || 'none'})`,
    );
  }
  return found;
}
