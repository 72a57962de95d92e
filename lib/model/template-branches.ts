import { BranchPlan, ConditionValues, planBranches, resolveBranch } from './branches';
import { PseudoValues } from './conditions';
import { PIPELINE_RESOURCE_TYPE, pipelineFromResource, pipelinesFromTemplate, TemplateContext } from './from-cloudformation';
import { PipelineModel } from './pipeline-model';
import { isRecord } from './read-parts';

/** One combination of condition values, and the pipeline as CloudFormation deploys it then. */
export interface PipelineBranch {
  readonly when: ConditionValues;
  readonly model: PipelineModel;
}

/**
 * A pipeline as its template states it, and, when its conditions choose between parts, as each
 * feasible combination of them makes it.
 */
export interface PipelineBranches {
  /** The pipeline as written: parts behind `Fn::If` are unknown. */
  readonly model: PipelineModel;
  readonly plan: BranchPlan;
  /** A model per combination when `plan.kind` is `combinations`; otherwise empty. */
  readonly branches: readonly PipelineBranch[];
}

/** A pipeline without conditions (a get-pipeline output, a declaration): one model, as is. */
export function singleBranch(model: PipelineModel): PipelineBranches {
  return { model, plan: { kind: 'single' }, branches: [] };
}

/**
 * Every `AWS::CodePipeline::Pipeline` of a template, each with the models of its branch
 * combinations, read by the same reader as {@link pipelinesFromTemplate}.
 */
export function pipelineBranchesFromTemplate(template: unknown, context: TemplateContext = {}): PipelineBranches[] {
  const models = pipelinesFromTemplate(template, context);
  const resources = isRecord(template) && isRecord(template.Resources) ? template.Resources : {};
  const pseudo: PseudoValues = { 'AWS::Region': context.region, 'AWS::AccountId': context.account };
  return models.map((model) => {
    const logicalId = model.origin.logicalId!;
    const resource = resources[logicalId] as Record<string, unknown>;
    return branchesOfResource(model, logicalId, resource, {
      conditions: isRecord(template) ? template.Conditions : undefined,
      parameters: isRecord(template) ? template.Parameters : undefined,
      pseudo,
      context,
    });
  });
}

export interface ResourceSurroundings {
  readonly conditions: unknown;
  readonly parameters: unknown;
  readonly pseudo: PseudoValues;
  readonly context: TemplateContext;
}

/**
 * The branch models of one pipeline resource (`Type`, `Properties`, `Condition`), given the model
 * of it as written (whose bucket facts the branches share).
 */
export function branchesOfResource(
  model: PipelineModel,
  logicalId: string,
  resource: Record<string, unknown>,
  surroundings: ResourceSurroundings,
): PipelineBranches {
  if (resource.Type !== PIPELINE_RESOURCE_TYPE) return singleBranch(model);
  const plan = planBranches({
    properties: resource.Properties,
    resourceCondition: resource.Condition,
    conditions: surroundings.conditions,
    parameters: surroundings.parameters,
    pseudo: surroundings.pseudo,
  });
  if (plan.kind !== 'combinations') return { model, plan, branches: [] };
  const context = { ...surroundings.context, buckets: model.context.buckets, roles: model.context.roles };
  const branches = plan.combinations.map((when) => ({
    when,
    model: pipelineFromResource(logicalId, resolveBranch(resource.Properties, when), context),
  }));
  return { model, plan, branches };
}
