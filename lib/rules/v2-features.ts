import { ActionModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { allActions, providerOf } from '../model/walk';
import { plural } from './list-count';
import { Sources } from './rule';

/** A part of a declaration that only a V2 pipeline may have, where it is, and the document that says so. */
export interface V2Feature {
  /** The feature in words, e.g. "2 pipeline variables" or "a rollback on failure (onFailure)". */
  readonly what: string;
  readonly stage?: StageModel;
  readonly action?: ActionModel;
  readonly source: string;
}

/**
 * The V2 features a pipeline uses, in declaration order: variables, triggers, the QUEUED and PARALLEL
 * execution modes, stage conditions (entry, success, failure: rollback and retry), and Commands
 * actions. A list only known at deploy time is not counted: it may be empty.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/pipeline-types.html
 */
export function* v2Features(pipeline: PipelineModel): Iterable<V2Feature> {
  const variables = pipeline.variables?.length ?? 0;
  if (variables > 0) yield { what: `${variables} pipeline ${plural(variables, 'variable')}`, source: Sources.PIPELINE_TYPES };
  const triggers = pipeline.triggers?.length ?? 0;
  if (triggers > 0) yield { what: `${triggers} ${plural(triggers, 'trigger')}`, source: Sources.PIPELINE_TYPES };
  const mode = known(pipeline.executionMode);
  if (mode === 'QUEUED' || mode === 'PARALLEL') yield { what: `the ${mode} execution mode`, source: Sources.PIPELINE_TYPES };
  for (const stage of pipeline.stages) {
    if (stage.beforeEntry) yield { stage, what: 'an entry condition (beforeEntry)', source: Sources.PIPELINE_TYPES };
    if (stage.onSuccess) yield { stage, what: 'a success condition (onSuccess)', source: Sources.PIPELINE_TYPES };
    if (stage.onFailure) {
      const rollback = known(stage.onFailure.result) === 'ROLLBACK';
      yield { stage, what: rollback ? 'a rollback on failure (onFailure)' : 'a failure condition (onFailure)', source: Sources.PIPELINE_TYPES };
    }
  }
  for (const { stage, action } of allActions(pipeline)) {
    if (providerOf(action) === 'commands') yield { stage, action, what: 'a Commands action', source: Sources.COMMANDS };
  }
}
