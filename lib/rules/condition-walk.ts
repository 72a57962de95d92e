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

/** Every condition of every stage, in declaration order (entry, success, failure per stage). */
export function allConditions(pipeline: PipelineModel): ConditionPlace[] {
  const places: ConditionPlace[] = [];
  pipeline.stages.forEach((stage, stageIndex) => {
    for (const kind of CONDITION_KINDS) {
      (conditionsOf(stage, kind) ?? []).forEach((condition, i) => {
        places.push({ stage, stageIndex, kind, condition, path: `stages[${stageIndex}].${kind}.conditions[${i}]` });
      });
    }
  });
  return places;
}

/** Every rule of every condition, with its condition. */
export function allConditionRules(pipeline: PipelineModel): RulePlace[] {
  return allConditions(pipeline).flatMap((place) =>
    (place.condition.rules ?? []).map((rule, ruleIndex) => ({ ...place, rule, ruleIndex, rulePath: `${place.path}.rules[${ruleIndex}]` })));
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
