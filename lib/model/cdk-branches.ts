import { CfnElement, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { displayConstruct, stackElements } from './from-cdk';
import { PipelineModel } from './pipeline-model';
import { isRecord } from './read-parts';
import { branchesOfResource, PipelineBranches, singleBranch } from './template-branches';

/**
 * The branch models of a `CfnPipeline` whose stack has conditions (`CfnCondition`, used through
 * `Fn.conditionIf` or the resource's `cfnOptions.condition`): the pipeline as its template will have
 * it, with the stack's `Conditions` and `Parameters`, read as a template's are. A stack without
 * conditions has one model, `model`, and costs nothing more.
 */
export function branchesOfCfnPipeline(
  pipeline: CfnPipeline,
  model: PipelineModel,
  stackElementList: readonly CfnElement[] = stackElements(Stack.of(pipeline)),
): PipelineBranches {
  const stack = Stack.of(pipeline);
  // Conditions and parameters: the stack's elements that are not resources.
  const elements = stackElementList.filter((element) => !CfnResource.isCfnResource(element));
  // Only a stack with a condition can choose between parts: the others render nothing more.
  if (!elements.some(isCondition)) return singleBranch(model);
  const sections = { Conditions: {} as Record<string, unknown>, Parameters: {} as Record<string, unknown> };
  for (const element of elements) {
    // A condition or parameter renders as its own one-entry section of the template.
    const rendered = stack.resolve((element as unknown as { _toCloudFormation(): unknown })._toCloudFormation());
    if (!isRecord(rendered)) continue;
    if (isRecord(rendered.Conditions)) Object.assign(sections.Conditions, rendered.Conditions);
    if (isRecord(rendered.Parameters)) Object.assign(sections.Parameters, rendered.Parameters);
  }
  if (Object.keys(sections.Conditions).length === 0) return singleBranch(model);

  const logicalId = stack.resolve(pipeline.logicalId) as string;
  const rendered = stack.resolve((pipeline as unknown as { _toCloudFormation(): unknown })._toCloudFormation()) as {
    Resources?: Record<string, Record<string, unknown>>;
  };
  const resource = rendered.Resources?.[logicalId];
  if (!resource) return singleBranch(model);
  const account = literal(stack.account);
  const region = literal(stack.region);
  return branchesOfResource(model, logicalId, resource, {
    conditions: sections.Conditions,
    parameters: sections.Parameters,
    pseudo: { 'AWS::Region': region, 'AWS::AccountId': account },
    context: { account, region, constructPaths: { [logicalId]: displayConstruct(pipeline).node.path } },
  });
}

/** A `CfnCondition` (aws-cdk-lib has no `isCfnCondition`): the one element with an `expression`. */
function isCondition(element: CfnElement): boolean {
  return 'expression' in element;
}

function literal(value: string): string | undefined {
  return Token.isUnresolved(value) ? undefined : value;
}
