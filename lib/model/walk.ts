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
 * The action's runOrder as the service sees it: 1 when absent; undefined when unknown or not a
 * whole number (the run-order and declaration-shape rules report those).
 */
export function runOrderOf(action: ActionModel): number | undefined {
  if (action.runOrder === undefined) return 1;
  const value = known(action.runOrder);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Where an action runs: the index of its stage and its runOrder (undefined when unknown). */
export interface RunPosition {
  readonly stageIndex: number;
  readonly runOrder: number | undefined;
}

/**
 * Why the action at `earlier` does not finish before the action at `later` starts, or undefined
 * when it does: it must be in an earlier stage, or in the same stage with a lower runOrder. An
 * unknown runOrder in the same stage leaves the order open, and is not a problem.
 */
export function notFinishedBefore(earlier: RunPosition, later: RunPosition): string | undefined {
  if (earlier.stageIndex > later.stageIndex) return 'is in a later stage';
  if (earlier.stageIndex < later.stageIndex) return undefined;
  if (earlier.runOrder === undefined || later.runOrder === undefined) return undefined;
  if (earlier.runOrder === later.runOrder) return `runs at the same time (runOrder ${later.runOrder})`;
  if (earlier.runOrder > later.runOrder) return `runs later (runOrder ${earlier.runOrder} > ${later.runOrder})`;
  return undefined;
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

interface UnknownParts {
  readonly unresolved: ReadonlySet<string>;
  readonly malformed: ReadonlySet<string>;
}
const UNKNOWN_PARTS = new WeakMap<PipelineModel, UnknownParts>();

/**
 * The paths of the parts no rule can read, as sets built once per model, so that asking about each
 * of many stages or actions stays cheap.
 */
function unknownParts(pipeline: PipelineModel): UnknownParts {
  let parts = UNKNOWN_PARTS.get(pipeline);
  if (!parts) {
    parts = { unresolved: new Set(pipeline.unresolvedParts), malformed: new Set((pipeline.malformed ?? []).map((part) => part.path)) };
    UNKNOWN_PARTS.set(pipeline, parts);
  }
  return parts;
}

/**
 * Whether the part at `path` (the API's member names with the model's indices, as in
 * {@link PipelineModel.unresolvedParts}, e.g. `stages[2].beforeEntry.conditions` or
 * `triggers[0].gitConfiguration.push[0].branches.includes`) can be read. A part is unknown when it is
 * unresolved or malformed itself, when it is a member of an object behind an intrinsic (an unresolved
 * `stages[2].onFailure` leaves its conditions unknown), or when it is anything inside a malformed part
 * (a stage that is not an object has no actions to read, nor has anything in a template whose
 * `Properties`, the empty path, are not an object). The literal items of a list with a conditional
 * item (`stages` with an `Fn::If` stage) are still known.
 */
export function partKnown(pipeline: PipelineModel, path: string): boolean {
  const { unresolved, malformed } = unknownParts(pipeline);
  if (malformed.size === 0 && unresolved.size === 0) return true;
  if (unresolved.has(path) || malformed.has(path)) return false;
  if (malformed.has('')) return false;
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c !== '.' && c !== '[') continue;
    const outer = path.slice(0, i);
    if (malformed.has(outer) || (c === '.' && unresolved.has(outer))) return false;
  }
  return true;
}

/**
 * Whether every part of the model can be read: the common case, in which callers can skip building
 * the path of each part they ask {@link partKnown} about.
 */
function allPartsKnown(pipeline: PipelineModel): boolean {
  const { unresolved, malformed } = unknownParts(pipeline);
  return unresolved.size === 0 && malformed.size === 0;
}

/** Whether any unknown part matches `pattern` (tested against every unknown part's path). */
function anyUnknown(pipeline: PipelineModel, pattern: RegExp): boolean {
  const { unresolved, malformed } = unknownParts(pipeline);
  if (unresolved.size === 0 && malformed.size === 0) return false;
  for (const parts of [unresolved, malformed]) {
    for (const part of parts) if (pattern.test(part)) return true;
  }
  return false;
}

/** Whether the stage list is literal and well formed (not behind an intrinsic such as `Fn::If`). */
export function stagesKnown(pipeline: PipelineModel): boolean {
  return partKnown(pipeline, 'stages');
}

/** Whether every stage and its action list is known, so the pipeline's actions can be counted. */
export function allActionsKnown(pipeline: PipelineModel): boolean {
  return !anyUnknown(pipeline, /^(stages(\[\d+\](\.actions)?)?)?$/);
}

/** Whether every action's output artifacts are known, so a missing producer is really missing. */
export function allOutputsKnown(pipeline: PipelineModel): boolean {
  return !anyUnknown(pipeline, /^(stages(\[\d+\](\.actions(\[\d+\](\.outputArtifacts)?)?)?)?)?$/);
}

/** Whether a part of one action (`configuration`, `inputArtifacts`, `outputArtifacts`) is known. */
export function actionPartKnown(
  pipeline: PipelineModel,
  place: { readonly stageIndex: number; readonly actionIndex: number },
  part: 'configuration' | 'inputArtifacts' | 'outputArtifacts',
): boolean {
  // Rules ask this for every action: build the path only when some part is unknown.
  return allPartsKnown(pipeline) || partKnown(pipeline, `stages[${place.stageIndex}].actions[${place.actionIndex}].${part}`);
}

/** Whether one stage's action list is known. */
export function stageActionsKnown(pipeline: PipelineModel, stageIndex: number): boolean {
  return allPartsKnown(pipeline) || partKnown(pipeline, `stages[${stageIndex}].actions`);
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
