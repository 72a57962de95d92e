import { Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PipelineVariableProps, validateVariables } from './pipeline-variables';
import { ConditionRule } from './condition-rule';
import { givenConditionProps, rollbackProps } from './stage-conditions';
import { V2_LIMITS } from '../rules/v2-limits';
import { ReleaseSource } from '../sources/release-source';
import { IReleaseStage } from '../stages/release-stage';

/** The V2 props of a ReleasePipeline, as its constructor checks them. */
export interface PipelineV2Props {
  readonly pipelineType: codepipeline.PipelineType;
  readonly executionMode?: codepipeline.ExecutionMode;
  readonly variables?: readonly PipelineVariableProps[];
  readonly source: ReleaseSource;
  readonly stages: readonly IReleaseStage[];
}

/**
 * Checks the pipeline's V2 props together, in its constructor, before anything is built: V2 features
 * on a V1 pipeline, a rollback in PARALLEL execution mode, the variables, rule names used twice and
 * alarms outside the pipeline's account and region. `where` names the pipeline.
 */
export function validatePipelineV2(pipeline: Construct, where: string, props: PipelineV2Props): void {
  if (props.pipelineType === codepipeline.PipelineType.V1) {
    const feature = v2Features(props)[0];
    if (feature) {
      throw new Error(`${where}: pipelineType is V1, but ${feature} is a V2 feature; leave pipelineType out (V2 is the default) or remove ${feature}.`);
    }
  }
  if (props.executionMode === codepipeline.ExecutionMode.PARALLEL) {
    for (const [index, stage] of props.stages.entries()) {
      const rollback = rollbackProps(stage.conditions)[0];
      if (rollback) {
        throw new Error(`${where}: executionMode is PARALLEL, but stages[${index}] ("${stage.stageName}") ${rollback} rolls back, and a pipeline in PARALLEL mode cannot roll back; use executionMode QUEUED or SUPERSEDED, or remove the rollback.`);
      }
    }
  }
  validateVariables(where, props.variables ?? []);
  validateRuleNames(where, props.stages);
  validateAlarmPlacement(Stack.of(pipeline), where, props.stages);
}

/** The V2 props given, each named as the user wrote it, e.g. `stages[1] ("Prod") onFailure`. */
function v2Features(props: PipelineV2Props): string[] {
  const features: string[] = [];
  if (props.executionMode === codepipeline.ExecutionMode.QUEUED || props.executionMode === codepipeline.ExecutionMode.PARALLEL) {
    features.push(`executionMode ${props.executionMode}`);
  }
  if (props.variables?.length) features.push('variables');
  if (props.source.gitTrigger) features.push('the source\'s trigger');
  for (const [index, stage] of props.stages.entries()) {
    for (const prop of givenConditionProps(stage.conditions)) features.push(`stages[${index}] ("${stage.stageName}") ${prop}`);
  }
  return features;
}

/** Each stage's rules, with where they are, e.g. `stages[1] ("Prod") onSuccess`. */
function rulesOf(stages: readonly IReleaseStage[]): { rule: ConditionRule; stage: IReleaseStage; at: string }[] {
  const rules: { rule: ConditionRule; stage: IReleaseStage; at: string }[] = [];
  for (const [index, stage] of stages.entries()) {
    for (const position of ['beforeEntry', 'onSuccess'] as const) {
      for (const rule of stage.conditions?.[position]?.rules ?? []) {
        rules.push({ rule, stage, at: `stages[${index}] ("${stage.stageName}") ${position}` });
      }
    }
  }
  return rules;
}

function validateRuleNames(where: string, stages: readonly IReleaseStage[]): void {
  const named = new Map<string, string>();
  for (const { rule, at } of rulesOf(stages)) {
    if (rule.ruleName === undefined || Token.isUnresolved(rule.ruleName)) continue;
    const earlier = named.get(rule.ruleName);
    if (earlier) throw new Error(`${where}: rule name "${rule.ruleName}" is used by ${earlier} and ${at}; give each rule its own ruleName.`);
    named.set(rule.ruleName, at);
  }
}

/** A CloudWatchAlarm rule reads an alarm as the pipeline role, in the pipeline's account and region. */
function validateAlarmPlacement(pipelineStack: Stack, where: string, stages: readonly IReleaseStage[]): void {
  for (const { rule, at } of rulesOf(stages)) {
    const alarm = rule.alarm;
    if (!alarm) continue;
    const place = alarmPlace(alarm);
    for (const [what, theirs, ours] of [['account', place.account, pipelineStack.account], ['region', place.region, pipelineStack.region]] as const) {
      if (Token.isUnresolved(theirs) || Token.isUnresolved(ours) || theirs === ours) continue;
      throw new Error(`${where}: ${at} watches alarm ${alarm.node.path} in ${what} ${theirs}, but the rule reads alarms in the pipeline's ${what} ${ours}; create the alarm in ${ours}.`);
    }
  }
}

/** The alarm's account and region: its stack's, or, for an imported alarm, its ARN's. */
function alarmPlace(alarm: cloudwatch.IAlarm): { account: string; region: string } {
  if (!Token.isUnresolved(alarm.alarmArn)) {
    const arn = Arn.split(alarm.alarmArn, ArnFormat.COLON_RESOURCE_NAME);
    if (arn.account !== undefined && arn.region !== undefined) return { account: arn.account, region: arn.region };
  }
  return { account: alarm.env.account, region: alarm.env.region };
}

/**
 * Names each rule without a name of its own `<Provider>-<stage name>` (then `-2`, `-3`, … in one
 * stage), within the API's 100 characters and apart from the names given.
 */
export class RuleNames {
  private readonly used = new Set<string>();

  constructor(stages: readonly IReleaseStage[]) {
    for (const { rule } of rulesOf(stages)) if (rule.ruleName !== undefined) this.used.add(rule.ruleName);
  }

  public nameFor(rule: ConditionRule, stageName: string): string {
    if (rule.ruleName !== undefined) return rule.ruleName;
    const max = V2_LIMITS.ruleName.maxLength;
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : `-${n}`;
      const name = `${rule.provider}-${stageName}`.slice(0, max - suffix.length) + suffix;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

/**
 * Lets the pipeline role read the alarms its CloudWatchAlarm rules watch (`cloudwatch:DescribeAlarms`
 * on each alarm). A composite alarm is only returned to a caller allowed on `*`, so a composite alarm
 * defined in the app makes the grant `*`. A DeploymentWindow rule needs no permission.
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_DescribeAlarms.html
 */
export function grantRuleReads(role: iam.IRole, stages: readonly IReleaseStage[]): void {
  const alarms = [...new Set(rulesOf(stages).map(({ rule }) => rule.alarm).filter((a): a is cloudwatch.IAlarm => a !== undefined))];
  if (alarms.length === 0) return;
  const composite = alarms.some((alarm) => {
    const resource = alarm.node.defaultChild;
    return resource !== undefined && cloudwatch.CfnCompositeAlarm.isCfnCompositeAlarm(resource);
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['cloudwatch:DescribeAlarms'],
    resources: composite ? ['*'] : alarms.map((alarm) => alarm.alarmArn),
  }));
}
