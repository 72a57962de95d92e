import { describeLiteral, isUnknown } from '../model/values';
import { partKnown } from '../model/walk';
import { CONDITION_KINDS, conditionStages, conditionsOf } from './condition-walk';
import { Rule, Sources } from './rule';
import { hasStageConditions } from './rule-scope';

/** The API's `Result` enum: what a condition (or a failed stage) does. */
export const RESULTS = ['ROLLBACK', 'FAIL', 'RETRY', 'SKIP'] as const;
/** The API's `StageRetryMode` enum. */
export const RETRY_MODES = ['FAILED_ACTIONS', 'ALL_ACTIONS'] as const;

const isOneOf = (values: readonly string[], value: unknown): boolean => typeof value === 'string' && values.includes(value);

/**
 * The shape of a stage's V2 conditions as the API model types it: results and retry modes from their
 * enums, and exactly one condition in each list (`ConditionList` is 1–1).
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_StageDeclaration.html
 */
export const stageConditions: Rule = {
  id: 'stage-conditions',
  severity: 'error',
  description: 'Stage onFailure, onSuccess and beforeEntry: results, retry mode, one condition each',
  limit: `result ${RESULTS.join('|')}; retryMode ${RETRY_MODES.join('|')}; exactly 1 condition per list`,
  source: Sources.API,
  appliesTo: hasStageConditions,
  *check(pipeline) {
    // Only stages that declare beforeEntry, onSuccess or onFailure have anything to check.
    for (const { stageIndex, stage } of conditionStages(pipeline)) {
      const { onFailure } = stage;
      if (onFailure?.result !== undefined && !isUnknown(onFailure.result) && !isOneOf(RESULTS, onFailure.result)) {
        yield {
          stage,
          message: `onFailure result ${describeLiteral(onFailure.result)} is not one of ${RESULTS.join(', ')}`,
          fix: 'use ROLLBACK to roll the stage back or RETRY to retry it (FAIL and SKIP are the API\'s other results).',
        };
      }
      if (onFailure?.retryMode !== undefined && !isUnknown(onFailure.retryMode) && !isOneOf(RETRY_MODES, onFailure.retryMode)) {
        yield {
          stage,
          message: `onFailure retryMode ${describeLiteral(onFailure.retryMode)} is not one of ${RETRY_MODES.join(', ')}`,
          fix: 'use FAILED_ACTIONS to retry the failed actions, or ALL_ACTIONS to retry the whole stage.',
        };
      }
      for (const kind of CONDITION_KINDS) {
        const conditions = conditionsOf(stage, kind);
        // onFailure may leave its conditions out; beforeEntry and onSuccess require them.
        if (conditions === undefined && (kind === 'onFailure' || stage[kind] === undefined)) continue;
        const count = conditions?.length ?? 0;
        if (count !== 1 && partKnown(pipeline, `stages[${stageIndex}].${kind}.conditions`)) {
          yield {
            stage,
            message: `${kind} has ${count} condition${count === 1 ? '' : 's'}; the API takes exactly 1`,
            fix: count === 0
              ? `give ${kind} one condition with its rules, or remove ${kind}.`
              : 'merge them into one condition (a condition holds up to 5 rules).',
          };
        }
        for (const condition of conditions ?? []) {
          if (condition.result !== undefined && !isUnknown(condition.result) && !isOneOf(RESULTS, condition.result)) {
            yield {
              stage,
              message: `the ${kind} condition's result ${describeLiteral(condition.result)} is not one of ${RESULTS.join(', ')}`,
              fix: 'use one of the results the API defines (the user guide lists which fit each kind of condition).',
            };
          }
        }
      }
    }
  },
};
