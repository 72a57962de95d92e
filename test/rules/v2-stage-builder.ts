/**
 * Builds the V2 parts of stages and actions for rule tests, on top of builder.ts: stage conditions
 * with their rules, and Commands actions. Every helper starts from a valid default, so
 * `conditionsPipeline()` alone is a valid pipeline with an entry, a success and a failure condition on
 * its Deploy stage, and yields no findings.
 */
import {
  ActionModel,
  ConditionModel,
  EnvironmentVariableModel,
  FailureConditionsModel,
  Maybe,
  PipelineModel,
  RuleModel,
  RuleTypeIdModel,
  StageModel,
} from '../../lib/model/pipeline-model';
import { PipelineProps, cfnDeploy, pipeline, s3Source, stage } from './builder';

/** The user-guide pages the V2 stage rules cite, written out here so that a changed citation fails a test. */
export const V2_SOURCE = {
  STAGE_CONDITIONS: 'CodePipeline user guide, Configure conditions for a stage',
  RULE_REFERENCE: 'CodePipeline user guide, CodePipeline rule reference',
  STAGE_ROLLBACK: 'CodePipeline user guide, Configuring stage rollback',
  EXECUTION_MODES: 'CodePipeline user guide, Set or change the pipeline execution mode',
  COMMANDS: 'CodePipeline user guide, Commands action reference',
  VARIABLES: 'CodePipeline user guide, Variables reference',
} as const;

export interface RuleProps {
  readonly type?: Partial<RuleTypeIdModel>;
  /** Replaces the default configuration of the provider. */
  readonly configuration?: RuleModel['configuration'];
  readonly commands?: readonly Maybe<string>[];
  readonly timeoutInMinutes?: Maybe<number | string>;
}

/** A valid configuration for each documented rule provider. */
const CONFIGURATION: Readonly<Record<string, RuleModel['configuration']>> = {
  CloudWatchAlarm: { AlarmName: 'app-errors' },
  CodeBuild: { ProjectName: 'smoke-tests' },
  Commands: {},
  DeploymentWindow: { Cron: '0 0 9-17 ? * MON-FRI *', TimeZone: 'UTC' },
  LambdaInvoke: { FunctionName: 'check-health' },
  VariableCheck: { Variable: '#{SourceVariables.BranchName}', Value: 'main', Operator: 'EQ' },
};

/** A condition rule of `provider` (category Rule, owner AWS, version 1) with a valid configuration. */
export function conditionRule(name: Maybe<string>, provider: Maybe<string> = 'CloudWatchAlarm', props: RuleProps = {}): RuleModel {
  const model: RuleModel = {
    name,
    ruleTypeId: { category: 'Rule', owner: 'AWS', provider, version: '1', ...props.type },
    configuration: props.configuration ?? (typeof provider === 'string' ? CONFIGURATION[provider] ?? {} : {}),
    inputArtifacts: [],
    commands: props.commands ?? (provider === 'Commands' ? ['./smoke-test.sh'] : undefined),
    timeoutInMinutes: props.timeoutInMinutes,
  };
  return Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined)) as unknown as RuleModel;
}

/** `count` CloudWatchAlarm rules named Alarm1…. */
export function alarmRules(count: number): RuleModel[] {
  return Array.from({ length: count }, (_, i) => conditionRule(`Alarm${i + 1}`));
}

export function condition(result: Maybe<string> | undefined, ...rules: RuleModel[]): ConditionModel {
  return result === undefined ? { rules } : { result, rules };
}

export interface StageConditionsProps {
  readonly beforeEntry?: readonly ConditionModel[];
  readonly onSuccess?: readonly ConditionModel[];
  readonly onFailure?: FailureConditionsModel;
}

/** The stage with the conditions given. */
export function withConditions(base: StageModel, props: StageConditionsProps): StageModel {
  return {
    ...base,
    ...(props.beforeEntry ? { beforeEntry: { conditions: props.beforeEntry } } : {}),
    ...(props.onSuccess ? { onSuccess: { conditions: props.onSuccess } } : {}),
    ...(props.onFailure ? { onFailure: props.onFailure } : {}),
  };
}

/** Enter only within a deployment window; roll back when an alarm fires after, or when the stage fails. */
export const VALID_CONDITIONS: StageConditionsProps = {
  beforeEntry: [condition('FAIL', conditionRule('Window', 'DeploymentWindow'))],
  onSuccess: [condition('ROLLBACK', conditionRule('Alarm'))],
  onFailure: { result: 'ROLLBACK' },
};

export interface ConditionsPipelineProps extends PipelineProps {
  readonly executionMode?: Maybe<string>;
  readonly malformed?: PipelineModel['malformed'];
}

/** A V2 pipeline: an S3 source stage and a CloudFormation Deploy stage with the conditions given (default: valid ones). */
export function conditionsPipeline(conditions: StageConditionsProps = VALID_CONDITIONS, props: ConditionsPipelineProps = {}): PipelineModel {
  const model = pipeline({ stages: [stage('Source', s3Source()), withConditions(stage('Deploy', cfnDeploy()), conditions)], ...props });
  return {
    ...model,
    pipelineType: 'V2',
    ...(props.executionMode !== undefined ? { executionMode: props.executionMode } : {}),
    ...(props.malformed !== undefined ? { malformed: props.malformed } : {}),
  };
}

export interface CommandsProps {
  readonly type?: Partial<ActionModel['actionTypeId']>;
  /** null leaves commands out. */
  readonly commands?: readonly Maybe<string>[] | null;
  readonly outputVariables?: readonly Maybe<string>[];
  readonly environmentVariables?: readonly EnvironmentVariableModel[];
  readonly inputs?: readonly Maybe<string>[];
  readonly outputs?: readonly Maybe<string>[];
  readonly namespace?: Maybe<string>;
}

/** A Commands action (category Compute) running `npm test` on "Source". */
export function commands(name: Maybe<string> = 'Test', props: CommandsProps = {}): ActionModel {
  const model: ActionModel = {
    name,
    actionTypeId: { category: 'Compute', owner: 'AWS', provider: 'Commands', version: '1', ...props.type },
    configuration: {},
    inputArtifacts: (props.inputs ?? ['Source']).map((n) => ({ name: n })),
    outputArtifacts: (props.outputs ?? []).map((n) => ({ name: n })),
    commands: props.commands === null ? undefined : (props.commands ?? ['npm ci', 'npm test']),
    outputVariables: props.outputVariables,
    environmentVariables: props.environmentVariables,
    namespace: props.namespace,
  };
  return Object.fromEntries(Object.entries(model).filter(([, v]) => v !== undefined)) as unknown as ActionModel;
}

/** A V2 pipeline: an S3 source stage and a Test stage of the actions given. */
export function testStagePipeline(...actions: ActionModel[]): PipelineModel {
  return { ...pipeline({ stages: [stage('Source', s3Source()), stage('Test', ...actions)] }), pipelineType: 'V2' };
}

/** `count` strings of `length` characters each. */
export function texts(count: number, length = 1): string[] {
  return Array.from({ length: count }, (_, i) => `${i}`.padEnd(length, 'x').slice(0, length));
}
