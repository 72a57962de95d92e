import { ActionModel, PipelineModel, StageModel } from './pipeline-model';
import { known } from './values';

export interface ActionPlace {
  readonly stage: StageModel;
  readonly stageIndex: number;
  readonly action: ActionModel;
}

/** Every action of the pipeline, with its stage, in declaration order. */
export function* allActions(pipeline: PipelineModel): Generator<ActionPlace> {
  for (const [stageIndex, stage] of pipeline.stages.entries()) {
    for (const action of stage.actions) yield { stage, stageIndex, action };
  }
}

/**
 * The action's runOrder as the service sees it: 1 when absent; undefined when unresolved or not a
 * whole number (the run-order rule reports those).
 */
export function runOrderOf(action: ActionModel): number | undefined {
  if (action.runOrder === undefined) return 1;
  const value = known(action.runOrder);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Lower-cased provider of a literal action type, e.g. "cloudformation"; undefined when unresolved. */
export function providerOf(action: ActionModel): string | undefined {
  return known(action.actionTypeId.provider)?.toLowerCase();
}

export function categoryOf(action: ActionModel): string | undefined {
  return known(action.actionTypeId.category);
}

export function isCloudFormationAction(action: ActionModel): boolean {
  return categoryOf(action) === 'Deploy' && providerOf(action) === 'cloudformation';
}

/** Whether the stage list is literal (not behind an intrinsic such as `Fn::If`). */
export function stagesKnown(pipeline: PipelineModel): boolean {
  return !pipeline.unresolvedParts?.includes('stages');
}

/** Whether every stage's action list is literal, so the pipeline can be counted as a whole. */
export function allActionsKnown(pipeline: PipelineModel): boolean {
  return (pipeline.unresolvedParts ?? []).length === 0;
}

/** Whether one stage's action list is literal. */
export function stageActionsKnown(pipeline: PipelineModel, stageIndex: number): boolean {
  return !pipeline.unresolvedParts?.includes(`stages[${stageIndex}].actions`);
}
