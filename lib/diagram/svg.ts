import { PipelineModel } from '../model/pipeline-model';
import { forXml } from '../output';
import { Arrow, DiagramLayout, Rect, TextLine, layoutPipeline } from './layout';

/**
 * Renders a pipeline as a standalone SVG document: no scripts, no external fonts or images, so it
 * opens in any browser or image viewer and renders on GitHub.
 */
export function pipelineSvg(pipeline: PipelineModel): string {
  return renderSvg(layoutPipeline(pipeline));
}

const COLOURS = {
  stageFill: '#f2f3f3',
  stageStroke: '#879596',
  actionFill: '#ffffff',
  actionStroke: '#545b64',
  gateFill: '#fff4e0',
  gateStroke: '#c45500',
  text: '#16191f',
  arrow: '#545b64',
};

export function renderSvg(layout: DiagramLayout): string {
  const { font } = layout;
  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(layout.width)}" height="${n(layout.height)}" ` +
      `viewBox="0 0 ${n(layout.width)} ${n(layout.height)}" font-family="${forXml(font.family)}" ` +
      `font-size="${font.size}" fill="${COLOURS.text}" data-char-width="${font.charWidth}">`,
  );
  out.push(`  <title>${forXml(layout.title.text)}</title>`);
  out.push('  <defs>');
  out.push(
    `    <marker id="arrowhead" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto">` +
      `<path d="M0,0 L10,5 L0,10 z" fill="${COLOURS.arrow}"/></marker>`,
  );
  out.push('  </defs>');
  out.push(`  <rect class="background" x="0" y="0" width="${n(layout.width)}" height="${n(layout.height)}" fill="#ffffff"/>`);
  out.push(`  ${text(layout.title, 'title')}`);
  for (const note of layout.notes) out.push(`  ${text(note, 'note')}`);
  for (const stage of layout.stages) {
    out.push(`  <g class="stage" data-name="${forXml(stage.name)}">`);
    out.push(`    ${rect(stage.rect, COLOURS.stageFill, COLOURS.stageStroke, 6)}`);
    for (const line of stage.title) out.push(`    ${text(line, 'stage-name')}`);
    for (const line of stage.marks) out.push(`    ${text(line, 'stage-mark')}`);
    for (const row of stage.rows) {
      for (const action of row) {
        const gate = action.gate ? ' gate' : '';
        out.push(`    <g class="action${gate}" data-name="${forXml(action.name)}">`);
        out.push(
          `      ${rect(
            action.rect,
            action.gate ? COLOURS.gateFill : COLOURS.actionFill,
            action.gate ? COLOURS.gateStroke : COLOURS.actionStroke,
            4,
            action.gate ? ' stroke-width="2" stroke-dasharray="6 3"' : '',
          )}`,
        );
        for (const line of action.lines) out.push(`      ${text(line)}`);
        out.push('    </g>');
      }
    }
    if (stage.hidden) {
      out.push(`    <g class="hidden-actions" data-count="${stage.hidden.count}">`);
      out.push(`      ${rect(stage.hidden.rect, COLOURS.stageFill, COLOURS.actionStroke, 4, ' stroke-dasharray="2 3"')}`);
      for (const line of stage.hidden.lines) out.push(`      ${text(line)}`);
      out.push('    </g>');
    }
    out.push('  </g>');
  }
  if (layout.hiddenStages) {
    out.push(`  <g class="hidden-stages" data-count="${layout.hiddenStages.count}">`);
    out.push(`    ${rect(layout.hiddenStages.rect, COLOURS.stageFill, COLOURS.stageStroke, 6, ' stroke-dasharray="2 3"')}`);
    for (const line of layout.hiddenStages.lines) out.push(`    ${text(line)}`);
    out.push('  </g>');
  }
  for (const a of layout.arrows) out.push(`  ${arrow(a)}`);
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function rect(r: Rect, fill: string, stroke: string, radius: number, extra = ''): string {
  return (
    `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" rx="${radius}" ` +
    `fill="${fill}" stroke="${stroke}"${extra}/>`
  );
}

function text(line: TextLine, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  const weight = line.bold ? ' font-weight="bold"' : '';
  return `<text${cls} x="${n(line.x)}" y="${n(line.y)}"${weight}>${forXml(line.text)}</text>`;
}

function arrow(a: Arrow): string {
  return (
    `<line class="arrow" x1="${n(a.from.x)}" y1="${n(a.from.y)}" x2="${n(a.to.x)}" y2="${n(a.to.y)}" ` +
    `stroke="${COLOURS.arrow}" stroke-width="1.5" marker-end="url(#arrowhead)"/>`
  );
}

/** Coordinates with at most two decimals, so the output is stable and small. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
