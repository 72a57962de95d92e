import {
  ActionModel,
  ArtifactStoreModel,
  DisabledTransitionModel,
  EnvironmentVariableModel,
  Maybe,
  MalformedPart,
  PipelineContext,
  PipelineModel,
  PipelineOrigin,
  PipelineVariableModel,
  StageModel,
  TagModel,
} from './pipeline-model';
import { artifactsFrom, field, optionalNumber, optionalScalar, TEXT } from './read-members';
import { isIntrinsic, isRecord, item, listAt, member, Place, ReadParts, recordAt, scalarAt, textListAt } from './read-parts';
import { failureConditionsFrom, stageConditionsFrom } from './read-stage-conditions';
import { triggersFrom } from './read-triggers';
import { malformed, unresolved } from './values';

export { isIntrinsic } from './read-parts';

export interface DeclarationOptions {
  /** The name when the declaration has none (a template's logical ID). @default "(unnamed)" */
  readonly nameFallback?: string;
  /** Parts the caller already found malformed (e.g. a template's `Properties: null`). @default none */
  readonly malformed?: readonly MalformedPart[];
  /** Parts the caller already found only known at deploy time (a template's per-region store with an intrinsic Region). @default none */
  readonly unresolved?: readonly string[];
  /**
   * Whether the declaration is a template's resource properties (PascalCase, or an L1's own camelCase
   * ones), which carry CloudFormation's `DisableInboundStageTransitions`; the API's declaration has no
   * such member. @default false
   */
  readonly template?: boolean;
}

/**
 * Maps a declaration in the CodePipeline API's shape to the model: camelCase keys as `get-pipeline`
 * prints it, or PascalCase keys as a template's `AWS::CodePipeline::Pipeline` properties have them.
 * Values that are CloudFormation intrinsics become {@link Unresolved} markers; parts of another shape
 * than the API's (a string where a list belongs) become {@link Malformed} markers, listed in the
 * model's `malformed` parts.
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export function modelFromDeclaration(
  declaration: Record<string, unknown>,
  context: PipelineContext,
  origin: PipelineOrigin,
  options: DeclarationOptions = {},
): PipelineModel {
  const parts = new ReadParts();
  // One push per part: a spread of a long list as arguments overflows the stack.
  for (const part of options.malformed ?? []) parts.malformed.push(part);
  for (const part of options.unresolved ?? []) parts.unresolved.push(part);
  const root: Place = { path: '' };
  const stages = listAt(field(declaration, 'stages'), root, 'stages', 'a list of stages', parts).map((stage, i) =>
    stageFrom(stage, { path: `stages[${i}]`, stageIndex: i }, parts),
  );
  const name = field(declaration, 'name');
  const hasName = name !== undefined;
  return {
    name: hasName ? scalarAt<string>(name, root, 'name', TEXT, parts) : (options.nameFallback ?? '(unnamed)'),
    nameIsGenerated: hasName ? undefined : true,
    roleArn: optionalScalar<string>(field(declaration, 'roleArn'), root, 'roleArn', TEXT, parts),
    pipelineType: optionalScalar<string>(field(declaration, 'pipelineType'), root, 'pipelineType', TEXT, parts),
    executionMode: optionalScalar<string>(field(declaration, 'executionMode'), root, 'executionMode', TEXT, parts),
    variables: variablesFrom(field(declaration, 'variables'), root, parts),
    triggers: triggersFrom(field(declaration, 'triggers'), root, parts),
    disabledInboundTransitions: options.template ? transitionsFrom(field(declaration, 'disableInboundStageTransitions'), root, parts) : undefined,
    artifactStore: artifactStoreFrom(field(declaration, 'artifactStore'), root, 'artifactStore', parts),
    artifactStores: artifactStoresFrom(field(declaration, 'artifactStores'), root, parts),
    stages,
    tags: tagsFrom(field(declaration, 'tags'), root, parts),
    context,
    origin,
    unresolvedParts: parts.unresolved.length > 0 ? parts.unresolved : undefined,
    malformed: parts.malformed.length > 0 ? parts.malformed : undefined,
  };
}

function stageFrom(value: unknown, place: Place, parts: ReadParts): StageModel {
  if (!isRecord(value)) {
    // Stands in the list so that the stage count and the other stages' indices stay right.
    parts.wrongShape(place, 'a stage: an object with Name and Actions', value);
    return { name: malformed(value), actions: [] };
  }
  const actions = listAt(field(value, 'actions'), place, 'actions', 'a list of actions', parts);
  const actionsPath = actions.length > 0 ? member(place, 'actions').path : '';
  return {
    name: scalarAt<string>(field(value, 'name'), place, 'name', TEXT, parts),
    actions: actions.map((action, i) =>
      actionFrom(action, { path: `${actionsPath}[${i}]`, stageIndex: place.stageIndex, actionIndex: i }, parts),
    ),
    onFailure: failureConditionsFrom(field(value, 'onFailure'), place, parts),
    onSuccess: stageConditionsFrom(field(value, 'onSuccess'), place, 'onSuccess', parts),
    beforeEntry: stageConditionsFrom(field(value, 'beforeEntry'), place, 'beforeEntry', parts),
  };
}

function actionFrom(value: unknown, place: Place, parts: ReadParts): ActionModel {
  if (!isRecord(value)) {
    parts.wrongShape(place, 'an action: an object with Name and ActionTypeId', value);
    return unknownAction(value);
  }
  const configuration = configurationFrom(recordAt(field(value, 'configuration'), place, 'configuration', 'an object of configuration keys and text values', parts));
  // Every member named in one literal, no spread: a spread makes each later member a slow add.
  return {
    name: scalarAt<string>(field(value, 'name'), place, 'name', TEXT, parts),
    actionTypeId: actionTypeFrom(field(value, 'actionTypeId'), place, parts),
    runOrder: optionalNumber(field(value, 'runOrder'), place, 'runOrder', parts),
    configuration: configuration.configuration,
    nonTextConfiguration: configuration.nonTextConfiguration,
    inputArtifacts: artifactsFrom(field(value, 'inputArtifacts'), place, 'inputArtifacts', parts),
    outputArtifacts: artifactsFrom(field(value, 'outputArtifacts'), place, 'outputArtifacts', parts),
    roleArn: optionalScalar<string>(field(value, 'roleArn'), place, 'roleArn', TEXT, parts),
    region: optionalScalar<string>(field(value, 'region'), place, 'region', TEXT, parts),
    namespace: optionalScalar<string>(field(value, 'namespace'), place, 'namespace', TEXT, parts),
    timeoutInMinutes: optionalNumber(field(value, 'timeoutInMinutes'), place, 'timeoutInMinutes', parts),
    commands: textListAt(field(value, 'commands'), place, 'commands', 'a list of commands, each text', 'a command: text', parts),
    outputVariables: textListAt(field(value, 'outputVariables'), place, 'outputVariables', 'a list of variable names, each text', 'a variable name: text', parts),
    environmentVariables: environmentVariablesFrom(field(value, 'environmentVariables'), place, parts),
  };
}

/** An action that is not an object: every member unknown, so that only declaration-shape reports it. */
function unknownAction(value: unknown): ActionModel {
  const unknown = malformed(value);
  return {
    name: unknown,
    actionTypeId: { category: unknown, owner: unknown, provider: unknown, version: unknown },
    runOrder: unknown,
    configuration: {},
    inputArtifacts: [],
    outputArtifacts: [],
  };
}

