import { MAX_DRAWN_STAGES, drawnStages } from '../../lib/diagram/drawn-stages';
import { pipelineMarkdown, pipelineMermaid } from '../../lib/diagram/mermaid';
import { pipelineSvg } from '../../lib/diagram/svg';
import { ActionModel, PipelineModel } from '../../lib/model/pipeline-model';
import { cloudFormationAction } from './fixtures';
import { expectSound, readSvg } from './svg-geometry';

/** A pipeline of `count` stages of one action each (one shared action object: the stages are what count). */
function pipelineOf(count: number, extra: Partial<PipelineModel> = {}): PipelineModel {
  const action: ActionModel = cloudFormationAction('Deploy', 1, { ActionMode: 'DELETE_ONLY', StackName: 's' });
  return { name: 'Long', stages: Array.from({ length: count }, (_, i) => ({ name: `S${i}`, actions: [action] })), context: {}, origin: {}, ...extra };
}

const subgraphs = (chart: string) => chart.match(/^ {2}subgraph /gm)?.length ?? 0;

describe(`a diagram draws at most ${MAX_DRAWN_STAGES} stages`, () => {
  test('the first stages, and a count of the rest', () => {
    expect(drawnStages(pipelineOf(100))).toMatchObject({ hidden: 0 });
    const over = drawnStages(pipelineOf(103));
    expect(over.hidden).toBe(3);
    expect(over.stages.map((s) => s.name)).toEqual(Array.from({ length: 100 }, (_, i) => `S${i}`));
  });

  test('the SVG: 100 stages, or 100 stages and one "… and N more stages" box after them', () => {
    const full = readSvg(pipelineSvg(pipelineOf(100)));
    expect(full.stages).toHaveLength(100);
    expect(full.hiddenStages).toBeUndefined();

    const one = readSvg(pipelineSvg(pipelineOf(101)));
    expect(one.stages.map((s) => s.name)).toEqual(Array.from({ length: 100 }, (_, i) => `S${i}`));
    expect(one.hiddenStages?.texts.map((t) => t.text)).toEqual(['… and 1 more stage']);
    const last = one.stages[99].box;
    expect(one.hiddenStages!.box.x).toBeGreaterThan(last.x + last.width);
    expect(one.hiddenStages!.box.y).toBe(last.y);
    expect(one.width).toBeGreaterThan(one.hiddenStages!.box.x + one.hiddenStages!.box.width);
    expectSound(one);
    // An arrow leads from the last drawn stage into the box, at the height of the stage names (48 + 8 + 8).
    const svg = pipelineSvg(pipelineOf(101));
    expect(svg).toContain(`x1="${last.x + last.width}" y1="64" x2="${one.hiddenStages!.box.x}" y2="64"`);

    expect(readSvg(pipelineSvg(pipelineOf(102))).hiddenStages?.texts.map((t) => t.text)).toEqual(['… and 2 more stages']);
  });

  test('the Mermaid chart: 100 subgraphs, or 100 and one "… and N more stages" node linked from the last', () => {
    expect(subgraphs(pipelineMermaid(pipelineOf(100)))).toBe(100);
    expect(pipelineMermaid(pipelineOf(100))).not.toContain('SH');
    const chart = pipelineMermaid(pipelineOf(101));
    expect(subgraphs(chart)).toBe(100);
    expect(chart).not.toContain('S100');
    expect(chart).toContain('\n  SH["… and 1 more stage"]\n');
    expect(chart).toContain('\n  S99 --> SH\n');
  });

  test('a disabled transition into a stage left out is a note on the pipeline', () => {
    const pipeline = pipelineOf(101, { disabledInboundTransitions: [{ stageName: 'S100', reason: 'freeze' }, { stageName: 'S99', reason: 'hold' }] });
    const drawn = readSvg(pipelineSvg(pipeline));
    expect(drawn.notes.map((n) => n.text)).toEqual(['transition into S100 disabled: freeze']);
    expect(drawn.stages[99].texts.map((t) => t.text)).toEqual(['S99', '⊘ transition in disabled: hold']);
  });
});

describe('a pipeline of hundreds of thousands of stages', () => {
  const huge = pipelineOf(331_140);

  test('draws as SVG and Mermaid of bounded size', () => {
    const svg = pipelineSvg(huge);
    expect(svg.length).toBeLessThan(100_000);
    const drawn = readSvg(svg);
    expect(drawn.stages).toHaveLength(100);
    expect(drawn.hiddenStages?.texts.map((t) => t.text)).toEqual(['… and 331040 more stages']);
    const markdown = pipelineMarkdown([huge]);
    expect(markdown.length).toBeLessThan(50_000);
    expect(markdown).toContain('\n  SH["… and 331040 more stages"]\n');
  });
});
