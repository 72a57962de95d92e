import { ActionModel, PipelineModel } from '../model/pipeline-model';
import { isApprovalGate, kindOf, targetOf, textOf, touchedParts } from './describe';
import { pipelineTitle, rowsByRunOrder } from './layout';

/**
 * Renders a pipeline as a Mermaid flowchart (GitHub and most Markdown viewers draw it): one subgraph
 * per stage, left to right; inside a stage, each run order's actions link to the next run order's.
 * Approval gates are hexagons with the `gate` class.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html
 */
export function pipelineMermaid(pipeline: PipelineModel): string {
  const lines = ['flowchart LR'];
  const gates: string[] = [];
  const stageIds: string[] = [];
  for (const [s, stage] of pipeline.stages.entries()) {
    const stageId = `S${s}`;
    stageIds.push(stageId);
    lines.push(`  subgraph ${stageId}["${escapeMermaid(textOf(stage.name) ?? '?')}"]`);
    lines.push('    direction TB');
    const ids = new Map<ActionModel, string>();
    for (const [a, action] of stage.actions.entries()) {
      const id = `${stageId}A${a}`;
      ids.set(action, id);
      const label = actionLabel(action);
      lines.push(isApprovalGate(action) ? `    ${id}{{"${label}"}}` : `    ${id}["${label}"]`);
      if (isApprovalGate(action)) gates.push(id);
    }
    const rows = rowsByRunOrder(stage.actions);
    for (let r = 1; r < rows.length; r++) {
      for (const from of rows[r - 1]) for (const to of rows[r]) lines.push(`    ${ids.get(from)} --> ${ids.get(to)}`);
    }
    lines.push('  end');
  }
  for (let s = 1; s < stageIds.length; s++) lines.push(`  ${stageIds[s - 1]} --> ${stageIds[s]}`);
  if (gates.length > 0) {
    lines.push('  classDef gate fill:#fff4e0,stroke:#c45500,stroke-width:2px,stroke-dasharray:6 3');
    lines.push(`  class ${gates.join(',')} gate`);
  }
  return lines.join('\n') + '\n';
}

/** A Markdown document with the pipeline's Mermaid flowchart, as written beside the templates. */
export function pipelineMarkdown(pipelines: readonly PipelineModel[]): string {
  return pipelines
    .map((pipeline) => `## Pipeline ${pipelineTitle(pipeline)}\n\n\`\`\`mermaid\n${pipelineMermaid(pipeline)}\`\`\`\n`)
    .join('\n');
}

function actionLabel(action: ActionModel): string {
  const parts = [`<b>${escapeMermaid(textOf(action.name) ?? '?')}</b>`, escapeMermaid(kindOf(action))];
  parts.push(isApprovalGate(action) ? 'approval gate' : `@ ${escapeMermaid(targetOf(action))}`);
  parts.push(...touchedParts(action).map(escapeMermaid));
  return parts.join('<br/>');
}

/**
 * Mermaid labels in double quotes take entity codes: `#quot;` for a quote, `#35;` for `#`, and HTML
 * entities for `<`, `>` and `&` so that names cannot inject markup.
 */
export function escapeMermaid(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/[\r\n]+/g, ' ');
}
