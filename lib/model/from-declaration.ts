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
 * Maps a declaration in the CodePipeline API's shape (camelCase keys, as `get-pipeline` prints it)
 * to the model. Values that are CloudFormation intrinsics become {@link Unresolved} markers, so the
 * CloudFormation adapter reuses this after renaming the template's PascalCase keys.
 */
export function modelFromDeclaration(
  declaration: Record<string, unknown>,
  context: PipelineContext,
  origin: PipelineOrigin,
  nameFallback?: string,
): PipelineModel {
  const unresolvedParts: string[] = [];
  const stages = listOf(declaration.stages, 'stages', unresolvedParts).map((stage, i) =>
    stageFrom(asRecord(stage), `stages[${i}]`, unresolvedParts),
  );
  const hasName = declaration.name !== undefined;
  return {
    name: hasName ? scalar<string>(declaration.name) : (nameFallback ?? '(unnamed)'),
    nameIsGenerated: hasName ? undefined : true,
    roleArn: optionalScalar<string>(declaration.roleArn),
    pipelineType: optionalScalar<string>(declaration.pipelineType),
    artifactStore: declaration.artifactStore === undefined ? undefined : artifactStoreFrom(declaration.artifactStore),
    artifactStores: artifactStoresFrom(declaration.artifactStores),
    stages,
    tags: declaration.tags === undefined ? undefined : listOf(declaration.tags, 'tags', unresolvedParts).map(tagFrom),
    context,
    origin,
    unresolvedParts: unresolvedParts.length > 0 ? unresolvedParts : undefined,
  };
}

function stageFrom(stage: Record<string, unknown>, where: string, unresolvedParts: string[]): StageModel {
  return {
    name: scalar<string>(stage.name),
    actions: listOf(stage.actions, `${where}.actions`, unresolvedParts).map((a, i) =>
      actionFrom(asRecord(a), `${where}.actions[${i}]`, unresolvedParts),
    ),
  };
}

function actionFrom(action: Record<string, unknown>, where: string, unresolvedParts: string[]): ActionModel {
  // A whole ActionTypeId behind an intrinsic leaves each of its fields unknown.
  const type = isIntrinsic(action.actionTypeId)
    ? { category: action.actionTypeId, owner: action.actionTypeId, provider: action.actionTypeId, version: action.actionTypeId }
    : asRecord(action.actionTypeId);
  if (isIntrinsic(action.configuration)) unresolvedParts.push(`${where}.configuration`);
  return {
    name: scalar<string>(action.name),
    actionTypeId: {
      category: scalar<string>(type.category),
      owner: scalar<string>(type.owner),
      provider: scalar<string>(type.provider),
      version: scalar<string>(type.version),
    },
    runOrder: optionalNumber(action.runOrder),
    configuration: configurationFrom(action.configuration),
    inputArtifacts: artifactsFrom(action.inputArtifacts, `${where}.inputArtifacts`, unresolvedParts),
    outputArtifacts: artifactsFrom(action.outputArtifacts, `${where}.outputArtifacts`, unresolvedParts),
    roleArn: optionalScalar<string>(action.roleArn),
    region: optionalScalar<string>(action.region),
    namespace: optionalScalar<string>(action.namespace),
    timeoutInMinutes: optionalNumber(action.timeoutInMinutes),
  };
}

function configurationFrom(configuration: unknown): Record<string, Maybe<string | number | boolean>> {
  if (configuration === undefined || configuration === null) return {};
  if (isIntrinsic(configuration)) return {};
  return Object.fromEntries(
    Object.entries(asRecord(configuration)).map(([key, value]) => [key, scalar<string | number | boolean>(value)]),
  );
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
  return list.map((artifact) => ({ name: isIntrinsic(artifact) ? unresolved(artifact) : scalar<string>(asRecord(artifact).name) }));
}

function artifactStoreFrom(store: unknown): ArtifactStoreModel {
  const record = asRecord(store);
  const key = record.encryptionKey === undefined ? undefined : asRecord(record.encryptionKey);
  return {
    type: scalar<string>(record.type),
    location: scalar<string>(record.location),
    encryptionKey: key && { id: scalar<string>(key.id), type: scalar<string>(key.type) },
  };
}

function artifactStoresFrom(stores: unknown): Record<string, ArtifactStoreModel> | undefined {
  if (stores === undefined || stores === null || isIntrinsic(stores)) return undefined;
  return Object.fromEntries(Object.entries(asRecord(stores)).map(([region, store]) => [region, artifactStoreFrom(store)]));
}

function tagFrom(tag: unknown): TagModel {
  const record = asRecord(tag);
  return { key: scalar<string>(record.key), value: scalar<string>(record.value) };
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

function scalar<T>(value: unknown): Maybe<T> {
  if (isIntrinsic(value) || (typeof value === 'object' && value !== null)) return unresolved(value);
  return value as T;
}

function optionalScalar<T>(value: unknown): Maybe<T> | undefined {
  return value === undefined || value === null ? undefined : scalar<T>(value);
}

function optionalNumber(value: unknown): Maybe<number | string> | undefined {
  const v = optionalScalar<number | string>(value);
  if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
  return v;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
