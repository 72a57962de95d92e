import { ConditionModel, PipelineModel, RuleModel, StageModel } from '../model/pipeline-model';

/** The three places a stage declares conditions (V2), by their API member names. */
export type ConditionKind = 'beforeEntry' | 'onSuccess' | 'onFailure';

export const CONDITION_KINDS: readonly ConditionKind[] = ['beforeEntry', 'onSuccess', 'onFailure'];

export interface ConditionPlace {
  readonly stage: StageModel;
  readonly stageIndex: number;
  readonly kind: ConditionKind;
  readonly condition: ConditionModel;
  /** Where the condition is, in the API's member names, e.g. `stages[1].onFailure.conditions[0]`. */
  readonly path: string;
}

export interface RulePlace extends ConditionPlace {
  readonly rule: RuleModel;
  readonly ruleIndex: number;
  /** e.g. `stages[1].onFailure.conditions[0].rules[2]`. */
  readonly rulePath: string;
}

/** The condition list of one kind on a stage; undefined when the stage declares none of that kind. */
export function conditionsOf(stage: StageModel, kind: ConditionKind): readonly ConditionModel[] | undefined {
  return stage[kind]?.conditions;
}

export interface ConditionStage {
  readonly stage: StageModel;
  readonly stageIndex: number;
}

const CONDITION_STAGES = new WeakMap<PipelineModel, readonly ConditionStage[]>();

/**
 * The stages that declare beforeEntry, onSuccess or onFailure (V2), in order. Most pipelines have
 * none, and the condition rules read nothing else: the list is built once per model (models are
 * read-only), so that each of those rules returns at once on such a pipeline.
 */
export function conditionStages(pipeline: PipelineModel): readonly ConditionStage[] {
  let stages = CONDITION_STAGES.get(pipeline);
  if (!stages) {
    const found: ConditionStage[] = [];
    pipeline.stages.forEach((stage, stageIndex) => {
      if (stage.beforeEntry !== undefined || stage.onSuccess !== undefined || stage.onFailure !== undefined) found.push({ stage, stageIndex });
    });
    stages = found;
    CONDITION_STAGES.set(pipeline, stages);
  }
  return stages;
}

const CONDITIONS = new WeakMap<PipelineModel, readonly ConditionPlace[]>();

/** Every condition of every stage, in declaration order (entry, success, failure per stage); built once per model. */
export function allConditions(pipeline: PipelineModel): readonly ConditionPlace[] {
  let places = CONDITIONS.get(pipeline);
  if (!places) {
    const found: ConditionPlace[] = [];
    for (const { stage, stageIndex } of conditionStages(pipeline)) {
      for (const kind of CONDITION_KINDS) {
        (conditionsOf(stage, kind) ?? []).forEach((condition, i) => {
          found.push({ stage, stageIndex, kind, condition, path: `stages[${stageIndex}].${kind}.conditions[${i}]` });
        });
      }
    }
    places = found;
    CONDITIONS.set(pipeline, places);
  }
  return places;
}

const CONDITION_RULES = new WeakMap<PipelineModel, readonly RulePlace[]>();

/** Every rule of every condition, with its condition; built once per model. */
export function allConditionRules(pipeline: PipelineModel): readonly RulePlace[] {
  let places = CONDITION_RULES.get(pipeline);
  if (!places) {
    places = allConditions(pipeline).flatMap((place) =>
      (place.condition.rules ?? []).map((rule, ruleIndex) => ({ ...place, rule, ruleIndex, rulePath: `${place.path}.rules[${ruleIndex}]` })));
    CONDITION_RULES.set(pipeline, places);
  }
  return places;
}

/** `the onFailure condition`, for messages. */
export function describeCondition(kind: ConditionKind): string {
  return `the ${kind} condition`;
}

/** `rule "AlarmCheck" of the onFailure condition`, or `rule 2 of …` when the name is not literal text. */
export function describeRule(place: RulePlace): string {
  const name = place.rule.name;
  const label = typeof name === 'string' && name !== '' ? `"${name}"` : `${place.ruleIndex + 1}`;
  return `rule ${label} of ${describeCondition(place.kind)}`;
}
