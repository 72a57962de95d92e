import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { DeploymentTarget } from '../cross-account/deployment-target';
import { CLASSIC_QUOTAS, CURRENT_QUOTAS } from '../quotas';
import { ENTITY_NAME } from '../rules/name-rule';
import { StackTemplateProps } from './deploy-stage-props';

/**
 * Where a deploy step's actions run: one entry per target of a wave, or the single entry `undefined`
 * for the pipeline account.
 */
export type Placements = readonly (DeploymentTarget | undefined)[];

/** The targets in `props` (`target` or `targets`), or `[undefined]` for the pipeline account. */
export function placementsOf(props: StackTemplateProps): Placements {
  if (props.targets !== undefined) return props.targets;
  return [props.target];
}

/**
 * The most actions a stage runs in parallel at one run order: 50 in a V2 pipeline; 10 in a V1
 * pipeline, as in the 2017 quota page.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html
 */
export function maxParallelActions(pipelineType: codepipeline.PipelineType | undefined): number {
  return pipelineType === codepipeline.PipelineType.V1
    ? CLASSIC_QUOTAS.quotas.maxParallelActionsPerStage
    : CURRENT_QUOTAS.quotas.maxParallelActionsPerStage;
}

/**
 * Checks where a deploy step goes, in the stage's constructor: `target`, `targets` and
 * `executionRole` together, and a wave's targets. `at` prefixes the props' names (`steps[0].`, or
 * `''` for a stage's own props).
 */
export function validateWave(where: string, at: string, props: StackTemplateProps): void {
  const { target, targets, executionRole } = props;
  if (target !== undefined && targets !== undefined) {
    throw new Error(`${where}: ${at}target and ${at}targets are contradictory: give one target as ${at}target, or every target of a wave as ${at}targets.`);
  }
  if (targets !== undefined && executionRole !== undefined) {
    throw new Error(`${where}: ${at}targets and ${at}executionRole are contradictory: each target brings its own execution role (target.executionRole). Remove ${at}executionRole, or remove ${at}targets to deploy into the pipeline account.`);
  }
  if (target !== undefined && executionRole !== undefined) {
    throw new Error(`${where}: ${at}target and ${at}executionRole are contradictory: a target brings its own execution role (target.executionRole). Remove ${at}executionRole, or remove ${at}target to deploy into the pipeline account.`);
  }
  if (target === undefined && targets === undefined && executionRole === undefined) {
    throw new Error(`${where}: ${at}executionRole is required when the stage deploys into the pipeline account (no target): give the CloudFormation service role for the stack, or a target.`);
  }
  if (targets === undefined) return;
  if (targets.length === 0) {
    throw new Error(`${where}: ${at}targets is empty; give at least one DeploymentTarget, or leave ${at}targets out and give ${at}executionRole to deploy into the pipeline account.`);
  }
  const seen = new Map<string, number>();
  for (const [index, each] of targets.entries()) {
    const key = JSON.stringify([each.account, each.region]);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new Error(`${where}: ${at}targets[${earlier}] (${targets[earlier].node.id}) and ${at}targets[${index}] (${each.node.id}) are both account ${each.account}, ${each.region}; a wave deploys once into each account and region: remove one of them.`);
    }
    seen.set(key, index);
  }
  validateWaveSize(where, at, targets.length, undefined);
}

/** Refuses a wave with more parallel actions than a run order may hold; says how to split it. */
export function validateWaveSize(where: string, at: string, count: number, pipelineType: codepipeline.PipelineType | undefined): void {
  const max = maxParallelActions(pipelineType);
  if (count <= max) return;
  const type = pipelineType === codepipeline.PipelineType.V1 ? 'in a V1 pipeline' : 'in a V2 pipeline';
  const stages = Math.ceil(count / max);
  throw new Error(`${where}: ${at}targets has ${count} targets, and a wave runs one action per target at the same run order; CodePipeline runs at most ${max} actions in parallel in a stage ${type}. Split the wave into ${stages} stages of at most ${max} targets each.`);
}

/**
 * The action's name for one target of a step: the step's name when it has one target (or none);
 * `<name>-<account>-<region>` in a wave of several, which must stay within CodePipeline's 100
 * characters.
 */
export function waveActionName(where: string, at: string, actionName: string, target: DeploymentTarget | undefined, count: number): string {
  if (count <= 1 || target === undefined) return actionName;
  const name = `${actionName}-${target.account}-${target.region}`;
  if (name.length > ENTITY_NAME.maxLength) {
    const room = ENTITY_NAME.maxLength - (name.length - actionName.length);
    throw new Error(`${where}: ${at}actionName "${actionName}" makes the wave's action name "${name}" (${name.length} characters), and CodePipeline allows at most ${ENTITY_NAME.maxLength}; shorten ${at}actionName to at most ${room} characters.`);
  }
  return name;
}
