import {
  ConditionModel,
  DisabledTransitionModel,
  FailureConditionsModel,
  GitFilterCriteriaModel,
  Maybe,
  PipelineVariableModel,
  RuleModel,
  StageModel,
  TriggerModel,
} from '../model/pipeline-model';
import { artifactNames, textOf } from './describe';

/**
 * Readable text for what V2 adds to a pipeline — execution mode, variables, triggers, disabled
 * transitions, stage conditions and their rules — shared by `pipelineSummary()` and the diagrams,
 * so that a fact reads the same in a snapshot, an SVG and a Mermaid chart. Each function gives plain
 * text; the caller passes it through its medium's escaping.
 */

/** Where a stage declares conditions, in the order a run meets them, with the words a reader sees. */
export const CONDITION_PLACES = [
  { kind: 'beforeEntry', label: 'before entry' },
  { kind: 'onSuccess', label: 'on success' },
  { kind: 'onFailure', label: 'on failure' },
] as const;

export type ConditionKind = (typeof CONDITION_PLACES)[number]['kind'];

/** A list of literal or deploy-time values, comma-separated. */
function listText(values: readonly Maybe<string>[] | undefined): string {
  if (values === undefined || values.length === 0) return '(none)';
  return values.map((value) => textOf(value) ?? '?').join(', ');
}

/** `Env = test (the target environment)`; the default and description only when given. */
export function variableText(variable: PipelineVariableModel): string {
  let text = textOf(variable.name) ?? '?';
  const value = textOf(variable.defaultValue);
  if (value !== undefined) text += ` = ${value === '' ? '""' : value}`;
  const description = textOf(variable.description);
  if (description !== undefined) text += ` (${description})`;
  return text;
}

/** Included patterns as written, excluded ones with a leading `!`: `main, release/*, !release/old`. */
function criteriaText(criteria: GitFilterCriteriaModel): string {
  const patterns = [
    ...(criteria.includes ?? []).map((p) => textOf(p) ?? '?'),
    ...(criteria.excludes ?? []).map((p) => `!${textOf(p) ?? '?'}`),
  ];
  return patterns.length > 0 ? patterns.join(', ') : '(none)';
}

function filterText(kind: string, fields: readonly [string, GitFilterCriteriaModel | undefined][]): string {
  const parts = fields.filter(([, criteria]) => criteria !== undefined).map(([label, criteria]) => `${label} ${criteriaText(criteria!)}`);
  return parts.length > 0 ? `${kind} ${parts.join('; ')}` : kind;
}

/**
 * One text per filter of a trigger, e.g. `on Source: push branches main, release/*; file paths !docs/**`
 * or `on Source: pull request events OPEN, UPDATED; branches main`; a trigger without filters is one
 * text. The provider is named only when it is not the one the service takes (CodeStarSourceConnection).
 */
export function triggerTexts(trigger: TriggerModel): string[] {
  const provider = textOf(trigger.providerType);
  const head = `on ${textOf(trigger.sourceActionName) ?? '?'}${provider === 'CodeStarSourceConnection' ? '' : ` (${provider ?? 'no provider type'})`}`;
  const filters = [
    ...(trigger.push ?? []).map((push) => filterText('push', [['tags', push.tags], ['branches', push.branches], ['file paths', push.filePaths]])),
    ...(trigger.pullRequest ?? []).map((pr) => {
      const events: [string, GitFilterCriteriaModel | undefined] = ['events', pr.events === undefined ? undefined : { includes: pr.events }];
      return filterText('pull request', [events, ['branches', pr.branches], ['file paths', pr.filePaths]]);
    }),
  ];
  return filters.length > 0 ? filters.map((filter) => `${head}: ${filter}`) : [head];
}

/** `into Prod disabled: Change freeze`. */
export function disabledTransitionText(transition: DisabledTransitionModel): string {
  const reason = textOf(transition.reason);
  return `into ${textOf(transition.stageName) ?? '?'} disabled${reason === undefined ? '' : `: ${reason}`}`;
}

/** What a failing stage does: `ROLLBACK`, `RETRY FAILED_ACTIONS`, `FAIL`. */
export function failureResultText(onFailure: FailureConditionsModel): string {
  const result = textOf(onFailure.result) ?? '(no result)';
  const mode = textOf(onFailure.retryMode);
  return mode === undefined ? result : `${result} ${mode}`;
}

/**
 * The configuration keys that say what a rule of each provider checks, in the order they read best;
 * they are part of the rule's one-line text, and the summary lists every other key on its own line.
 */
const KEY_CONFIGURATION: Readonly<Record<string, readonly { key: string; text: (value: string) => string }[]>> = {
  CloudWatchAlarm: [{ key: 'AlarmName', text: (v) => `alarm ${v}` }],
  CodeBuild: [{ key: 'ProjectName', text: (v) => `project ${v}` }],
  DeploymentWindow: [
    { key: 'Cron', text: (v) => `cron(${v})` },
    { key: 'TimeZone', text: (v) => v },
  ],
  LambdaInvoke: [{ key: 'FunctionName', text: (v) => `function ${v}` }],
  VariableCheck: [
    { key: 'Variable', text: (v) => v },
    { key: 'Operator', text: (v) => v },
    { key: 'Value', text: (v) => v },
  ],
};

/** Whether the rule's one-line text ({@link ruleText}) already shows this configuration key. */
export function inRuleText(rule: RuleModel, key: string): boolean {
  const provider = textOf(rule.ruleTypeId.provider);
  return provider !== undefined && (KEY_CONFIGURATION[provider] ?? []).some((entry) => entry.key === key);
}

/** What a rule checks: its provider and key configuration, e.g. `DeploymentWindow cron(0 9 ? * MON-FRI *) Europe/Berlin`. */
export function ruleText(rule: RuleModel): string {
  const provider = textOf(rule.ruleTypeId.provider) ?? '?';
  const configuration = rule.configuration ?? {};
  const parts = [provider];
  for (const { key, text } of KEY_CONFIGURATION[provider] ?? []) {
    const value = textOf(configuration[key]);
    if (value !== undefined) parts.push(text(value));
  }
  return parts.join(' ');
}

/** The rule's one-line text with where it runs and what it reads: `CodeBuild project p @ eu-west-1  in: Src`. */
export function ruleHeadline(rule: RuleModel): string {
  let text = ruleText(rule);
  const region = textOf(rule.region);
  if (region !== undefined) text += ` @ ${region}`;
  const inputs = artifactNames(rule.inputArtifacts ?? []);
  if (inputs.length > 0) text += `  in: ${inputs.join(', ')}`;
  return text;
}

/** What happens when the condition is not met, as ` -> FAIL`, or nothing when the result is not given. */
export function resultSuffix(condition: ConditionModel): string {
  const result = textOf(condition.result);
  return result === undefined ? '' : ` -> ${result}`;
}

/** A condition's rules, or none when the reader found no list. */
export function rulesOf(condition: ConditionModel): readonly RuleModel[] {
  return condition.rules ?? [];
}

/** The conditions a stage declares in one place. */
export function conditionsAt(stage: StageModel, kind: ConditionKind): readonly ConditionModel[] {
  return stage[kind]?.conditions ?? [];
}

/** Commands as one line, in order: `npm ci; npm test`. */
export function commandsText(commands: readonly Maybe<string>[]): string {
  return commands.length > 0 ? commands.map((c) => textOf(c) ?? '?').join('; ') : '(none)';
}

/** Output variable names: `BuildId, Version`. */
export function outputVariablesText(names: readonly Maybe<string>[]): string {
  return listText(names);
}
