import { CfnElement, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { newBucketFacts, pipelineFromResource, recordBucket } from './from-cloudformation';
import { deploymentTargetRoles } from './deployment-target-roles';
import { BucketFacts, PipelineModel } from './pipeline-model';

/**
 * The model of a `CfnPipeline` as its stack will synthesize it: the resource's properties rendered
 * and resolved exactly as they appear in the template (so L2 pipelines, escape hatches and property
 * overrides are all seen), with the stack's account and region when they are literals.
 */
export function pipelineModelOf(pipeline: CfnPipeline): PipelineModel {
  return pipelineModelWith(pipeline, stackElements(Stack.of(pipeline)));
}

/** {@link pipelineModelOf} with the stack's elements already listed (see {@link stackElements}). */
export function pipelineModelWith(pipeline: CfnPipeline, elements: readonly CfnElement[]): PipelineModel {
  const stack = Stack.of(pipeline);
  const logicalId = stack.resolve(pipeline.logicalId) as string;
  const properties = renderedProperties(pipeline);
  return pipelineFromResource(logicalId, properties, {
    account: literal(stack.account),
    region: literal(stack.region),
    constructPaths: { [logicalId]: displayConstruct(pipeline).node.path },
    buckets: bucketFactsOf(stack, elements, literal(stack.account)),
    roles: deploymentTargetRoles(pipeline),
  });
}

/** The construct users know: the L2 `Pipeline` rather than its `Resource` child. */
export function displayConstruct(pipeline: CfnPipeline): IConstruct {
  const scope = pipeline.node.scope;
  return pipeline.node.id === 'Resource' && scope ? scope : pipeline;
}

/**
 * The element's properties as its stack will render them into the template. Without escape hatches,
 * the L1 properties resolved as they stand (camelCase keys, which the model reads alike), skipping
 * aws-cdk-lib's property validators and converters: synthesis runs those a moment later anyway, and
 * they were half the check's time. With an override (`addOverride`, `addPropertyOverride`, …), the
 * full rendering the stack uses (`_toCloudFormation`), so the override is seen.
 */
function renderedProperties(element: CfnResource): Record<string, unknown> {
  const stack = Stack.of(element);
  const internals = element as unknown as { rawOverrides?: unknown; cfnProperties?: Record<string, unknown> };
  if (hasNoOverrides(internals.rawOverrides) && internals.cfnProperties !== undefined) {
    return (stack.resolve(internals.cfnProperties) as Record<string, unknown> | undefined) ?? {};
  }
  const rendered = stack.resolve((element as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as {
    Resources: Record<string, { Properties?: Record<string, unknown> }>;
  };
  const [resource] = Object.values(rendered.Resources);
  return resource?.Properties ?? {};
}

/** True only for the empty overrides object aws-cdk-lib keeps; anything unexpected takes the full rendering. */
function hasNoOverrides(rawOverrides: unknown): boolean {
  return typeof rawOverrides === 'object' && rawOverrides !== null && Object.keys(rawOverrides).length === 0;
}

/**
 * The CloudFormation elements of `stack` itself (not of its nested stacks): one walk of the construct
 * tree, which the check shares between the bucket facts and the stack's conditions.
 */
export function stackElements(stack: Stack): CfnElement[] {
  return (stack.node.findAll() as IConstruct[]).filter(
    (construct): construct is CfnElement => CfnElement.isCfnElement(construct) && Stack.of(construct) === stack,
  );
}

function bucketFactsOf(stack: Stack, elements: readonly CfnElement[], account: string | undefined): Record<string, BucketFacts> {
  const facts = newBucketFacts();
  for (const construct of elements) {
    if (!CfnBucket.isCfnBucket(construct)) continue;
    recordBucket(facts, JSON.stringify(stack.resolve(construct.ref)), bucketProperties(stack, construct), account);
  }
  return facts;
}

/**
 * The two properties the bucket facts read (versioning and the literal name), resolved as the
 * template will have them. Without escape hatches only those two are resolved: rendering every
 * property of every bucket (tags, encryption, logging, lifecycle) is work the facts never read. With
 * an override, the full rendering, so the override is seen.
 */
function bucketProperties(stack: Stack, bucket: CfnBucket): Record<string, unknown> {
  if (!hasNoOverrides((bucket as unknown as { rawOverrides?: unknown }).rawOverrides)) return renderedProperties(bucket);
  const read = { versioningConfiguration: bucket.versioningConfiguration, bucketName: bucket.bucketName };
  return (stack.resolve(read) as Record<string, unknown> | undefined) ?? {};
}

function literal(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}
