import {
  ActionModel,
  ArtifactRef,
  ArtifactStoreModel,
  Maybe,
  MalformedPart,
  PipelineContext,
  PipelineModel,
  PipelineOrigin,
  StageModel,
  TagModel,
} from './pipeline-model';
import { isIntrinsic, isRecord, item, listAt, member, Place, ReadParts, recordAt, scalarAt } from './read-parts';
import { malformed, unresolved } from './values';

export { isIntrinsic } from './read-parts';

const TEXT = 'text';
const WHOLE_NUMBER = 'a whole number';

/**
 * Maps a declaration in the CodePipeline API's shape to the model: camelCase keys as `get-pipeline`
 * prints it, or PascalCase keys as a template's `AWS::CodePipeline::Pipeline` properties have them.
 * Values that are CloudFormation intrinsics become {@link Unresolved} markers; parts of another shape
 * than the API's (a string where a list belongs) become {@link Malformed} markers, listed in the
 * model's `malformed` parts. `malformed` holds parts a caller already found wrong (e.g. a template's
 * `Properties: null`).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export function modelFromDeclaration(
  declaration: Record<string, unknown>,
  context: PipelineContext,
  origin: PipelineOrigin,
  nameFallback?: string,
  malformedParts: readonly MalformedPart[] = [],
): PipelineModel {
  const parts = new ReadParts();
  // One push per part: a spread of a long list as arguments overflows the stack.
  for (const part of malformedParts) parts.malformed.push(part);
  const root: Place = { path: '' };
  const stages = listAt(field(declaration, 'stages'), root, 'stages', 'a list of stages', parts).map((stage, i) =>
    stageFrom(stage, { path: `stages[${i}]`, stageIndex: i }, parts),
  );
  const name = field(declaration, 'name');
  const hasName = name !== undefined;
  return {
    name: hasName ? scalarAt<string>(name, root, 'name', TEXT, parts) : (nameFallback ?? '(unnamed)'),
    nameIsGenerated: hasName ? undefined : true,
    roleArn: optionalScalar<string>(field(declaration, 'roleArn'), root, 'roleArn', TEXT, parts),
    pipelineType: optionalScalar<string>(field(declaration, 'pipelineType'), root, 'pipelineType', TEXT, parts),
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
  };
}

function actionFrom(value: unknown, place: Place, parts: ReadParts): ActionModel {
  if (!isRecord(value)) {
    parts.wrongShape(place, 'an action: an object with Name and ActionTypeId', value);
    return unknownAction(value);
  }
  const configuration = recordAt(field(value, 'configuration'), place, 'configuration', 'an object of configuration keys and text values', parts);
  return {
    name: scalarAt<string>(field(value, 'name'), place, 'name', TEXT, parts),
    actionTypeId: actionTypeFrom(field(value, 'actionTypeId'), place, parts),
    runOrder: optionalNumber(field(value, 'runOrder'), place, 'runOrder', parts),
    ...configurationFrom(configuration),
    inputArtifacts: artifactsFrom(field(value, 'inputArtifacts'), place, 'inputArtifacts', parts),
    outputArtifacts: artifactsFrom(field(value, 'outputArtifacts'), place, 'outputArtifacts', parts),
    roleArn: optionalScalar<string>(field(value, 'roleArn'), place, 'roleArn', TEXT, parts),
    region: optionalScalar<string>(field(value, 'region'), place, 'region', TEXT, parts),
    namespace: optionalScalar<string>(field(value, 'namespace'), place, 'namespace', TEXT, parts),
    timeoutInMinutes: optionalNumber(field(value, 'timeoutInMinutes'), place, 'timeoutInMinutes', parts),
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

/**
 * The artifact list; when the list or one of its items is an intrinsic, how many artifacts there are is
 * only known at deploy time, so the list is noted as unresolved (an intrinsic item keeps an unknown name).
 */
function artifactsFrom(list: unknown, action: Place, name: string, parts: ReadParts): ArtifactRef[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    if (isIntrinsic(list)) parts.deployTime(member(action, name));
    else parts.wrongShape(member(action, name), 'a list of artifacts, each an object with Name', list);
    return [];
  }
  if (list.some(isIntrinsic)) parts.deployTime(member(action, name));
  return list.map((artifact, i) => {
    if (isIntrinsic(artifact)) return { name: unresolved(artifact) };
    if (!isRecord(artifact)) {
      parts.wrongShape(item(member(action, name), i), 'an artifact: an object with Name', artifact);
      return { name: malformed(artifact) };
    }
    return { name: scalarAt<string>(field(artifact, 'name'), action, `${name}[${i}].name`, TEXT, parts) };
  });
}

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

function optionalScalar<T>(value: unknown, container: Place, name: string, expected: string, parts: ReadParts): Maybe<T> | undefined {
  return value === undefined || value === null ? undefined : scalarAt<T>(value, container, name, expected, parts);
}

/** A number; a numeric string (CloudFormation templates may quote numbers) becomes a number. */
function optionalNumber(value: unknown, container: Place, name: string, parts: ReadParts): Maybe<number | string> | undefined {
  const v = optionalScalar<number | string>(value, container, name, WHOLE_NUMBER, parts);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return v;
}

const PASCAL_CASE: Record<string, string> = Object.create(null);

/**
 * A member of a declaration: the API's camelCase key (`get-pipeline`), else the template's PascalCase
 * one (`AWS::CodePipeline::Pipeline` properties): the shapes are otherwise the same. Only own members
 * count, so that no key a file lacks is found on Object.prototype.
 */
function field(record: Record<string, unknown>, key: string): unknown {
  const value = own(record, key);
  return value !== undefined ? value : own(record, (PASCAL_CASE[key] ??= key.charAt(0).toUpperCase() + key.slice(1)));
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
