import { modelFromDeclaration } from './from-declaration';
import { bucketVersioning } from './bucket-versioning';
import { BucketFacts, PipelineContext, PipelineModel } from './pipeline-model';
import { accountOfArn } from './values';

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

/** Every `AWS::CodePipeline::Pipeline` resource of a CloudFormation template, as models. */
export function pipelinesFromTemplate(template: unknown, context: TemplateContext = {}): PipelineModel[] {
  const resources = resourcesOf(template);
  const buckets = bucketFacts(resources, context.account);
  return Object.entries(resources)
    .filter(([, resource]) => resource.Type === PIPELINE_RESOURCE_TYPE)
    .map(([logicalId, resource]) => pipelineFromResource(logicalId, resource.Properties ?? {}, { ...context, buckets }));
}

/** One pipeline resource's `Properties`, as a model. */
export function pipelineFromResource(
  logicalId: string,
  properties: Record<string, unknown>,
  context: TemplateContext & { buckets?: Record<string, BucketFacts> },
): PipelineModel {
  // The API keys per-region stores by region; a template lists them as { Region, ArtifactStore }.
  // Keys are PascalCase in a template, camelCase in an L1's own properties: both are read.
  const stores = properties.ArtifactStores ?? properties.artifactStores;
  const declaration = { ...properties, ArtifactStores: undefined, artifactStores: artifactStoresByRegion(stores) };
  const roleArn = properties.RoleArn ?? properties.roleArn;
  const pipelineContext: PipelineContext = {
    account: context.account ?? accountOfArn(typeof roleArn === 'string' ? roleArn : undefined),
    region: context.region,
    buckets: context.buckets,
  };
  return modelFromDeclaration(
    declaration,
    pipelineContext,
    { file: context.file, logicalId, constructPath: context.constructPaths?.[logicalId] },
    logicalId,
  );
}

interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: Record<string, unknown>;
}

function resourcesOf(template: unknown): Record<string, TemplateResource> {
  if (typeof template !== 'object' || template === null) return {};
  const resources = (template as { Resources?: unknown }).Resources;
  return typeof resources === 'object' && resources !== null ? (resources as Record<string, TemplateResource>) : {};
}

/**
 * What the template says of its own S3 buckets, keyed the way a source action's `S3Bucket` refers to
 * them: `{"Ref":"LogicalId"}` as JSON, and the literal `BucketName` when one is set.
 */
function bucketFacts(resources: Record<string, TemplateResource>, account?: string): Record<string, BucketFacts> {
  const facts: Record<string, BucketFacts> = {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (resource.Type !== BUCKET_RESOURCE_TYPE) continue;
    recordBucket(facts, JSON.stringify({ Ref: logicalId }), resource.Properties ?? {}, account);
  }
  return facts;
}

/**
 * Records one bucket's facts under `refKey` (its `{"Ref":…}` as JSON) and its literal name, if any.
 * Reads a template's PascalCase properties and an L1's camelCase ones alike.
 */
export function recordBucket(facts: Record<string, BucketFacts>, refKey: string, properties: Record<string, unknown>, account?: string): void {
  const fact: BucketFacts = { versioned: bucketVersioning(properties.VersioningConfiguration ?? properties.versioningConfiguration), account };
  facts[refKey] = fact;
  const bucketName = properties.BucketName ?? properties.bucketName;
  if (typeof bucketName === 'string') facts[bucketName] = fact;
}

/** CloudFormation's list of `{ Region, ArtifactStore }` becomes the API's map keyed by region. */
function artifactStoresByRegion(stores: unknown): Record<string, unknown> | undefined {
  if (!Array.isArray(stores)) return undefined;
  const byRegion: Record<string, unknown> = {};
  for (const entry of stores as Array<{ Region?: unknown; ArtifactStore?: unknown; region?: unknown; artifactStore?: unknown }>) {
    const region = entry.Region ?? entry.region;
    if (typeof region === 'string') byRegion[region] = entry.ArtifactStore ?? entry.artifactStore;
  }
  return byRegion;
}
