import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { CloudWatchAlarmRuleProps, ConditionRule, DeploymentWindowRuleProps } from './condition-rule';
import { V2_LIMITS } from '../rules/v2-limits';

export interface StageConditionOptions {
  /**
   * What happens when a rule fails: before entry FAIL (or SKIP, with LambdaInvoke and VariableCheck
   * rules only); on success ROLLBACK or FAIL.
   * @default - FAIL before entry, ROLLBACK on success
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
   */
  readonly result?: codepipeline.Result;
}

/**
 * A stage condition (V2): 1–5 rules checked together, and the result that applies when any fails.
 * Use it as a stage's `beforeEntry` (e.g. enter only inside a deployment window) or `onSuccess`
 * (e.g. roll back when an alarm fires after the deploy).
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
 */
export class StageCondition {
  /** One CloudWatchAlarm rule: e.g. as `onSuccess`, roll back while the alarm is in ALARM. */
  public static cloudWatchAlarm(props: CloudWatchAlarmRuleProps & StageConditionOptions): StageCondition {
    return new StageCondition([ConditionRule.cloudWatchAlarm(props)], props.result);
  }

  /** One DeploymentWindow rule: e.g. as `beforeEntry`, enter only inside the window. */
  public static deploymentWindow(props: DeploymentWindowRuleProps & StageConditionOptions): StageCondition {
    return new StageCondition([ConditionRule.deploymentWindow(props)], props.result);
  }

  /** 1–5 rules that must all pass. */
  public static allOf(rules: ConditionRule[], options: StageConditionOptions = {}): StageCondition {
    const max = V2_LIMITS.maxRulesPerCondition;
    if (rules.length === 0 || rules.length > max) {
      throw new Error(`StageCondition.allOf: ${rules.length} rules; a condition has 1–${max} rules.`);
    }
    return new StageCondition(rules, options.result);
  }

  private constructor(
    /** The condition's rules. */
    public readonly rules: readonly ConditionRule[],
    /** The result given, if any. */
    public readonly result: codepipeline.Result | undefined,
  ) {}
}

/**
 * What a stage does when it fails (V2). Without one the stage, and the run, fails.
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html
 */
export class StageFailure {
  /** Roll the stage back to the last run that succeeded in it (not in PARALLEL execution mode). */
  public static rollback(): StageFailure {
    return new StageFailure(codepipeline.Result.ROLLBACK, undefined);
  }

  /**
   * Retry the stage once, automatically.
   * @param mode the failed actions only, or every action of the stage
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-retry.html
   */
  public static retry(mode: codepipeline.RetryMode = codepipeline.RetryMode.FAILED_ACTIONS): StageFailure {
    return new StageFailure(codepipeline.Result.RETRY, mode);
  }

  private constructor(
    /** ROLLBACK or RETRY. */
    public readonly result: codepipeline.Result,
    /** The retry mode, for RETRY. */
    public readonly retryMode: codepipeline.RetryMode | undefined,
  ) {}
}

/** The V2 stage conditions a release stage may have. */
export interface ReleaseStageConditions {
  /**
   * What the stage does when it fails: `StageFailure.rollback()` or `StageFailure.retry(mode)`.
   * @default - the stage fails
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html
   */
  readonly onFailure?: StageFailure;
  /**
   * Checked once the stage's actions succeeded, e.g. `StageCondition.cloudWatchAlarm({ alarm })`
   * (roll back while the alarm is in ALARM). Result ROLLBACK (the default) or FAIL.
   * @default - no condition
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
   */
  readonly onSuccess?: StageCondition;
  /**
   * Checked before the stage is entered, e.g. `StageCondition.deploymentWindow({ cron, timeZone })`.
   * Result FAIL (the default), or SKIP for LambdaInvoke and VariableCheck rules only.
   * @default - no condition
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-conditions.html
   */
  readonly beforeEntry?: StageCondition;
}

const ALLOWED_RESULTS = {
  beforeEntry: [codepipeline.Result.FAIL, codepipeline.Result.SKIP],
  onSuccess: [codepipeline.Result.ROLLBACK, codepipeline.Result.FAIL],
} as const;

/** Checks a stage's conditions in the stage's constructor; `where` names the stage. */
export function validateStageConditions(where: string, conditions: ReleaseStageConditions): void {
  for (const position of ['beforeEntry', 'onSuccess'] as const) {
    const result = conditions[position]?.result;
    const allowed: readonly codepipeline.Result[] = ALLOWED_RESULTS[position];
    if (result !== undefined && !allowed.includes(result)) {
      throw new Error(`${where}: ${position} has result ${result}; a ${position} condition's result is ${allowed.join(' or ')}.`);
    }
  }
  const entry = conditions.beforeEntry;
  const unskippable = entry?.result === codepipeline.Result.SKIP ? entry.rules.find((r) => !SKIP_PROVIDERS.includes(r.provider)) : undefined;
  if (unskippable) {
    throw new Error(`${where}: beforeEntry has result SKIP and a ${unskippable.provider} rule; the user guide allows SKIP only with ${SKIP_PROVIDERS.join(' and ')} rules. Use result FAIL.`);
  }
}

/** The rule providers an entry condition with result SKIP may hold. */
const SKIP_PROVIDERS = ['LambdaInvoke', 'VariableCheck'];

/** Whether the stage's conditions roll it back in any case (refused in PARALLEL execution mode). */
export function rollbackProps(conditions: ReleaseStageConditions | undefined): string[] {
  const props: string[] = [];
  if (conditions?.onFailure?.result === codepipeline.Result.ROLLBACK) props.push('onFailure');
  if (resultOf('onSuccess', conditions?.onSuccess) === codepipeline.Result.ROLLBACK) props.push('onSuccess');
  return props;
}

/** The props of the stage's conditions that are given, in declaration order. */
export function givenConditionProps(conditions: ReleaseStageConditions | undefined): string[] {
  return (['onFailure', 'onSuccess', 'beforeEntry'] as const).filter((p) => conditions?.[p] !== undefined);
}

function resultOf(position: 'beforeEntry' | 'onSuccess', condition: StageCondition | undefined): codepipeline.Result | undefined {
  if (condition === undefined) return undefined;
  return condition.result ?? (position === 'beforeEntry' ? codepipeline.Result.FAIL : codepipeline.Result.ROLLBACK);
}

/**
 * The stage's conditions as aws-cdk-lib stage options: the one place where they are rendered.
 * `ruleName` gives each rule without a name of its own a name unique in the pipeline.
 */
export function stageConditionOptions(
  conditions: ReleaseStageConditions | undefined,
  ruleName: (rule: ConditionRule) => string,
): Pick<codepipeline.StageOptions, 'onFailure' | 'onSuccess' | 'beforeEntry'> {
  if (!conditions) return {};
  const render = (position: 'beforeEntry' | 'onSuccess', condition: StageCondition | undefined): codepipeline.Conditions | undefined => condition && {
    conditions: [{
      result: resultOf(position, condition),
      rules: condition.rules.map((rule) => new codepipeline.Rule({
        name: ruleName(rule),
        provider: rule.provider,
        version: '1',
        configuration: rule.configuration,
      })),
    }],
  };
  const failure = conditions.onFailure;
  return {
    onFailure: failure && { result: failure.result, retryMode: failure.retryMode },
    onSuccess: render('onSuccess', conditions.onSuccess),
    beforeEntry: render('beforeEntry', conditions.beforeEntry),
  };
}
