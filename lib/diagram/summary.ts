import { ActionModel, ArtifactStoreModel, PipelineModel, RuleModel, StageModel } from '../model/pipeline-model';
import { forTerminal } from '../output';
import { artifactNames, isApprovalGate, kindOf, PipelinePlace, placeOf, roleNameOf, runOrderText, runsWithPipeline, spansRegions, targetOf, textOf, touchesOf } from './describe';
import {
  CONDITION_PLACES,
  commandsText,
  conditionsAt,
  disabledTransitionText,
  failureResultText,
  inRuleText,
  outputVariablesText,
  resultSuffix,
  ruleHeadline,
  rulesOf,
  triggerTexts,
  variableText,
} from './describe-v2';
import { pipelineTitle } from './layout';

/**
 * A compact text of a pipeline for snapshot tests and code review: stages, actions in run order,
 * artifacts, target accounts and roles, every configuration value — and no hashes or generated
 * logical-ID suffixes, so that a diff shows only changes to the release process itself.
 *
 *     Pipeline Release (role: PipelineRole, artifact store: S3 Ref(ArtifactsBucket) (KMS GetAtt(ArtifactsKey.Arn)))
 *       Stage Source
 *         1 Source  S3  -> out: SourceOutput
 *             S3Bucket=Ref(SourceBucket)
 *             S3ObjectKey=source.zip
 *
 * What V2 adds is one line per fact: the execution mode, each variable, each trigger filter and each
 * disabled transition under the pipeline; under a stage, what it does on failure and one line per rule
 * of its conditions; under an action, its commands, output variables and environment variables.
 *
 *       execution mode: QUEUED
 *       variable Env = test (the target environment)
 *       trigger on Source: push branches main, release/*; file paths !docs/**
 *       Stage Prod
 *         before entry: Window  DeploymentWindow cron(0 9 ? * MON-FRI *) Europe/Berlin -> FAIL
 *         on failure: ROLLBACK
 */
export function summarizePipeline(pipeline: PipelineModel): string {
  const lines = [`Pipeline ${pipelineTitle(pipeline)} (${pipelineFacts(pipeline).join(', ')})`];
  if (pipeline.unresolvedParts?.length) lines.push(`  only known at deploy time: ${pipeline.unresolvedParts.join(', ')}`);
  lines.push(...pipelineV2Lines(pipeline).map((line) => `  ${line}`));
  const place = placeOf(pipeline);
  for (const stage of pipeline.stages) {
    lines.push(`  Stage ${textOf(stage.name) ?? '?'}`);
    for (const line of stageLines(stage)) lines.push(`    ${line}`);
    for (const action of inRunOrder(stage.actions)) {
      lines.push(`    ${actionHeadline(action, place)}`);
      for (const detail of actionDetails(action)) lines.push(`        ${detail}`);
    }
  }
  // Each entry is one line by construction: a line break (or any control character) in it came from a
  // value, and is shown as a visible escape, so a name cannot forge a line of the summary.
  return lines.map(forTerminal).join('\n') + '\n';
}

