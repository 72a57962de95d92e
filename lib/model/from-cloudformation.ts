import { bucketVersioning } from './bucket-versioning';
import { modelFromDeclaration } from './from-declaration';
import { PipelineInputError } from './input-error';
import { BucketFacts, MalformedPart, PipelineContext, PipelineModel } from './pipeline-model';
import { isIntrinsic, isRecord, kindOf } from './read-parts';
import { accountOfArn } from './values';
import { own } from './read-members';

export const PIPELINE_RESOURCE_TYPE = 'AWS::CodePipeline::Pipeline';
const BUCKET_RESOURCE_TYPE = 'AWS::S3::Bucket';

export interface TemplateContext {
  /** The file the template was read from, for messages. */
  readonly file?: string;
  /** The stack's account, when known. @default - the account in each pipeline's RoleArn */
  readonly account?: string;
  /** The stack's region, when known. @default - unknown */
  readonly region?: string;
  /** Construct paths by logical ID, inside a CDK app. @default - none */
  readonly constructPaths?: Readonly<Record<string, string>>;
}

/**
 * Every `AWS::CodePipeline::Pipeline` resource of a CloudFormation template, as models.
 * @throws PipelineInputError when `Resources` or one of its entries is not an object: CloudFormation
 * rejects such a template, and whether an entry is a pipeline cannot be told.
 */
export function pipelinesFromTemplate(template: unknown, context: TemplateContext = {}): PipelineModel[] {
  const resources = resourcesOf(template, context.file ?? 'input');
  const buckets = bucketFacts(resources, context.account);
  return resources
    .filter(([, resource]) => resource.Type === PIPELINE_RESOURCE_TYPE)
    .map(([logicalId, resource]) => pipelineFromResource(logicalId, resource.Properties, { ...context, buckets }));
}

/**
 * One pipeline resource's `Properties`, as a model. Properties that are not an object (`null`, a
 * string) are a malformed part of the model, reported by the declaration-shape rule.
 */
export function pipelineFromResource(
  logicalId: string,
  properties: unknown,
  context: TemplateContext & { buckets?: Readonly<Record<string, BucketFacts>>; roles?: PipelineContext['roles'] },
): PipelineModel {
  const malformed: MalformedPart[] = [];
  const unresolvedParts: string[] = [];
  const readable = isRecord(properties) && !isIntrinsic(properties);
  if (properties !== undefined && !readable) {
    malformed.push({ path: '', expected: 'an object with the pipeline\'s RoleArn, ArtifactStore and Stages', got: kindOf(properties) });
  }
  const record = readable ? properties : {};
  // The API keys per-region stores by region; a template lists them as { Region, ArtifactStore }.
  // Keys are PascalCase in a template, camelCase in an L1's own properties: both are read.
  const stores = own(record, 'ArtifactStores') ?? own(record, 'artifactStores');
  const declaration = { ...record, ArtifactStores: undefined, artifactStores: artifactStoresByRegion(stores, malformed, unresolvedParts) };
  const roleArn = own(record, 'RoleArn') ?? own(record, 'roleArn');
  const pipelineContext: PipelineContext = {
    account: context.account ?? accountOfArn(typeof roleArn === 'string' ? roleArn : undefined),
    region: context.region,
    buckets: context.buckets,
    roles: context.roles,
  };
  return modelFromDeclaration(
    declaration,
    pipelineContext,
    { file: context.file, logicalId, constructPath: context.constructPaths?.[logicalId] },
    { nameFallback: logicalId, malformed, unresolved: unresolvedParts, template: true },
  );
}

interface TemplateResource {
  readonly Type?: unknown;
  readonly Properties?: unknown;
}

