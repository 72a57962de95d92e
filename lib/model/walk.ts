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

/** The service's runOrder, 1 when absent; undefined when unresolved. */
export function runOrderOf(action: ActionModel): number | undefined {
  if (action.runOrder === undefined) return 1;
  return known(action.runOrder);
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