function actionTypeFrom(value: unknown, action: Place, parts: ReadParts): ActionModel['actionTypeId'] {
  // A whole ActionTypeId behind an intrinsic leaves each of its fields unknown; so does a malformed one.
  if (isIntrinsic(value)) return { category: unresolved(value), owner: unresolved(value), provider: unresolved(value), version: unresolved(value) };
  if (value !== undefined && value !== null && !isRecord(value)) {
    parts.wrongShape(member(action, 'actionTypeId'), 'an object with Category, Owner, Provider and Version', value);
    const unknown = malformed(value);
    return { category: unknown, owner: unknown, provider: unknown, version: unknown };
  }
  const type = isRecord(value) ? value : {};
  return {
    category: scalarAt<string>(field(type, 'category'), action, 'actionTypeId.category', TEXT, parts),
    owner: scalarAt<string>(field(type, 'owner'), action, 'actionTypeId.owner', TEXT, parts),
    provider: scalarAt<string>(field(type, 'provider'), action, 'actionTypeId.provider', TEXT, parts),
    version: scalarAt<string>(field(type, 'version'), action, 'actionTypeId.version', TEXT, parts),
  };
}

/**
 * Configuration values as given, and the keys whose value is a JSON object or list rather than text:
 * those values stand as unknown, and the configuration-lengths rule reports them. Keys are data: a
 * null-prototype object keeps `__proto__` or `constructor` as ordinary keys.
 */
function configurationFrom(configuration: Record<string, unknown> | undefined): Pick<ActionModel, 'configuration' | 'nonTextConfiguration'> {
  if (configuration === undefined) return { configuration: NO_CONFIGURATION };
  const values: Record<string, Maybe<string | number | boolean>> = Object.create(null);
  let nonText: string[] | undefined;
  for (const [key, value] of Object.entries(configuration)) {
    if (typeof value !== 'object' || value === null) {
      values[key] = value as string;
    } else if (isIntrinsic(value)) {
      values[key] = unresolved(value);
    } else {
      values[key] = malformed(value);
      (nonText ??= []).push(key);
    }
  }
  return { configuration: values, nonTextConfiguration: nonText };
}

/** Shared by every action without configuration (models are read-only). */
const NO_CONFIGURATION: Readonly<Record<string, never>> = Object.freeze(Object.create(null));

