import { PipelineModel, StageModel } from '../model/pipeline-model';

/**
 * Which stages a diagram draws. Both renderers (SVG and Mermaid) use it, so they always show the
 * same stages.
 */

/**
 * Most stages a diagram draws: twice the service's quota of 50 stages per pipeline, so every pipeline
 * the service accepts is drawn whole. A pipeline beyond it (a file the rules reject) is drawn up to
 * here, then one box says how many stages are left out: a template of 331,140 stages would otherwise
 * draw a 241 MB picture that no viewer opens.
 */
export const MAX_DRAWN_STAGES = 100;

export interface DrawnStages {
  /** The first stages, in pipeline order. */
  readonly stages: readonly StageModel[];
  /** How many stages are not drawn (0 for every pipeline within the quotas). */
  readonly hidden: number;
}

/** The first `limit` stages of the pipeline. */
export function drawnStages(pipeline: PipelineModel, limit: number = MAX_DRAWN_STAGES): DrawnStages {
  const stages = pipeline.stages.length > limit ? pipeline.stages.slice(0, limit) : pipeline.stages;
  return { stages, hidden: pipeline.stages.length - stages.length };
}

/** The text of the box that stands for the stages a diagram leaves out. */
export function hiddenStagesText(hidden: number): string {
  return `… and ${hidden} more stage${hidden === 1 ? '' : 's'}`;
}
