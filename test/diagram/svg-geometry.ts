import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** What the tests read back from a rendered SVG: boxes and the text lines drawn inside them. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DrawnText {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface DrawnGroup {
  readonly name: string;
  readonly className: string;
  readonly box: Box;
  readonly texts: readonly DrawnText[];
}

export interface DrawnStage extends DrawnGroup {
  readonly actions: readonly DrawnGroup[];
  /** The box that stands for the actions a stage leaves out, when it has more than a diagram draws. */
  readonly hidden?: DrawnGroup;
}

export interface DrawnDiagram {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly charWidth: number;
  readonly title: string;
  /** The notes under the title (execution mode, variables, triggers). */
  readonly notes: readonly DrawnText[];
  readonly stages: readonly DrawnStage[];
  /** The box after the last stage that stands for the stages left out, when there are more than a diagram draws. */
  readonly hiddenStages?: DrawnGroup;
}

type Element = Record<string, unknown>;

/** Parses the SVG (throwing on anything that is not well-formed XML) into its stage and action boxes. */
export function readSvg(svg: string): DrawnDiagram {
  const valid = XMLValidator.validate(svg);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    trimValues: false,
    // Character references (`&#10;`) are decoded as every XML parser does.
    htmlEntities: true,
    isArray: (name) => ['g', 'text', 'rect', 'line'].includes(name),
  });
  const root = (parser.parse(svg) as { svg: Element }).svg;
  const groups = (root.g as Element[]) ?? [];
  const hiddenStages = groups.find((g) => g.class === 'hidden-stages');
  const stages = groups.filter((g) => g !== hiddenStages).map((stage) => {
    const group = groupOf(stage);
    const children = ((stage.g as Element[]) ?? []).map(groupOf);
    const hidden = children.find((g) => g.className === 'hidden-actions');
    return { ...group, actions: children.filter((g) => g !== hidden), ...(hidden ? { hidden } : {}) };
  });
  return {
    width: Number(root.width),
    height: Number(root.height),
    fontSize: Number(root['font-size']),
    charWidth: Number(root['data-char-width']),
    title: String(root.title),
    notes: ((root.text as Element[]) ?? []).filter((t) => t.class === 'note').map(textOf),
    stages,
    ...(hiddenStages ? { hiddenStages: groupOf(hiddenStages) } : {}),
  };
}

function groupOf(element: Element): DrawnGroup {
  const [rect] = element.rect as Element[];
  return {
    name: String(element['data-name']),
    className: String(element.class),
    box: { x: Number(rect.x), y: Number(rect.y), width: Number(rect.width), height: Number(rect.height) },
    texts: ((element.text as Element[]) ?? []).map(textOf),
  };
}

function textOf(t: Element): DrawnText {
  return { text: String(t['#text'] ?? ''), x: Number(t.x), y: Number(t.y) };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Box, inner: Box): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/**
 * The box a line of text occupies, by the diagram's own monospace estimate: a full em above the
 * baseline (y) and a quarter em below it for descenders.
 */
export function textBox(text: DrawnText, diagram: DrawnDiagram): Box {
  const size = diagram.fontSize;
  return { x: text.x, y: text.y - size, width: [...text.text].length * diagram.charWidth, height: size * 1.25 };
}

/** No two boxes overlap, every box is inside its stage and the canvas, and every text fits its box. */
export function expectSound(diagram: DrawnDiagram): void {
  const stageBoxes = [...diagram.stages.map((s) => s.box), ...(diagram.hiddenStages ? [diagram.hiddenStages.box] : [])];
  const actionBoxes = diagram.stages.flatMap((s) => [...s.actions, ...(s.hidden ? [s.hidden] : [])].map((a) => a.box));
  for (const boxes of [stageBoxes, actionBoxes]) {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) expect({ i, j, overlap: overlaps(boxes[i], boxes[j]) }).toEqual({ i, j, overlap: false });
    }
  }
  const canvas = { x: 0, y: 0, width: diagram.width, height: diagram.height };
  // The notes under the title stay on the canvas and above every stage.
  for (const note of diagram.notes) {
    expect({ note: note.text, onCanvas: contains(canvas, textBox(note, diagram)) }).toEqual({ note: note.text, onCanvas: true });
    for (const box of stageBoxes) expect(overlaps(textBox(note, diagram), box)).toBe(false);
  }
  if (diagram.hiddenStages) {
    expect(contains(canvas, diagram.hiddenStages.box)).toBe(true);
    for (const text of diagram.hiddenStages.texts) expect(contains(diagram.hiddenStages.box, textBox(text, diagram))).toBe(true);
  }
  for (const stage of diagram.stages) {
    expect(contains(canvas, stage.box)).toBe(true);
    for (const text of stage.texts) {
      expect({ text: text.text, fits: contains(stage.box, textBox(text, diagram)) }).toEqual({ text: text.text, fits: true });
      for (const action of stage.actions) expect(overlaps(textBox(text, diagram), action.box)).toBe(false);
    }
    for (const action of [...stage.actions, ...(stage.hidden ? [stage.hidden] : [])]) {
      expect(contains(stage.box, action.box)).toBe(true);
      for (const text of action.texts) {
        expect({ text: text.text, fits: contains(action.box, textBox(text, diagram)) }).toEqual({ text: text.text, fits: true });
      }
    }
  }
}