function pipelineFacts(pipeline: PipelineModel): string[] {
  const facts: string[] = [];
  if (pipeline.pipelineType !== undefined) facts.push(`type: ${textOf(pipeline.pipelineType)}`);
  // Actions without a region land in the pipeline's: named once the pipeline has actions elsewhere.
  if (pipeline.context.region !== undefined && spansRegions(pipeline)) facts.push(`region: ${pipeline.context.region}`);
  facts.push(`role: ${roleNameOf(pipeline.roleArn) ?? 'none'}`);
  if (pipeline.artifactStore) facts.push(`artifact store: ${storeText(pipeline.artifactStore)}`);
  for (const [region, store] of Object.entries(pipeline.artifactStores ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    facts.push(`artifact store ${region}: ${storeText(store)}`);
  }
  return facts;
}

/** The pipeline's own V2 facts, one a line, in the order of the declaration's members. */
function pipelineV2Lines(pipeline: PipelineModel): string[] {
  const lines: string[] = [];
  if (pipeline.executionMode !== undefined) lines.push(`execution mode: ${textOf(pipeline.executionMode)}`);
  for (const variable of pipeline.variables ?? []) lines.push(`variable ${variableText(variable)}`);
  for (const trigger of pipeline.triggers ?? []) lines.push(...triggerTexts(trigger).map((text) => `trigger ${text}`));
  for (const transition of pipeline.disabledInboundTransitions ?? []) lines.push(`transition ${disabledTransitionText(transition)}`);
  return lines;
}

/**
 * A stage's conditions (entry, success, failure, as a run meets them) and failure handling: one line
 * per rule, `before entry: <rule name>  <what it checks> -> <result when not met>`, with the rule's
 * other configuration, role, commands and timeout on lines of their own below it.
 */
function stageLines(stage: StageModel): string[] {
  const lines: string[] = [];
  for (const { kind, label } of CONDITION_PLACES) {
    if (kind === 'onFailure' && stage.onFailure) lines.push(`${label}: ${failureResultText(stage.onFailure)}`);
    for (const condition of conditionsAt(stage, kind)) {
      const rules = rulesOf(condition);
      if (rules.length === 0) lines.push(`${label}: (no rules)${resultSuffix(condition)}`);
      for (const rule of rules) {
        lines.push(`${label}: ${textOf(rule.name) ?? '?'}  ${ruleHeadline(rule)}${resultSuffix(condition)}`);
        for (const detail of ruleDetails(rule)) lines.push(`    ${detail}`);
      }
    }
  }
  return lines;
}

function ruleDetails(rule: RuleModel): string[] {
  const details: string[] = [];
  if (rule.roleArn !== undefined) details.push(`role: ${roleNameOf(rule.roleArn)}`);
  details.push(...configurationLines(rule.configuration ?? {}, (key) => inRuleText(rule, key)));
  if (rule.commands !== undefined) details.push(`commands: ${commandsText(rule.commands)}`);
  if (rule.timeoutInMinutes !== undefined) details.push(`timeout: ${textOf(rule.timeoutInMinutes)} min`);
  return details;
}

function storeText(store: ArtifactStoreModel): string {
  const key = store.encryptionKey ? ` (${textOf(store.encryptionKey.type) ?? 'KMS'} ${textOf(store.encryptionKey.id)})` : '';
  return `${textOf(store.type) ?? '?'} ${textOf(store.location) ?? '?'}${key}`;
}

/** Actions sorted by run order (stable: declaration order within one run order). */
function inRunOrder(actions: readonly ActionModel[]): ActionModel[] {
  const order = (a: ActionModel) => {
    const n = Number(runOrderText(a));
    return Number.isFinite(n) ? n : Number.POSITIVE_INFINITY;
  };
  return [...actions].sort((a, b) => order(a) - order(b));
}

function actionHeadline(action: ActionModel, pipeline: PipelinePlace): string {
  const parts = [kindOf(action)];
  const touches = touchesOf(action);
  if (touches !== undefined) parts.push(touches);
  if (!isApprovalGate(action) && !runsWithPipeline(action, pipeline)) parts.push(`@ ${targetOf(action, pipeline)}`);
  let headline = `${runOrderText(action)} ${textOf(action.name) ?? '?'}  ${parts.join(' ')}`;
  const inputs = artifactNames(action.inputArtifacts);
  const outputs = artifactNames(action.outputArtifacts);
  if (inputs.length > 0) headline += `  in: ${inputs.join(', ')}`;
  if (outputs.length > 0) headline += `  -> out: ${outputs.join(', ')}`;
  return headline;
}

/** Configuration keys the headline already shows: the stack, the change set and the CloudFormation mode. */
function inHeadline(action: ActionModel, key: string): boolean {
  if (key === 'StackName' || key === 'ChangeSetName') return true;
  return key === 'ActionMode' && textOf(action.actionTypeId.provider) === 'CloudFormation';
}

/** Configuration keys whose values are credentials: shown masked, never in a snapshot. */
const SECRET_KEY = /token|secret|password/i;

function actionDetails(action: ActionModel): string[] {
  const details: string[] = [];
  if (action.roleArn !== undefined) details.push(`role: ${roleNameOf(action.roleArn)}`);
  details.push(...configurationLines(action.configuration, (key) => inHeadline(action, key)));
  if (action.commands !== undefined) details.push(`commands: ${commandsText(action.commands)}`);
  if (action.outputVariables !== undefined) details.push(`output variables: ${outputVariablesText(action.outputVariables)}`);
  for (const variable of action.environmentVariables ?? []) {
    const name = textOf(variable.name) ?? '?';
    details.push(`environment: ${name}=${SECRET_KEY.test(name) ? '****' : (textOf(variable.value) ?? '?')}`);
  }
  if (action.namespace !== undefined) details.push(`namespace: ${textOf(action.namespace)}`);
  if (action.timeoutInMinutes !== undefined) details.push(`timeout: ${textOf(action.timeoutInMinutes)} min`);
  return details;
}

/** One configuration value a line, sorted by key, credentials masked: a change to one value is a one-line diff. */
function configurationLines(configuration: ActionModel['configuration'], shownElsewhere: (key: string) => boolean): string[] {
  return Object.keys(configuration)
    .filter((key) => !shownElsewhere(key))
    .sort()
    .map((key) => `${key}=${SECRET_KEY.test(key) ? '****' : textOf(configuration[key])}`);
}
