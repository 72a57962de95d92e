import { CfnElement, Stack, Token } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { pipelineFromResource } from './from-cloudformation';
import { bucketVersioning } from './bucket-versioning';
import { BucketFacts, PipelineModel } from './pipeline-model';

/**
 * The model of a `CfnPipeline` as its stack will synthesize it: the resource's properties rendered
 * and resolved exactly as they appear in the template (so L2 pipelines, escape hatches and property
 * overrides are all seen), with the stack's account and region when they are literals.
 */
export function pipelineModelOf(pipeline: CfnPipeline): PipelineModel {
  const stack = Stack.of(pipeline);
  const logicalId = stack.resolve(pipeline.logicalId) as string;
  const properties = renderedProperties(pipeline);
  return pipelineFromResource(logicalId, properties, {
    account: literal(stack.account),
    region: literal(stack.region),
    constructPaths: { [logicalId]: displayConstruct(pipeline).node.path },
    buckets: bucketFactsOf(stack, literal(stack.account)),
  });
}

/** The construct users know: the L2 `Pipeline` rather than its `Resource` child. */
export function displayConstruct(pipeline: CfnPipeline): IConstruct {
  const scope = pipeline.node.scope;
  return pipeline.node.id === 'Resource' && scope ? scope : pipeline;
}

function renderedProperties(element: CfnElement): Record<string, unknown> {
  // `_toCloudFormation` is how the stack renders the element into its template, overrides included.
  const rendered = Stack.of(element).resolve((element as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as {
    Resources: Record<string, { Properties?: Record<string, unknown> }>;
  };
  const [resource] = Object.values(rendered.Resources);
  return resource?.Properties ?? {};
}

function bucketFactsOf(stack: Stack, account: string | undefined): Record<string, BucketFacts> {
  const facts: Record<string, BucketFacts> = {};
  for (const construct of stack.node.findAll() as IConstruct[]) {
    if (!(construct instanceof CfnBucket) || Stack.of(construct) !== stack) continue;
    const properties = renderedProperties(construct);
    const fact: BucketFacts = { versioned: bucketVersioning(properties.VersioningConfiguration), account };
    facts[JSON.stringify(stack.resolve(construct.ref))] = fact;
    if (typeof properties.BucketName === 'string') facts[properties.BucketName] = fact;
  }
  return facts;
}

function literal(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}
