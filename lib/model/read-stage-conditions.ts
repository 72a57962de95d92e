import {
  ConditionModel,
  FailureConditionsModel,
  Maybe,
  RuleModel,
  RuleTypeIdModel,
  StageConditionsModel,
} from './pipeline-model';
import { artifactsFrom, field, optionalNumber, optionalScalar, TEXT } from './read-members';
import { isIntrinsic, isRecord, item, listAt, member, Place, ReadParts, recordAt, scalarAt, textListAt } from './read-parts';
import { malformed, unresolved } from './values';

/*
 * A stage's conditions (V2): `onFailure` (result, retry mode, conditions), `onSuccess` and
 * `beforeEntry` (conditions), each condition a result and its rules. An object behind an intrinsic, or
 * of another shape, still stands in the model (so that a rule sees the stage has one) with its values
 * unknown and its conditions empty; its path is noted as unresolved or malformed.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StageDeclaration.html
 */

/** The stage's `onFailure`; undefined when absent. */
export function failureConditionsFrom(value: unknown, stage: Place, parts: ReadParts): FailureConditionsModel | undefined {
  if (value === undefined || value === null) return undefined;
  const record = recordAt(value, stage, 'onFailure', 'failure conditions: an object with Result, RetryConfiguration or Conditions', parts);
  if (record === undefined) {
    const unknown = unknownValue(value);
    return { result: unknown, retryMode: unknown };
  }
  const place = member(stage, 'onFailure');
  const conditions = field(record, 'conditions');
  return {
    result: optionalScalar<string>(field(record, 'result'), place, 'result', TEXT, parts),
    retryMode: retryModeFrom(field(record, 'retryConfiguration'), place, parts),
    conditions: conditions === undefined || conditions === null ? undefined : conditionsFrom(conditions, place, parts),
  };
}

/** The stage's `onSuccess` or `beforeEntry`; undefined when absent. */
export function stageConditionsFrom(value: unknown, stage: Place, name: 'onSuccess' | 'beforeEntry', parts: ReadParts): StageConditionsModel | undefined {
  if (value === undefined || value === null) return undefined;
  const record = recordAt(value, stage, name, 'stage conditions: an object with Conditions', parts);
  if (record === undefined) return { conditions: [] };
  return { conditions: conditionsFrom(field(record, 'conditions'), member(stage, name), parts) };
}

function retryModeFrom(value: unknown, onFailure: Place, parts: ReadParts): Maybe<string> | undefined {
  if (value === undefined || value === null) return undefined;
  const record = recordAt(value, onFailure, 'retryConfiguration', 'a retry configuration: an object with RetryMode', parts);
  if (record === undefined) return unknownValue(value);
  return optionalScalar<string>(field(record, 'retryMode'), member(onFailure, 'retryConfiguration'), 'retryMode', TEXT, parts);
}

function conditionsFrom(value: unknown, container: Place, parts: ReadParts): ConditionModel[] {
  const list = listAt(value, container, 'conditions', 'a list of conditions, each an object with Result and Rules', parts);
  if (list.length === 0) return list as ConditionModel[];
  const listPath = member(container, 'conditions');
  return list.map((condition, i) => {
    const place = item(listPath, i);
    if (!isRecord(condition)) {
      parts.wrongShape(place, 'a condition: an object with Result and Rules', condition);
      return { result: malformed(condition), rules: [] };
    }
    return {
      result: optionalScalar<string>(field(condition, 'result'), place, 'result', TEXT, parts),
      rules: rulesFrom(field(condition, 'rules'), place, parts),
    };
  });
}

function rulesFrom(value: unknown, condition: Place, parts: ReadParts): RuleModel[] {
  const list = listAt(value, condition, 'rules', 'a list of rules, each an object with Name and RuleTypeId', parts);
  if (list.length === 0) return list as RuleModel[];
  const listPath = member(condition, 'rules');
  return list.map((rule, i) => ruleFrom(rule, item(listPath, i), parts));
}

function ruleFrom(value: unknown, place: Place, parts: ReadParts): RuleModel {
  if (!isRecord(value)) {
    parts.wrongShape(place, 'a rule: an object with Name and RuleTypeId', value);
    const unknown = malformed(value);
    return { name: unknown, ruleTypeId: { category: unknown, owner: unknown, provider: unknown, version: unknown }, configuration: NO_CONFIGURATION, inputArtifacts: [] };
  }
  return {
    name: scalarAt<string>(field(value, 'name'), place, 'name', TEXT, parts),
    ruleTypeId: ruleTypeFrom(field(value, 'ruleTypeId'), place, parts),
    configuration: configurationFrom(field(value, 'configuration'), place, parts),
    commands: textListAt(field(value, 'commands'), place, 'commands', 'a list of commands, each text', 'a command: text', parts),
    inputArtifacts: artifactsFrom(field(value, 'inputArtifacts'), place, 'inputArtifacts', parts),
    roleArn: optionalScalar<string>(field(value, 'roleArn'), place, 'roleArn', TEXT, parts),
    region: optionalScalar<string>(field(value, 'region'), place, 'region', TEXT, parts),
    timeoutInMinutes: optionalNumber(field(value, 'timeoutInMinutes'), place, 'timeoutInMinutes', parts),
  };
}

function ruleTypeFrom(value: unknown, rule: Place, parts: ReadParts): RuleTypeIdModel {
  if (isIntrinsic(value) || (value !== undefined && value !== null && !isRecord(value))) {
    // A whole RuleTypeId behind an intrinsic, or of another shape, leaves each of its fields unknown.
    if (!isIntrinsic(value)) parts.wrongShape(member(rule, 'ruleTypeId'), 'an object with Category, Owner, Provider and Version', value);
    const unknown = unknownValue(value);
    return { category: unknown, owner: unknown, provider: unknown, version: unknown };
  }
  const type = isRecord(value) ? value : {};
  const place = member(rule, 'ruleTypeId');
  return {
    category: scalarAt<string>(field(type, 'category'), place, 'category', TEXT, parts),
    owner: optionalScalar<string>(field(type, 'owner'), place, 'owner', TEXT, parts),
    provider: scalarAt<string>(field(type, 'provider'), place, 'provider', TEXT, parts),
    version: optionalScalar<string>(field(type, 'version'), place, 'version', TEXT, parts),
  };
}

/**
 * A rule's configuration: text values as given, intrinsics unresolved. The API takes only text, and no
 * other rule reads a rule's configuration sizes, so an object or list value is a malformed part.
 * Keys are data: a null-prototype object keeps `__proto__` as an ordinary key.
 */
function configurationFrom(value: unknown, rule: Place, parts: ReadParts): RuleModel['configuration'] {
  const record = recordAt(value, rule, 'configuration', 'an object of configuration keys and text values', parts);
  if (record === undefined) return NO_CONFIGURATION;
  const values: Record<string, Maybe<string | number | boolean>> = Object.create(null);
  const place = member(rule, 'configuration');
  for (const [key, v] of Object.entries(record)) values[key] = scalarAt(v, place, key, TEXT, parts);
  return values;
}

/** Shared by every rule without configuration (models are read-only). */
const NO_CONFIGURATION: Readonly<Record<string, never>> = Object.freeze(Object.create(null));

/** A part no rule can read: an intrinsic's value is unresolved, anything else's malformed. */
function unknownValue(value: unknown): Maybe<never> {
  return isIntrinsic(value) ? unresolved(value) : malformed(value);
}
