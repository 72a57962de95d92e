import { largeStageDeclaration } from '../../bench/fixtures/large-stage';
import { MAX_DRAWN_ACTIONS_PER_STAGE, drawnRows, rowsByRunOrder } from '../../lib/diagram/drawn-actions';
import { pipelineMarkdown, pipelineMermaid } from '../../lib/diagram/mermaid';
import { pipelineSvg } from '../../lib/diagram/svg';
import { modelFromDeclaration } from '../../lib/model/from-declaration';
import { ActionModel, PipelineModel } from '../../lib/model/pipeline-model';
import { unresolved } from '../../lib/model/values';
import { cloudFormationAction } from './fixtures';
import { expectSound, readSvg } from './svg-geometry';

/** One stage of `count` actions, `perRow` to a run order. */
function stageOf(count: number, perRow: number): PipelineModel {
  const actions = Array.from({ length: count }, (_, i) => cloudFormationAction(`A${i}`, 1 + Math.floor(i / perRow), { ActionMode: 'DELETE_ONLY', StackName: `s${i}` }));
  return { name: 'Large', stages: [{ name: 'Deploy', actions }], context: {}, origin: {} };
}

function names(rows: readonly (readonly ActionModel[])[]): string[][] {
  return rows.map((row) => row.map((action) => String(action.name)));
}

const edges = (chart: string) => chart.split('\n').filter((line) => line.includes(' --> ')).length;

describe('rows by run order', () => {
  test('ascending, declaration order within a run order, deploy-time run orders last', () => {
    const action = (name: string, runOrder: ActionModel['runOrder']) => cloudFormationAction(name, 1, {}, { runOrder });
    const actions = [action('a', 2), action('b', 1), action('c', unresolved({ Ref: 'Order' })), action('d', 1), action('e', undefined)];
    expect(names(rowsByRunOrder(actions))).toEqual([['b', 'd', 'e'], ['a'], ['c']]);
  });
});

describe(`a stage draws at most ${MAX_DRAWN_ACTIONS_PER_STAGE} actions`, () => {
  test('up to the limit every action, then the first ones in run order and a count of the rest', () => {
    expect(drawnRows(stageOf(100, 60).stages[0].actions)).toMatchObject({ hidden: 0 });
    const over = drawnRows(stageOf(103, 60).stages[0].actions);
    expect(over.hidden).toBe(3);
    expect(over.rows.map((row) => row.length)).toEqual([60, 40]);
    expect(over.rows[1][39].name).toBe('A99');
  });

  test('the SVG: 100 boxes, or 100 boxes and one "… and N more actions"', () => {
    const full = readSvg(pipelineSvg(stageOf(100, 100)));
    expect(full.stages[0].actions).toHaveLength(100);
    expect(full.stages[0].hidden).toBeUndefined();

    const one = readSvg(pipelineSvg(stageOf(101, 100)));
    expect(one.stages[0].actions).toHaveLength(100);
    expect(one.stages[0].hidden?.texts.map((t) => t.text)).toEqual(['… and 1 more action']);
    expectSound(one);

    const many = readSvg(pipelineSvg(stageOf(250, 10)));
    expect(many.stages[0].actions.map((a) => a.name)).toEqual(Array.from({ length: 100 }, (_, i) => `A${i}`));
    expect(many.stages[0].hidden?.texts.map((t) => t.text)).toEqual(['… and 150 more actions']);
    // Below the last drawn row, inside the stage.
    const lastRow = many.stages[0].actions[99].box;
    expect(many.stages[0].hidden!.box.y).toBeGreaterThan(lastRow.y + lastRow.height);
    expectSound(many);
  });

  test('the Mermaid chart: the same 100 actions, then one node for the rest', () => {
    const chart = pipelineMermaid(stageOf(101, 100));
    expect(chart.match(/^ {4}S0A\d+\[/gm)).toHaveLength(100);
    expect(chart).not.toContain('S0A100');
    expect(chart).toContain('    S0H["… and 1 more action"]\n');
    expect(chart).toContain('    S0A99 --> S0H\n');
  });
});

describe('run orders meet at a junction, so the edges grow with the actions', () => {
  test('two parallel rows are linked through one junction node', () => {
    expect(pipelineMermaid(stageOf(4, 2))).toBe(
      [
        'flowchart LR',
        '  subgraph S0["Deploy"]',
        '    direction TB',
        '    S0A0["<b>A0</b><br/>CloudFormation DELETE_ONLY<br/>@ pipeline account<br/>stack=s0"]',
        '    S0A1["<b>A1</b><br/>CloudFormation DELETE_ONLY<br/>@ pipeline account<br/>stack=s1"]',
        '    S0A2["<b>A2</b><br/>CloudFormation DELETE_ONLY<br/>@ pipeline account<br/>stack=s2"]',
        '    S0A3["<b>A3</b><br/>CloudFormation DELETE_ONLY<br/>@ pipeline account<br/>stack=s3"]',
        '    S0J1((" "))',
        '    S0A0 --> S0J1',
        '    S0A1 --> S0J1',
        '    S0J1 --> S0A2',
        '    S0J1 --> S0A3',
        '  end',
        '  classDef junction fill:#545b64,stroke:#545b64',
        '  class S0J1 junction',
        '',
      ].join('\n'),
    );
  });

  test('two rows of 50: 100 edges, not 2,500', () => {
    expect(edges(pipelineMermaid(stageOf(100, 50)))).toBe(100);
    // A row of one links directly: one edge per action of the other row.
    expect(edges(pipelineMermaid(stageOf(51, 50)))).toBe(50);
  });
});

describe('a stage of hundreds of thousands of actions', () => {
  // A spread of this many arguments (`Math.max(...rows)`) throws RangeError.
  const huge = stageOf(331_140, 1);

  test('draws as SVG and Mermaid of bounded size', () => {
    const svg = readSvg(pipelineSvg(huge));
    expect(svg.stages[0].actions).toHaveLength(100);
    expect(svg.stages[0].hidden?.texts.map((t) => t.text)).toEqual(['… and 331040 more actions']);
    const markdown = pipelineMarkdown([huge]);
    expect(markdown).toContain('    S0H["… and 331040 more actions"]\n');
    expect(edges(markdown)).toBe(100);
  });

  test('as read from a declaration file', () => {
    const model = modelFromDeclaration(largeStageDeclaration(40_000, 2), {}, {});
    expect(readSvg(pipelineSvg(model)).stages[1].hidden?.texts.map((t) => t.text)).toEqual(['… and 39900 more actions']);
    // The 100 drawn actions to the rest, and the source stage to this one.
    expect(edges(pipelineMermaid(model))).toBe(101);
  });
});
