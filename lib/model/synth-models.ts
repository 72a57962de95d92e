import { CfnElement, Stack } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { pipelineModelOf, pipelineModelWith, stackElements } from './from-cdk';
import { PipelineModel } from './pipeline-model';

/**
 * Hands the model the synth-time check built (while the app validates) to the diagrams written a
 * moment later (while it synthesizes), so one synth resolves each pipeline once. A model is taken
 * once: the next synth validates, and so builds, afresh.
 */
const HANDED_OVER = new WeakMap<CfnPipeline, PipelineModel>();

/** The model of `pipeline`, built now and kept for this synth's diagrams. */
export function modelForValidation(pipeline: CfnPipeline, elements: readonly CfnElement[] = stackElements(Stack.of(pipeline))): PipelineModel {
  const model = pipelineModelWith(pipeline, elements);
  HANDED_OVER.set(pipeline, model);
  return model;
}

/** The model this synth's check built, or a new one when no check ran. */
export function modelForSynthesis(pipeline: CfnPipeline): PipelineModel {
  const model = HANDED_OVER.get(pipeline);
  HANDED_OVER.delete(pipeline);
  return model ?? pipelineModelOf(pipeline);
}
