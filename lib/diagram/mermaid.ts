import { ActionModel, PipelineModel } from '../model/pipeline-model';
import { forMarkdown, forMermaid } from '../output';
import { isApprovalGate, kindOf, PipelinePlace, placeOf, targetOf, textOf, touchedParts } from './describe';
import { drawnRows, hiddenActionsText } from './drawn-actions';
import { drawnStages, hiddenStagesText } from './drawn-stages';
import { actionNotes, disabledTransitionsByStage, pipelineNotes, stageMarks } from './marks';
import { pipelineTitle } from './layout';

/**
 * Renders a pipeline as a Mermaid flowchart (GitHub and most Markdown viewers draw it): one subgraph
 * per stage, left to right; inside a stage, each run order's actions link to the next run order's.
 * Approval gates are hexagons with the `gate` class. What V2 declares is text in dashed `note` nodes: one
 * before the first stage (execution mode, variables, triggers) and one at the top of a stage
 * (conditions, failure handling, a disabled transition), each tied in place by an invisible link.
 * At most 100 stages are drawn, then one node says how many more there are.
 *
 * Node and subgraph ids are generated from positions (`S1A0`, `S1J2`), never from names, and every
 * name is a quoted label written with {@link label}: a name cannot add a statement to the chart.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html
 */
export function pipelineMermaid(pipeline: PipelineModel): string {
  const lines = ['flowchart LR'];
  const gates: string[] = [];
  const junctions: string[] = [];
  const notes: string[] = [];
  const stageIds: string[] = [];
  const shown = drawnStages(pipeline);
  const place = placeOf(pipeline);
  const pipelineNote = pipelineNotes(pipeline, new Set(shown.stages.map((stage) => textOf(stage.name) ?? '?')));
  if (pipelineNote.length > 0) {
    lines.push(`  P["${pipelineNote.map(forMermaid).join('<br/>')}"]`);
    notes.push('P');
  }
  const disabled = disabledTransitionsByStage(pipeline);
  for (const [s, stage] of shown.stages.entries()) {
    const stageId = `S${s}`;
    stageIds.push(stageId);
    const name = textOf(stage.name) ?? '?';
    lines.push(`  subgraph ${stageId}["${forMermaid(name)}"]`);
    lines.push('    direction TB');
    const marks = stageMarks(stage, disabled.get(name));
    if (marks.length > 0) {
      lines.push(`    ${stageId}N["${marks.map(forMermaid).join('<br/>')}"]`);
      notes.push(`${stageId}N`);
    }
    const { rows, hidden } = drawnRows(stage.actions);
    const drawn = new Set(rows.flat());
    const ids = new Map<ActionModel, string>();
    // Nodes in declaration order, so that the chart reads like the pipeline's definition.
    for (const [a, action] of stage.actions.entries()) {
      if (!drawn.has(action)) continue;
      const id = `${stageId}A${a}`;
      ids.set(action, id);
      const text = actionLabel(action, place);
      lines.push(isApprovalGate(action) ? `    ${id}{{"${text}"}}` : `    ${id}["${text}"]`);
      if (isApprovalGate(action)) gates.push(id);
    }
    const idRows = rows.map((row) => row.map((action) => ids.get(action)!));
    if (hidden > 0) {
      const id = `${stageId}H`;
      lines.push(`    ${id}["${forMermaid(hiddenActionsText(hidden))}"]`);
      idRows.push([id]);
    }
    // An invisible link puts the marks above the first run order.
    if (marks.length > 0 && idRows.length > 0) lines.push(`    ${stageId}N ~~~ ${idRows[0][0]}`);
    linkRows(stageId, idRows, lines, junctions);
    lines.push('  end');
  }
  if (shown.hidden > 0) {
    lines.push(`  SH["${forMermaid(hiddenStagesText(shown.hidden))}"]`);
    stageIds.push('SH');
  }
  if (pipelineNote.length > 0 && stageIds.length > 0) lines.push(`  P ~~~ ${stageIds[0]}`);
  for (let s = 1; s < stageIds.length; s++) lines.push(`  ${stageIds[s - 1]} --> ${stageIds[s]}`);
  if (gates.length > 0) {
    lines.push('  classDef gate fill:#fff4e0,stroke:#c45500,stroke-width:2px,stroke-dasharray:6 3');
    lines.push(`  class ${gates.join(',')} gate`);
  }
  if (junctions.length > 0) {
    lines.push('  classDef junction fill:#545b64,stroke:#545b64');
    lines.push(`  class ${junctions.join(',')} junction`);
  }
  if (notes.length > 0) {
    lines.push('  classDef note fill:#ffffff,stroke:#879596,stroke-dasharray:2 3');
    lines.push(`  class ${notes.join(',')} note`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Links each row of a stage to the next. Linking every action of one row to every action of the next
 * draws rows × rows edges (two rows of 3,000 actions: 9 million lines); where both rows have several
 * actions they meet at one small junction node instead, so the edges grow with the actions, and a
 * reader sees the same thing: all of one row runs before any of the next.
 */
function linkRows(stageId: string, rows: readonly (readonly string[])[], lines: string[], junctions: string[]): void {
  for (let r = 1; r < rows.length; r++) {
    const from = rows[r - 1];
    const to = rows[r];
    if (from.length > 1 && to.length > 1) {
      const junction = `${stageId}J${r}`;
      junctions.push(junction);
      lines.push(`    ${junction}((" "))`);
      for (const id of from) lines.push(`    ${id} --> ${junction}`);
      for (const id of to) lines.push(`    ${junction} --> ${id}`);
    } else {
      for (const a of from) for (const b of to) lines.push(`    ${a} --> ${b}`);
    }
  }
}

/**
 * A Markdown document with the pipeline's Mermaid flowchart, as written beside the templates: per
 * pipeline, one heading (Markdown text, so a name is shown and never read as HTML or a code fence)
 * and one fenced block.
 */
export function pipelineMarkdown(pipelines: readonly PipelineModel[]): string {
  return pipelines
    .map((pipeline) => `## Pipeline ${forMarkdown(pipelineTitle(pipeline))}\n\n\`\`\`mermaid\n${pipelineMermaid(pipeline)}\`\`\`\n`)
    .join('\n');
}

function actionLabel(action: ActionModel, pipeline: PipelinePlace): string {
  const parts = [`<b>${forMermaid(textOf(action.name) ?? '?')}</b>`, forMermaid(kindOf(action))];
  parts.push(isApprovalGate(action) ? 'approval gate' : `@ ${forMermaid(targetOf(action, pipeline))}`);
  for (const part of touchedParts(action)) parts.push(forMermaid(part));
  for (const note of actionNotes(action)) parts.push(forMermaid(note));
  return parts.join('<br/>');
}
