import { ActionModel, PipelineModel } from '../model/pipeline-model';
import { runOrderOf } from '../model/walk';
import { isApprovalGate, kindOf, PipelinePlace, placeOf, shortLogicalId, spansRegions, targetOf, textOf, touchedParts } from './describe';
import { drawnRows, hiddenActionsText } from './drawn-actions';
import { drawnStages, hiddenStagesText } from './drawn-stages';
import { actionNotes, disabledTransitionsByStage, pipelineNotes, stageMarks } from './marks';
import { DIAGRAM_FONT, MonospaceFont, charsThatFit, textWidth, truncate, wrap } from './text';

/**
 * Pure geometry of a pipeline diagram, laid out like the CodePipeline console: stages left to right,
 * inside each stage one row per run order (top to bottom), actions that share a run order side by side.
 * Every text line is already cut to fit its box, so the renderers only draw.
 *
 * What V2 declares is drawn as text: notes under the title (execution mode, variables, triggers),
 * marks under a stage's name (conditions, failure handling, a disabled transition), and a Commands
 * action's commands in its box (see `marks.ts`). Every part is bounded — stages, actions per stage,
 * marks — so the drawing grows at most linearly with the pipeline and stays small past the quotas.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface TextLine {
  readonly text: string;
  /** Left edge of the text. */
  readonly x: number;
  /** Baseline of the text. */
  readonly y: number;
  readonly bold?: boolean;
}

export interface ActionBox {
  readonly name: string;
  readonly rect: Rect;
  readonly lines: readonly TextLine[];
  /** A manual approval: the pipeline waits here for a person. */
  readonly gate: boolean;
  /** The run order, or undefined when it is only known at deploy time. */
  readonly runOrder?: number;
}

/** The last box of a stage with more actions than a diagram draws: how many it leaves out. */
export interface HiddenActionsBox {
  readonly count: number;
  readonly rect: Rect;
  readonly lines: readonly TextLine[];
}

/** The box after the last stage of a pipeline with more stages than a diagram draws: how many it leaves out. */
export type HiddenStagesBox = HiddenActionsBox;

export interface StageBox {
  readonly name: string;
  readonly rect: Rect;
  readonly title: readonly TextLine[];
  /** Marks under the name: conditions, what the stage does on failure, a disabled transition into it. */
  readonly marks: readonly TextLine[];
  /** The action rows, in run order; the actions of one row run in parallel. */
  readonly rows: readonly (readonly ActionBox[])[];
  /** Present when the stage has more actions than a diagram draws (see `drawn-actions.ts`). */
  readonly hidden?: HiddenActionsBox;
}

export interface Arrow {
  readonly from: { readonly x: number; readonly y: number };
  readonly to: { readonly x: number; readonly y: number };
}

export interface DiagramLayout {
  readonly title: TextLine;
  /** Notes under the title: the execution mode, variables and triggers. */
  readonly notes: readonly TextLine[];
  readonly width: number;
  readonly height: number;
  readonly font: MonospaceFont;
  readonly stages: readonly StageBox[];
  /** Present when the pipeline has more stages than a diagram draws (see `drawn-stages.ts`). */
  readonly hiddenStages?: HiddenStagesBox;
  /** Stage-to-stage transitions and run-order steps inside a stage. */
  readonly arrows: readonly Arrow[];
}

/** Spacing of the diagram, in px. */
export interface LayoutSpacing {
  readonly margin: number;
  readonly actionWidth: number;
  readonly padding: number;
  readonly actionGap: number;
  readonly rowGap: number;
  readonly stageGap: number;
}

export const DEFAULT_SPACING: LayoutSpacing = {
  margin: 16,
  actionWidth: 272,
  padding: 8,
  actionGap: 12,
  rowGap: 20,
  stageGap: 40,
};

/** The name a diagram shows for a pipeline: its name, or its logical ID without the CDK hash. */
export function pipelineTitle(pipeline: PipelineModel): string {
  const name = textOf(pipeline.name) ?? '(unnamed)';
  return pipeline.nameIsGenerated ? shortLogicalId(name) : name;
}