function resourcesOf(template: unknown, where: string): Array<[string, TemplateResource]> {
  if (!isRecord(template)) return [];
  const resources = own(template, 'Resources');
  if (resources === undefined) return [];
  if (!isRecord(resources)) {
    throw new PipelineInputError(`${where}: Resources is ${kindOf(resources)}; expected an object of resources by logical ID, each with Type and Properties.`);
  }
  return Object.entries(resources).map(([logicalId, resource]) => {
    if (!isRecord(resource)) {
      throw new PipelineInputError(
        `${where}: resource "${logicalId}" is ${kindOf(resource)}; expected an object with Type and Properties (CloudFormation rejects the template).`,
      );
    }
    return [logicalId, resource];
  });
}

/**
 * What the template says of its own S3 buckets, keyed the way a source action's `S3Bucket` refers to
 * them: `{"Ref":"LogicalId"}` as JSON, and the literal `BucketName` when one is set.
 */
function bucketFacts(resources: ReadonlyArray<[string, TemplateResource]>, account?: string): Record<string, BucketFacts> {
  const facts = newBucketFacts();
  for (const [logicalId, resource] of resources) {
    if (resource.Type !== BUCKET_RESOURCE_TYPE) continue;
    recordBucket(facts, JSON.stringify({ Ref: logicalId }), isRecord(resource.Properties) ? resource.Properties : {}, account);
  }
  return facts;
}

/** An empty map of bucket facts whose keys are data: a bucket named `__proto__` is a bucket. */
export function newBucketFacts(): Record<string, BucketFacts> {
  return Object.create(null) as Record<string, BucketFacts>;
}

/**
 * Records one bucket's facts under `refKey` (its `{"Ref":…}` as JSON) and its literal name, if any.
 * Reads a template's PascalCase properties and an L1's camelCase ones alike.
 */
export function recordBucket(facts: Record<string, BucketFacts>, refKey: string, properties: Record<string, unknown>, account?: string): void {
  const fact: BucketFacts = {
    versioned: bucketVersioning(own(properties, 'VersioningConfiguration') ?? own(properties, 'versioningConfiguration')),
    account,
  };
  facts[refKey] = fact;
  const bucketName = own(properties, 'BucketName') ?? own(properties, 'bucketName');
  if (typeof bucketName === 'string') facts[bucketName] = fact;
}

/**
 * CloudFormation's list of `{ Region, ArtifactStore }` becomes the API's map keyed by region. An
 * entry that is not an object, or whose Region is not text, is a malformed part (the model's
 * `artifactStores` path, with the entry's index); one whose Region is an intrinsic cannot be placed,
 * and leaves the regions of the stores only known at deploy time (the `artifactStores` part).
 */
function artifactStoresByRegion(stores: unknown, malformed: MalformedPart[], unresolvedParts: string[]): unknown {
  if (stores === undefined || stores === null || isIntrinsic(stores)) return stores;
  if (!Array.isArray(stores)) {
    malformed.push({ path: 'artifactStores', expected: 'a list of objects with Region and ArtifactStore', got: kindOf(stores) });
    return undefined;
  }
  const byRegion: Record<string, unknown> = Object.create(null);
  let unplaced = false;
  for (const [index, entry] of stores.entries()) {
    const path = `artifactStores[${index}]`;
    if (!isRecord(entry) || isIntrinsic(entry)) {
      if (isIntrinsic(entry)) unplaced = true;
      else malformed.push({ path, expected: 'an object with Region and ArtifactStore', got: kindOf(entry) });
      continue;
    }
    const region = own(entry, 'Region') ?? own(entry, 'region');
    const store = own(entry, 'ArtifactStore') ?? own(entry, 'artifactStore');
    if (store === undefined || store === null) {
      malformed.push({ path: `${path}.artifactStore`, expected: 'an artifact store: an object with Type and Location', got: kindOf(store) });
    } else if (typeof region === 'string') byRegion[region] = store;
    else if (isIntrinsic(region)) unplaced = true;
    else malformed.push({ path: `${path}.region`, expected: 'a region name', got: kindOf(region) });
  }
  if (unplaced) unresolvedParts.push('artifactStores');
  return byRegion;
}
