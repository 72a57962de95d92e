import {
  ActionModel,
  ArtifactRef,
  ArtifactStoreModel,
  Maybe,
  PipelineContext,
  PipelineModel,
  PipelineOrigin,
  StageModel,
  TagModel,
} from './pipeline-model';
import { unresolved } from './values';

/**
 * Maps a declaration in the CodePipeline API's shape to the model: camelCase keys as `get-pipeline`
 * prints it, or PascalCase keys as a template's `AWS::CodePipeline::Pipeline` properties have them.
 * Values that are CloudFormation intrinsics become {@link Unresolved} markers.
 */
export function modelFromDeclaration(
  declaration: Record<string, unknown>,
  context: PipelineContext,
  origin: PipelineOrigin,
  nameFallback?: string,
): PipelineModel {
  const unresolvedParts: string[] = [];
  const stages = listOf(field(declaration, 'stages'), 'stages', unresolvedParts).map((stage, i) =>
    stageFrom(asRecord(stage), `stages[${i}]`, unresolvedParts),
  );
  const name = field(declaration, 'name');
  const hasName = name !== undefined;
  return {
    name: hasName ? scalar<string>(name) : (nameFallback ?? '(unnamed)'),
    nameIsGenerated: hasName ? undefined : true,
    roleArn: optionalScalar<string>(field(declaration, 'roleArn')),
    pipelineType: optionalScalar<string>(field(declaration, 'pipelineType')),
    artifactStore: optionalArtifactStore(field(declaration, 'artifactStore')),
    artifactStores: artifactStoresFrom(field(declaration, 'artifactStores')),
    stages,
    tags: tagsFrom(field(declaration, 'tags'), unresolvedParts),
    context,
    origin,
    unresolvedParts: unresolvedParts.length > 0 ? unresolvedParts : undefined,
  };
}

function stageFrom(stage: Record<string, unknown>, where: string, unresolvedParts: string[]): StageModel {
  return {
    name: scalar<string>(field(stage, 'name')),
    actions: listOf(field(stage, 'actions'), `${where}.actions`, unresolvedParts).map((a, i) =>
      actionFrom(asRecord(a), `${where}.actions[${i}]`, unresolvedParts),
    ),
  };
}

function actionFrom(action: Record<string, unknown>, where: string, unresolvedParts: string[]): ActionModel {
  // A whole ActionTypeId behind an intrinsic leaves each of its fields unknown.
  const typeId = field(action, 'actionTypeId');
  const type = isIntrinsic(typeId) ? { category: typeId, owner: typeId, provider: typeId, version: typeId } : asRecord(typeId);
  const configuration = field(action, 'configuration');
  if (isIntrinsic(configuration)) unresolvedParts.push(`${where}.configuration`);
  return {
    name: scalar<string>(field(action, 'name')),
    actionTypeId: {
      category: scalar<string>(field(type, 'category')),
      owner: scalar<string>(field(type, 'owner')),
      provider: scalar<string>(field(type, 'provider')),
      version: scalar<string>(field(type, 'version')),
    },
    runOrder: optionalNumber(field(action, 'runOrder')),
    configuration: configurationFrom(configuration),
    nonTextConfiguration: nonTextKeys(configuration),
    inputArtifacts: artifactsFrom(field(action, 'inputArtifacts'), `${where}.inputArtifacts`, unresolvedParts),
    outputArtifacts: artifactsFrom(field(action, 'outputArtifacts'), `${where}.outputArtifacts`, unresolvedParts),
    roleArn: optionalScalar<string>(field(action, 'roleArn')),
    region: optionalScalar<string>(field(action, 'region')),
    namespace: optionalScalar<string>(field(action, 'namespace')),
    timeoutInMinutes: optionalNumber(field(action, 'timeoutInMinutes')),
  };
}

function configurationFrom(configuration: unknown): Record<string, Maybe<string | number | boolean>> {
  if (configuration === undefined || configuration === null) return {};
  if (isIntrinsic(configuration)) return {};
  return Object.fromEntries(
    Object.entries(asRecord(configuration)).map(([key, value]) => [key, scalar<string | number | boolean>(value)]),
  );
}