export function layoutPipeline(
  pipeline: PipelineModel,
  font: MonospaceFont = DIAGRAM_FONT,
  spacing: LayoutSpacing = DEFAULT_SPACING,
): DiagramLayout {
  const { margin, padding, actionWidth, actionGap, rowGap, stageGap } = spacing;
  const lineHeight = font.lineHeight;
  const textTop = padding + font.size;
  const title: TextLine = { text: titleText(pipeline), x: margin, y: margin + font.size, bold: true };
  const shown = drawnStages(pipeline);
  const place = placeOf(pipeline);
  const shownNames = new Set(shown.stages.map((stage) => textOf(stage.name) ?? '?'));
  const notes = pipelineNotes(pipeline, shownNames).map((text, i) => ({ text: truncate(text, MAX_NOTE_CHARS), x: margin, y: title.y + (i + 1) * lineHeight }));
  const top = margin + (1 + notes.length) * lineHeight + margin;
  const disabled = disabledTransitionsByStage(pipeline);

  const stages: StageBox[] = [];
  const arrows: Arrow[] = [];
  let x = margin;
  for (const stage of shown.stages) {
    const drawn = drawnRows(stage.actions);
    const widest = widestRow(drawn.rows);
    const width = widest * actionWidth + (widest - 1) * actionGap + 2 * padding;
    const name = textOf(stage.name) ?? '?';
    const innerChars = charsThatFit(width - 2 * padding, font);
    const titleLines = wrap(name, innerChars, 2);
    const title = titleLines.map((text, i) => ({ text, x: x + padding, y: top + textTop + i * lineHeight, bold: true }));
    const markLines = stageMarks(stage, disabled.get(name)).flatMap((mark) => wrap(mark, innerChars, 2));
    const marks = markLines.map((text, i) => ({ text, x: x + padding, y: top + textTop + (titleLines.length + i) * lineHeight }));
    let y = top + 2 * padding + (titleLines.length + markLines.length) * lineHeight;
    const maxChars = charsThatFit(actionWidth - 2 * padding, font);
    const arrowInto = () => {
      const middle = x + width / 2;
      arrows.push({ from: { x: middle, y: y - rowGap }, to: { x: middle, y } });
    };

    const rows: ActionBox[][] = [];
    for (const row of drawn.rows) {
      const contents = row.map((action) => actionLines(action, maxChars, place));
      let tallest = 0;
      for (const content of contents) tallest = Math.max(tallest, content.length);
      const height = 2 * padding + tallest * lineHeight;
      if (rows.length > 0) arrowInto();
      // Centre narrower rows in the stage, as the console does.
      let left = x + padding + (width - 2 * padding - (row.length * actionWidth + (row.length - 1) * actionGap)) / 2;
      rows.push(
        row.map((action, i) => {
          const rect = { x: left, y, width: actionWidth, height };
          const lines = contents[i].map((line, n) => ({ ...line, x: left + padding, y: y + textTop + n * lineHeight }));
          left += actionWidth + actionGap;
          return { name: textOf(action.name) ?? '?', rect, lines, gate: isApprovalGate(action), runOrder: runOrderOf(action) };
        }),
      );
      y += height + rowGap;
    }
    let hidden: HiddenActionsBox | undefined;
    if (drawn.hidden > 0) {
      if (rows.length > 0) arrowInto();
      const left = x + (width - actionWidth) / 2;
      const line = { text: truncate(hiddenActionsText(drawn.hidden), maxChars), x: left + padding, y: y + textTop };
      hidden = { count: drawn.hidden, rect: { x: left, y, width: actionWidth, height: 2 * padding + lineHeight }, lines: [line] };
      y += hidden.rect.height + rowGap;
    }
    const bottom = rows.length > 0 || hidden ? y - rowGap + padding : y;
    stages.push({ name, rect: { x, y: top, width, height: bottom - top }, title, marks, rows, ...(hidden ? { hidden } : {}) });
    x += width + stageGap;
  }
  let hiddenStages: HiddenStagesBox | undefined;
  if (shown.hidden > 0) {
    const maxChars = charsThatFit(actionWidth - 2 * padding, font);
    const line = { text: truncate(hiddenStagesText(shown.hidden), maxChars), x: x + padding, y: top + textTop };
    hiddenStages = { count: shown.hidden, rect: { x, y: top, width: actionWidth, height: 2 * padding + lineHeight }, lines: [line] };
    x += actionWidth + stageGap;
  }
  const boxes = hiddenStages ? [...stages.map((stage) => stage.rect), hiddenStages.rect] : stages.map((stage) => stage.rect);
  for (let i = 1; i < boxes.length; i++) {
    const from = boxes[i - 1];
    const to = boxes[i];
    const y = top + padding + lineHeight / 2;
    arrows.push({ from: { x: from.x + from.width, y }, to: { x: to.x, y } });
  }

  const contentWidth = boxes.length > 0 ? x - stageGap + margin : 2 * margin;
  let width = Math.max(contentWidth, title.x + textWidth(title.text, font) + margin);
  for (const note of notes) width = Math.max(width, note.x + textWidth(note.text, font) + margin);
  let bottom = top;
  for (const box of boxes) bottom = Math.max(bottom, box.y + box.height);
  const height = bottom + margin;
  return { title, notes, width, height, font, stages, ...(hiddenStages ? { hiddenStages } : {}), arrows };
}

/** Most characters of a note under the title: the canvas widens to fit one, so it is bounded. */
const MAX_NOTE_CHARS = 100;

function titleText(pipeline: PipelineModel): string {
  const note = pipeline.unresolvedParts?.length ? ' (parts only known at deploy time)' : '';
  // Actions without a region land in the pipeline's: named once the pipeline has actions elsewhere.
  const region = pipeline.context.region !== undefined && spansRegions(pipeline) ? ` in ${pipeline.context.region}` : '';
  return `Pipeline ${pipelineTitle(pipeline)}${region}${note}`;
}

/**
 * The most actions in one row, at least 1 (an empty stage is one action wide). Loops, here and
 * throughout the diagrams, rather than `Math.max(...list)`: a spread of some 100,000 items throws.
 */
function widestRow(rows: readonly (readonly ActionModel[])[]): number {
  let widest = 1;
  for (const row of rows) widest = Math.max(widest, row.length);
  return widest;
}

/** The text of an action box: name, kind, then the gate marker or where it runs and what it touches. */
function actionLines(action: ActionModel, maxChars: number, pipeline: PipelinePlace): Omit<TextLine, 'x' | 'y'>[] {
  const lines: Omit<TextLine, 'x' | 'y'>[] = wrap(textOf(action.name) ?? '?', maxChars, 2).map((text) => ({ text, bold: true }));
  lines.push({ text: truncate(kindOf(action), maxChars) });
  if (isApprovalGate(action)) {
    lines.push({ text: truncate('|| approval gate', maxChars), bold: true });
  } else {
    lines.push(...wrap(`@ ${targetOf(action, pipeline)}`, maxChars, 2).map((text) => ({ text })));
  }
  for (const part of touchedParts(action)) lines.push(...wrap(part, maxChars, 2).map((text) => ({ text })));
  for (const note of actionNotes(action)) lines.push({ text: truncate(note, maxChars) });
  if (runOrderOf(action) === undefined) lines.push({ text: truncate(`runOrder ${textOf(action.runOrder)}`, maxChars) });
  return lines;
}
