import { known } from '../model/values';
import { ConditionKind, conditionStages, conditionsOf, CONDITION_KINDS } from './condition-walk';
import { Rule, Sources } from './rule';
import { hasStageConditions } from './rule-scope';
import { RESULTS } from './stage-conditions';

/**
 * The results the user guide gives for each kind of condition. The API takes any result anywhere, and
 * the guide's pages disagree among themselves (one gives success conditions Rollback only, another
 * Rollback or Fail; CloudFormation lists only ROLLBACK and RETRY for a failed stage), so these are
 * warnings.
 */
const GUIDE_RESULTS: Readonly<Record<ConditionKind, readonly string[]>> = {
  beforeEntry: ['FAIL', 'SKIP'],
  onSuccess: ['ROLLBACK', 'FAIL'],
  onFailure: ['ROLLBACK'],
};
const FAILED_STAGE_RESULTS = ['ROLLBACK', 'RETRY'];
/** The only rules an entry condition with result SKIP may hold. */
const SKIP_RULE_PROVIDERS = ['LambdaInvoke', 'VariableCheck'];

const apiResult = (value: unknown): string | undefined =>
  typeof value === 'string' && (RESULTS as readonly string[]).includes(value) ? value : undefined;
const words = (values: readonly string[]): string => values.length === 1 ? values[0] : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;

/** @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html */
export const conditionResults: Rule = {
  id: 'condition-results',
  severity: 'warning',
  description: 'Results the user guide gives each kind of condition; retry settings only with RETRY',
  limit: 'entry FAIL|SKIP (SKIP: LambdaInvoke and VariableCheck rules only); success ROLLBACK|FAIL; failure ROLLBACK; failed stage ROLLBACK|RETRY',
  source: Sources.STAGE_CONDITIONS,
  appliesTo: hasStageConditions,
  *check(pipeline) {
    // Only stages that declare beforeEntry, onSuccess or onFailure have anything to check.
    for (const { stage } of conditionStages(pipeline)) {
      // An unknown or invalid result is left to the stage-conditions rule.
      const stageResult = apiResult(known(stage.onFailure?.result));
      if (stageResult !== undefined && !FAILED_STAGE_RESULTS.includes(stageResult)) {
        yield {
          stage,
          message: `onFailure result ${stageResult} is not one the user guide gives a failed stage (${words(FAILED_STAGE_RESULTS)})`,
          fix: 'use ROLLBACK or RETRY, or leave onFailure out to let the stage fail.',
        };
      }
      const retryMode = known(stage.onFailure?.retryMode);
      if (retryMode !== undefined && stageResult !== undefined && stageResult !== 'RETRY') {
        yield {
          stage,
          message: `onFailure sets retryMode ${retryMode} with result ${stageResult}; a retry mode applies to result RETRY`,
          fix: 'set the onFailure result to RETRY, or remove the retry configuration.',
        };
      }
      for (const kind of CONDITION_KINDS) {
        for (const condition of conditionsOf(stage, kind) ?? []) {
          const result = apiResult(known(condition.result));
          if (result === undefined) continue;
          if (!GUIDE_RESULTS[kind].includes(result)) {
            yield {
              stage,
              message: `the ${kind} condition's result is ${result}; the user guide gives ${kind} conditions ${words(GUIDE_RESULTS[kind])}`,
              fix: `use ${words(GUIDE_RESULTS[kind])}.`,
            };
          }
          if (kind !== 'beforeEntry' || result !== 'SKIP') continue;
          for (const rule of condition.rules) {
            const provider = known(rule.ruleTypeId.provider);
            if (typeof provider === 'string' && !SKIP_RULE_PROVIDERS.includes(provider)) {
              yield {
                stage,
                message: `the beforeEntry condition with result SKIP holds a ${provider} rule${typeof known(rule.name) === 'string' ? ` ("${known(rule.name)}")` : ''}; only ${words(SKIP_RULE_PROVIDERS)} rules skip a stage`,
                fix: 'use a LambdaInvoke or VariableCheck rule, or the result FAIL.',
              };
            }
          }
        }
      }
    }
  },
};