/** Keys of a literal configuration whose values are JSON structures rather than text or intrinsics. */
function nonTextKeys(configuration: unknown): string[] | undefined {
  if (typeof configuration !== 'object' || configuration === null || isIntrinsic(configuration)) return undefined;
  const keys = Object.entries(asRecord(configuration))
    .filter(([, value]) => typeof value === 'object' && value !== null && !isIntrinsic(value))
    .map(([key]) => key);
  return keys.length > 0 ? keys : undefined;
}

/**
 * The artifact list; when the list or one of its items is an intrinsic, how many artifacts there are is
 * only known at deploy time, so the list is noted as unresolved (an intrinsic item keeps an unknown name).
 */
function artifactsFrom(list: unknown, where: string, unresolvedParts: string[]): ArtifactRef[] {
  if (!Array.isArray(list)) {
    if (list !== undefined && list !== null) unresolvedParts.push(where);
    return [];
  }
  if (list.some(isIntrinsic)) unresolvedParts.push(where);
  return list.map((artifact) => ({ name: isIntrinsic(artifact) ? unresolved(artifact) : scalar<string>(field(asRecord(artifact), 'name')) }));
}

function artifactStoreFrom(store: unknown): ArtifactStoreModel {
  const record = asRecord(store);
  const encryptionKey = field(record, 'encryptionKey');
  const key = encryptionKey === undefined ? undefined : asRecord(encryptionKey);
  return {
    type: scalar<string>(field(record, 'type')),
    location: scalar<string>(field(record, 'location')),
    encryptionKey: key && { id: scalar<string>(field(key, 'id')), type: scalar<string>(field(key, 'type')) },
  };
}

function optionalArtifactStore(store: unknown): ArtifactStoreModel | undefined {
  return store === undefined ? undefined : artifactStoreFrom(store);
}

function artifactStoresFrom(stores: unknown): Record<string, ArtifactStoreModel> | undefined {
  if (stores === undefined || stores === null || isIntrinsic(stores)) return undefined;
  return Object.fromEntries(Object.entries(asRecord(stores)).map(([region, store]) => [region, artifactStoreFrom(store)]));
}

function tagsFrom(tags: unknown, unresolvedParts: string[]): TagModel[] | undefined {
  return tags === undefined ? undefined : listOf(tags, 'tags', unresolvedParts).map(tagFrom);
}

function tagFrom(tag: unknown): TagModel {
  const record = asRecord(tag);
  return { key: scalar<string>(field(record, 'key')), value: scalar<string>(field(record, 'value')) };
}

/**
 * A list, or an empty one noted as unresolved when it is an intrinsic (e.g. `Fn::If`). Items that are
 * intrinsics (`Fn::If` with `AWS::NoValue`: a stage or action that may not exist) are left out, and the
 * list is noted as unresolved so that rules do not count or order it.
 */
function listOf(value: unknown, where: string, unresolvedParts: string[]): unknown[] {
  if (Array.isArray(value)) {
    const literal = value.filter((item) => !isIntrinsic(item));
    if (literal.length < value.length) unresolvedParts.push(where);
    return literal;
  }
  if (value !== undefined) unresolvedParts.push(where);
  return [];
}

/** A CloudFormation intrinsic: `{ "Ref": … }` or `{ "Fn::…": … }`, and `{ "Condition": … }`. */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** A literal, or an {@link Unresolved} marker for anything that is not (an intrinsic, a list). */
function scalar<T>(value: unknown): Maybe<T> {
  return typeof value === 'object' && value !== null ? unresolved(value) : (value as T);
}

function optionalScalar<T>(value: unknown): Maybe<T> | undefined {
  return value === undefined || value === null ? undefined : scalar<T>(value);
}

function optionalNumber(value: unknown): Maybe<number | string> | undefined {
  const v = optionalScalar<number | string>(value);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return v;
}

const PASCAL_CASE: Record<string, string> = {};

/**
 * A member of a declaration: the API's camelCase key (`get-pipeline`), else the template's PascalCase
 * one (`AWS::CodePipeline::Pipeline` properties): the shapes are otherwise the same.
 */
function field(record: Record<string, unknown>, key: string): unknown {
  const value = record[key];
  return value !== undefined ? value : record[(PASCAL_CASE[key] ??= key.charAt(0).toUpperCase() + key.slice(1))];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
