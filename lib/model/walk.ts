import { ActionModel, PipelineModel, StageModel } from './pipeline-model';
import { known } from './values';

export interface ActionPlace {
  readonly stage: StageModel;
  readonly stageIndex: number;
  readonly action: ActionModel;
  readonly actionIndex: number;
}

const ACTION_PLACES = new WeakMap<PipelineModel, readonly ActionPlace[]>();

/**
 * Every action of the pipeline, with its stage, in declaration order. Models are read-only, so the
 * list is built once per model and shared by every rule.
 */
export function allActions(pipeline: PipelineModel): readonly ActionPlace[] {
  let places = ACTION_PLACES.get(pipeline);
  if (!places) {
    places = pipeline.stages.flatMap((stage, stageIndex) =>
      stage.actions.map((action, actionIndex) => ({ stage, stageIndex, action, actionIndex })));
    ACTION_PLACES.set(pipeline, places);
  }
  return places;
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
  return !(pipeline.unresolvedParts ?? []).some((part) => /^stages(\[\d+\]\.actions)?$/.test(part));
}

/** Whether every action's output artifacts are literal, so a missing producer is really missing. */
export function allOutputsKnown(pipeline: PipelineModel): boolean {
  return !(pipeline.unresolvedParts ?? []).some((part) => /^stages(\[\d+\]\.actions(\[\d+\]\.outputArtifacts)?)?$/.test(part));
}

/** Whether a part of one action (`configuration`, `inputArtifacts`, `outputArtifacts`) is literal. */
export function actionPartKnown(
  pipeline: PipelineModel,
  place: { readonly stageIndex: number; readonly actionIndex: number },
  part: 'configuration' | 'inputArtifacts' | 'outputArtifacts',
): boolean {
  return !pipeline.unresolvedParts?.includes(`stages[${place.stageIndex}].actions[${place.actionIndex}].${part}`);
}

/** Whether one stage's action list is literal. */
export function stageActionsKnown(pipeline: PipelineModel, stageIndex: number): boolean {
  return !pipeline.unresolvedParts?.includes(`stages[${stageIndex}].actions`);
}

/** How many actions of the stage run at each literal runOrder (unresolved ones are left out). */
export function actionsByRunOrder(stage: StageModel): Map<number, number> {
  const counts = new Map<number, number>();
  for (const action of stage.actions) {
    const order = runOrderOf(action);
    if (order !== undefined) counts.set(order, (counts.get(order) ?? 0) + 1);
  }
  return counts;
}
