import { StageModel } from '../model/pipeline-model';
import { known } from '../model/values';
import { categoryOf } from '../model/walk';
import { CONDITION_KINDS, conditionStages, conditionsOf } from './condition-walk';
import { Rule, Sources } from './rule';
import { hasStageConditions } from './rule-scope';

/** Where a stage asks to be rolled back: its onFailure result, or a condition's result. */
function* rollbacks(stage: StageModel): Generator<string> {
  if (known(stage.onFailure?.result) === 'ROLLBACK') yield 'its onFailure result is ROLLBACK';
  for (const kind of CONDITION_KINDS) {
    for (const condition of conditionsOf(stage, kind) ?? []) {
      if (known(condition.result) === 'ROLLBACK') yield `its ${kind} condition's result is ROLLBACK`;
    }
  }
}

/** The first stage, or a stage that holds a source action (which the source-stage rule reports). */
function isSourceStage(stage: StageModel, index: number): boolean {
  return index === 0 || stage.actions.some((action) => categoryOf(action) === 'Source');
}

/**
 * No rollback where the service has none: a source stage cannot be rolled back, and a PARALLEL
 * pipeline has no stage rollback at all (nor failure conditions with result ROLLBACK).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/execution-modes.html
 */
export const stageRollback: Rule = {
  id: 'stage-rollback',
  severity: 'error',
  description: 'No rollback on a source stage, nor in a PARALLEL pipeline',
  limit: 'no ROLLBACK result on the source stage; none at all in executionMode PARALLEL',
  source: Sources.STAGE_ROLLBACK,
  appliesTo: hasStageConditions,
  *check(pipeline) {
    const parallel = known(pipeline.executionMode) === 'PARALLEL';
    // A rollback is an onFailure result or a condition's: only stages that declare one can ask for it.
    for (const { stageIndex: index, stage } of conditionStages(pipeline)) {
      for (const where of rollbacks(stage)) {
        // One finding per rollback: the source stage's reason comes first, as it holds in every mode.
        if (isSourceStage(stage, index)) {
          yield { stage, message: `the stage is a source stage, which cannot be rolled back, and ${where}`, fix: 'remove the rollback from the source stage; roll back the stages after it.' };
        } else if (parallel) {
          yield {
            stage,
            message: `the pipeline's executionMode is PARALLEL, which has no stage rollback, and ${where}`,
            fix: 'remove the rollback, or use the QUEUED or SUPERSEDED execution mode.',
            source: Sources.EXECUTION_MODES,
          };
        }
      }
    }
  },
};
