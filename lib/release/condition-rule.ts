import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { badCharacters } from './pipeline-variables';
import { V2_LIMITS } from '../rules/v2-limits';

export interface ConditionRuleName {
  /**
   * The rule's name: 1–100 letters, digits, ".", "@", "-" and "_", unique in the pipeline.
   * @default - the provider and the stage's name, e.g. `CloudWatchAlarm-Prod`
   * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_RuleDeclaration.html
   */
  readonly ruleName?: string;
}

export interface CloudWatchAlarmRuleProps extends ConditionRuleName {
  /**
   * The alarm to watch, in the pipeline's account and region. The pipeline role may read its state
   * (`cloudwatch:DescribeAlarms` on the alarm; on `*` for a composite alarm defined in the app, which
   * the service reads only with that scope; an imported composite alarm needs that grant from you).
   * The rule fails while the alarm is in ALARM.
   */
  readonly alarm: cloudwatch.IAlarm;
  /**
   * How long the rule waits for the alarm to leave ALARM before the condition's result applies.
   * @default - the service's default
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-CloudWatchAlarm.html
   */
  readonly waitTime?: Duration;
}

export interface DeploymentWindowRuleProps extends ConditionRuleName {
  /**
   * When the stage may run, as a cron expression of 6 fields and an optional year (seconds minutes
   * hours day-of-month month day-of-week [year]), e.g. `0 0 9-16 ? * MON-FRI *` for weekdays 9:00–16:59.
   * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/rule-reference-DeploymentWindow.html
   */
  readonly cron: string;
  /**
   * The time zone the cron expression is read in, e.g. `Europe/Berlin`, `UTC+05:30` or `PST`.
   * @default - UTC, the service's default
   */
  readonly timeZone?: string;
}

/** A rule of a stage condition: passes or fails each time the condition is checked. */
export class ConditionRule {
  /** Fails while a CloudWatch alarm is in ALARM. */
  public static cloudWatchAlarm(props: CloudWatchAlarmRuleProps): ConditionRule {
    const configuration: Record<string, string> = { AlarmName: props.alarm.alarmName, AlarmStates: 'ALARM' };
    if (props.waitTime !== undefined) configuration.WaitTime = String(wholeMinutes(props.waitTime));
    return new ConditionRule('CloudWatchAlarm', configuration, props.ruleName, props.alarm);
  }

  /** Passes only inside a deployment window (a cron expression in a time zone). */
  public static deploymentWindow(props: DeploymentWindowRuleProps): ConditionRule {
    if (!Token.isUnresolved(props.cron)) {
      const fields = props.cron.trim().split(/\s+/).filter((f) => f !== '');
      if (fields.length < 6 || fields.length > 7) {
        throw new Error(`ConditionRule.deploymentWindow: cron "${props.cron}" has ${fields.length} fields; give 6 (seconds minutes hours day-of-month month day-of-week) and an optional year, e.g. "0 0 9-16 ? * MON-FRI *".`);
      }
    }
    const configuration: Record<string, string> = { Cron: props.cron };
    if (props.timeZone !== undefined) configuration.TimeZone = props.timeZone;
    return new ConditionRule('DeploymentWindow', configuration, props.ruleName, undefined);
  }

  private constructor(
    /** The rule provider, e.g. `CloudWatchAlarm`. */
    public readonly provider: string,
    /** The rule's configuration. */
    public readonly configuration: Readonly<Record<string, string>>,
    /** The name given, if any. */
    public readonly ruleName: string | undefined,
    /** The alarm a CloudWatchAlarm rule reads, for the pipeline role's grant. */
    public readonly alarm: cloudwatch.IAlarm | undefined,
  ) {
    if (ruleName !== undefined && !Token.isUnresolved(ruleName)) {
      const { pattern, allowed, maxLength } = V2_LIMITS.ruleName;
      if (ruleName.length === 0 || ruleName.length > maxLength) {
        throw new Error(`ConditionRule.${lowerFirst(provider)}: ruleName "${ruleName}" is ${ruleName.length} characters; a rule name is 1–${maxLength} characters.`);
      }
      if (!pattern.test(ruleName)) {
        throw new Error(`ConditionRule.${lowerFirst(provider)}: ruleName "${ruleName}" contains ${badCharacters(ruleName, pattern)}; only ${allowed} are allowed.`);
      }
    }
  }
}

function wholeMinutes(duration: Duration): number {
  const minutes = duration.toSeconds() / 60;
  if (!Number.isInteger(minutes) || minutes < 1) {
    throw new Error(`ConditionRule.cloudWatchAlarm: waitTime ${duration.toHumanString()} is not a whole number of minutes; give Duration.minutes(N), N ≥ 1.`);
  }
  return minutes;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