function artifactStoreFrom(value: unknown, container: Place, name: string, parts: ReadParts): ArtifactStoreModel | undefined {
  const record = recordAt(value, container, name, 'an artifact store: an object with Type and Location', parts);
  if (record === undefined) return isIntrinsic(value) ? unknownStore(unresolved(value)) : undefined;
  const place = member(container, name);
  const encryptionKey = field(record, 'encryptionKey');
  const key = recordAt(encryptionKey, place, 'encryptionKey', 'an encryption key: an object with Id and Type', parts);
  const keyPlace = member(place, 'encryptionKey');
  const unknownKey = encryptionKey === undefined || encryptionKey === null || key !== undefined ? undefined : isIntrinsic(encryptionKey) ? unresolved(encryptionKey) : malformed(encryptionKey);
  return {
    type: scalarAt<string>(field(record, 'type'), place, 'type', TEXT, parts),
    location: scalarAt<string>(field(record, 'location'), place, 'location', TEXT, parts),
    encryptionKey: key
      ? { id: scalarAt<string>(field(key, 'id'), keyPlace, 'id', TEXT, parts), type: scalarAt<string>(field(key, 'type'), keyPlace, 'type', TEXT, parts) }
      : unknownKey && { id: unknownKey, type: unknownKey },
  };
}

/** A store behind an intrinsic: there is one, but nothing in it is known. */
function unknownStore(value: Maybe<string>): ArtifactStoreModel {
  return { type: value, location: value, encryptionKey: { id: value, type: value } };
}

/** The API's per-region stores: an object keyed by region (a template's list is mapped to it first). */
function artifactStoresFrom(value: unknown, root: Place, parts: ReadParts): Record<string, ArtifactStoreModel> | undefined {
  const record = recordAt(value, root, 'artifactStores', 'an object of artifact stores by region', parts);
  if (record === undefined) return undefined;
  const place = member(root, 'artifactStores');
  const stores: Record<string, ArtifactStoreModel> = Object.create(null);
  for (const [region, store] of Object.entries(record)) {
    const model = artifactStoreFrom(store, place, region, parts);
    if (model !== undefined) stores[region] = model;
  }
  return stores;
}

function tagsFrom(value: unknown, root: Place, parts: ReadParts): TagModel[] | undefined {
  if (value === undefined) return undefined;
  return listAt(value, root, 'tags', 'a list of tags, each an object with Key and Value', parts).map((tag, i) => {
    const place = item(member(root, 'tags'), i);
    if (!isRecord(tag)) {
      parts.wrongShape(place, 'a tag: an object with Key and Value', tag);
      return { key: malformed(tag), value: malformed(tag) };
    }
    return { key: scalarAt<string>(field(tag, 'key'), place, 'key', TEXT, parts), value: scalarAt<string>(field(tag, 'value'), place, 'value', TEXT, parts) };
  });
}

/** The pipeline's variables (V2); undefined when absent. A variable that is not an object stands in the list. */
function variablesFrom(value: unknown, root: Place, parts: ReadParts): PipelineVariableModel[] | undefined {
  if (value === undefined || value === null) return undefined;
  return listAt(value, root, 'variables', 'a list of variables, each an object with Name, DefaultValue and Description', parts).map((variable, i) => {
    const place = item(member(root, 'variables'), i);
    if (!isRecord(variable)) {
      parts.wrongShape(place, 'a variable: an object with Name, DefaultValue and Description', variable);
      return { name: malformed(variable) };
    }
    return {
      name: scalarAt<string>(field(variable, 'name'), place, 'name', TEXT, parts),
      defaultValue: optionalScalar<string>(field(variable, 'defaultValue'), place, 'defaultValue', TEXT, parts),
      description: optionalScalar<string>(field(variable, 'description'), place, 'description', TEXT, parts),
    };
  });
}

/** A Commands action's environment variables (V2); undefined when absent. */
function environmentVariablesFrom(value: unknown, action: Place, parts: ReadParts): EnvironmentVariableModel[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = listAt(value, action, 'environmentVariables', 'a list of environment variables, each an object with Name and Value', parts);
  return list.map((variable, i) => {
    const place = item(member(action, 'environmentVariables'), i);
    if (!isRecord(variable)) {
      parts.wrongShape(place, 'an environment variable: an object with Name and Value', variable);
      const unknown = malformed(variable);
      return { name: unknown, value: unknown };
    }
    return { name: scalarAt<string>(field(variable, 'name'), place, 'name', TEXT, parts), value: scalarAt<string>(field(variable, 'value'), place, 'value', TEXT, parts) };
  });
}

/** CloudFormation's `DisableInboundStageTransitions`; undefined when absent. */
function transitionsFrom(value: unknown, root: Place, parts: ReadParts): DisabledTransitionModel[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = listAt(value, root, 'disableInboundStageTransitions', 'a list of stage transitions, each an object with StageName and Reason', parts);
  return list.map((transition, i) => {
    const place = item(member(root, 'disableInboundStageTransitions'), i);
    if (!isRecord(transition)) {
      parts.wrongShape(place, 'a stage transition: an object with StageName and Reason', transition);
      const unknown = malformed(transition);
      return { stageName: unknown, reason: unknown };
    }
    return {
      stageName: scalarAt<string>(field(transition, 'stageName'), place, 'stageName', TEXT, parts),
      reason: scalarAt<string>(field(transition, 'reason'), place, 'reason', TEXT, parts),
    };
  });
}
