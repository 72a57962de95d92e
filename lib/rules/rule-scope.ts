import { PipelineModel } from '../model/pipeline-model';
import { conditionStages } from './condition-walk';

/*
 * The parts of a pipeline that only some rules read (V2 triggers, variables and stage conditions,
 * CloudFormation's disabled transitions). Most pipelines have none of them: with these tests the rule
 * engine skips the rules of an absent part, which then cost nothing, not even compiling their code.
 * Each test answers true whenever the rules it stands for could find anything: they read that part
 * alone, and each finds nothing in an empty one.
 */

/** The pipeline declares triggers (an intrinsic list is read as empty, and its rules skip it). */
export function hasTriggers(pipeline: PipelineModel): boolean {
  return pipeline.triggers !== undefined && pipeline.triggers.length > 0;
}

/** The pipeline declares variables. */
export function hasVariables(pipeline: PipelineModel): boolean {
  return pipeline.variables !== undefined && pipeline.variables.length > 0;
}

/** A stage declares beforeEntry, onSuccess or onFailure (the list the condition rules walk). */
export function hasStageConditions(pipeline: PipelineModel): boolean {
  return conditionStages(pipeline).length > 0;
}

/** The template disables a stage's inbound transition. */
export function hasDisabledTransitions(pipeline: PipelineModel): boolean {
  return pipeline.disabledInboundTransitions !== undefined && pipeline.disabledInboundTransitions.length > 0;
}
