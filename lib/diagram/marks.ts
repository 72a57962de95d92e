import { ActionModel, PipelineModel, StageModel } from '../model/pipeline-model';
import { textOf } from './describe';
import {
  commandsText,
  conditionsAt,
  disabledTransitionText,
  failureResultText,
  outputVariablesText,
  resultSuffix,
  ruleText,
  rulesOf,
  triggerTexts,
  variableText,
} from './describe-v2';

/**
 * The short lines a diagram adds for what V2 declares: notes on the pipeline (execution mode,
 * variables, triggers), marks on a stage (a disabled transition into it, entry and success conditions,
 * what it does on failure) and lines on an action (a Commands action's commands, exported and
 * environment variables). Both renderers use them, so the SVG and the Mermaid chart say the same.
 * Each list is bounded, as the actions and stages are: a diagram is a picture, the summary is the
 * full text.
 */

/** Most notes a pipeline, or marks a stage, draws before one line says how many more there are. */
export const MAX_DRAWN_MARKS = 8;

/** Most commands an action box lists. */
export const MAX_DRAWN_COMMANDS = 3;

/** The first `max` lines, then `… and N more <noun>s` for the rest. */
export function capped(lines: readonly string[], max: number, noun: string): string[] {
  if (lines.length <= max) return [...lines];
  const more = lines.length - (max - 1);
  return [...lines.slice(0, max - 1), `… and ${more} more ${noun}${more === 1 ? '' : 's'}`];
}

/**
 * The pipeline's notes, drawn under its title: the execution mode, each variable, each trigger filter,
 * and any disabled transition into a stage the diagram does not draw (one into a drawn stage is a mark
 * on that stage).
 */
export function pipelineNotes(pipeline: PipelineModel, drawnStageNames: ReadonlySet<string>): string[] {
  const notes: string[] = [];
  if (pipeline.executionMode !== undefined) notes.push(`execution mode: ${textOf(pipeline.executionMode)}`);
  for (const variable of pipeline.variables ?? []) notes.push(`variable ${variableText(variable)}`);
  for (const trigger of pipeline.triggers ?? []) notes.push(...triggerTexts(trigger).map((text) => `trigger ${text}`));
  for (const transition of pipeline.disabledInboundTransitions ?? []) {
    if (!drawnStageNames.has(textOf(transition.stageName) ?? '')) notes.push(`transition ${disabledTransitionText(transition)}`);
  }
  return capped(notes, MAX_DRAWN_MARKS, 'note');
}

/** Disabled transitions by the name of the stage they lead into, for {@link stageMarks}. */
export function disabledTransitionsByStage(pipeline: PipelineModel): Map<string, string[]> {
  const byStage = new Map<string, string[]>();
  for (const transition of pipeline.disabledInboundTransitions ?? []) {
    const name = textOf(transition.stageName);
    if (name === undefined) continue;
    const reasons = byStage.get(name) ?? [];
    reasons.push(textOf(transition.reason) ?? '');
    byStage.set(name, reasons);
  }
  return byStage;
}

/**
 * A stage's marks, in the order a run meets them: `⊘ transition in disabled: <reason>`,
 * `▶ enter: <rule> -> FAIL`, `✓ then: <rule> -> ROLLBACK`, `↺ rollback on failure` (or
 * `↻ retry on failure: FAILED_ACTIONS`, `on failure: FAIL`) and `on failure: <rule> -> <result>`.
 */
export function stageMarks(stage: StageModel, disabledReasons: readonly string[] = []): string[] {
  const marks = disabledReasons.map((reason) => `⊘ transition in disabled${reason === '' ? '' : `: ${reason}`}`);
  const ruleMarks = (kind: 'beforeEntry' | 'onSuccess' | 'onFailure', label: string) => {
    for (const condition of conditionsAt(stage, kind)) {
      const rules = rulesOf(condition);
      if (rules.length === 0) marks.push(`${label}: (no rules)${resultSuffix(condition)}`);
      for (const rule of rules) marks.push(`${label}: ${ruleText(rule)}${resultSuffix(condition)}`);
    }
  };
  ruleMarks('beforeEntry', '▶ enter');
  ruleMarks('onSuccess', '✓ then');
  if (stage.onFailure) marks.push(failureMark(stage.onFailure));
  ruleMarks('onFailure', 'on failure');
  return capped(marks, MAX_DRAWN_MARKS, 'condition');
}

function failureMark(onFailure: NonNullable<StageModel['onFailure']>): string {
  const result = textOf(onFailure.result);
  const mode = textOf(onFailure.retryMode);
  if (result === 'ROLLBACK' && mode === undefined) return '↺ rollback on failure';
  if (result === 'RETRY') return `↻ retry on failure${mode === undefined ? '' : `: ${mode}`}`;
  return `on failure: ${failureResultText(onFailure)}`;
}

/** What a Commands action runs and exports: `$ npm ci`, …, `exports: REPORT`, `env: STAGE, API_TOKEN`. */
export function actionNotes(action: ActionModel): string[] {
  const notes: string[] = [];
  if (action.commands !== undefined) {
    const commands = action.commands.length > 0 ? action.commands.map((c) => `$ ${commandsText([c])}`) : ['$ (no commands)'];
    notes.push(...capped(commands, MAX_DRAWN_COMMANDS, 'command'));
  }
  if (action.outputVariables !== undefined) notes.push(`exports: ${outputVariablesText(firstNames(action.outputVariables))}${more(action.outputVariables)}`);
  const environment = action.environmentVariables ?? [];
  // Names only: a value may be a credential, and the summary shows (or masks) the values.
  if (environment.length > 0) notes.push(`env: ${firstNames(environment).map((v) => textOf(v.name) ?? '?').join(', ')}${more(environment)}`);
  return notes;
}

/** Most names a line of exported or environment variables lists: the quota is 15 and 10. */
const MAX_NAMES = 15;

function firstNames<T>(list: readonly T[]): readonly T[] {
  return list.length > MAX_NAMES ? list.slice(0, MAX_NAMES) : list;
}

function more(list: readonly unknown[]): string {
  return list.length > MAX_NAMES ? ` … and ${list.length - MAX_NAMES} more` : '';
}
