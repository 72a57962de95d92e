import { MAX_DRAWN_MARKS, capped } from '../../lib/diagram/marks';
import { pipelineMermaid } from '../../lib/diagram/mermaid';
import { pipelineSvg } from '../../lib/diagram/svg';
import { PipelineModel, StageModel } from '../../lib/model/pipeline-model';
import { cloudFormationAction, ruleOf, v2Pipeline } from './fixtures';
import { expectSound, readSvg } from './svg-geometry';

const texts = (group: { texts: readonly { text: string }[] }) => group.texts.map((t) => t.text);

describe('the SVG shows what V2 adds', () => {
  const drawn = readSvg(pipelineSvg(v2Pipeline()));

  test('execution mode, variables and each trigger filter as notes under the title', () => {
    expect(drawn.notes.map((n) => n.text)).toEqual([
      'execution mode: QUEUED',
      'variable Env = test (the target environment)',
      'variable Version',
      'trigger on Source: push branches main, release/*; file paths !docs/**',
      'trigger on Source: push tags v*',
      'trigger on Source: pull request events OPEN, UPDATED; branches main',
    ]);
  });

  test('a disabled transition, entry and success conditions and failure handling as marks under the stage name', () => {
    expect(texts(drawn.stages[0])).toEqual(['Source']);
    expect(texts(drawn.stages[1])).toEqual(['Check', '↻ retry on failure: FAILED_ACTIONS']);
    expect(texts(drawn.stages[2])).toEqual([
      'Prod',
      '⊘ transition in disabled: Change',
      'freeze',
      '▶ enter: DeploymentWindow cron(0 9 ?',
      '* MON-FRI *) Europe/Berlin -> FAIL',
      '✓ then: CloudWatchAlarm alarm orders-',
      'errors -> ROLLBACK',
      '✓ then: Commands -> ROLLBACK',
      '↺ rollback on failure',
    ]);
  });

  test('a Commands action box lists its first commands, its exports and its environment variable names', () => {
    expect(texts(drawn.stages[1].actions[0])).toEqual([
      'Test',
      'Commands',
      '@ pipeline account',
      '$ npm ci',
      '$ npm test',
      '… and 2 more commands',
      'exports: REPORT',
      'env: STAGE, API_TOKEN',
    ]);
  });

  test('marks sit between the stage name and the first action; no box overlaps, every text fits', () => {
    expectSound(drawn);
    const prod = drawn.stages[2];
    const lastMark = prod.texts[prod.texts.length - 1];
    expect(prod.actions[0].box.y).toBeGreaterThan(lastMark.y);
    const lastNote = drawn.notes[drawn.notes.length - 1];
    for (const stage of drawn.stages) expect(stage.box.y).toBeGreaterThan(lastNote.y);
  });

  test('a pipeline without V2 parts draws no notes and no marks', () => {
    const plain = readSvg(pipelineSvg({ ...v2Pipeline(), executionMode: undefined, variables: undefined, triggers: undefined, disabledInboundTransitions: undefined, stages: [{ name: 'Only', actions: [] }] }));
    expect(plain.notes).toEqual([]);
    expect(texts(plain.stages[0])).toEqual(['Only']);
  });

  test('a disabled transition into a stage the diagram does not have is a note', () => {
    const pipeline: PipelineModel = { ...v2Pipeline(), disabledInboundTransitions: [{ stageName: 'Nowhere', reason: 'gone' }] };
    expect(readSvg(pipelineSvg(pipeline)).notes.map((n) => n.text)).toContain('transition into Nowhere disabled: gone');
  });

  test('values are escaped as XML and long notes are cut to 100 characters', () => {
    const pipeline: PipelineModel = {
      name: 'P',
      variables: [{ name: '<v>&"', defaultValue: 'x'.repeat(300) }],
      stages: [{ name: 'S', beforeEntry: { conditions: [{ result: 'FAIL', rules: [ruleOf('R', 'LambdaInvoke', { FunctionName: '</text><script>' })] }] }, actions: [] }],
      context: {},
      origin: {},
    };
    const svg = pipelineSvg(pipeline);
    expect(svg).not.toContain('<script>');
    const diagram = readSvg(svg);
    expect(diagram.notes.map((n) => n.text)).toEqual([`variable <v>&" = ${'x'.repeat(82)}…`]);
    expect([...diagram.notes[0].text]).toHaveLength(100);
    expect(texts(diagram.stages[0])).toEqual(['S', '▶ enter: LambdaInvoke function </', 'text><script> -> FAIL']);
    expectSound(diagram);
  });
});

describe('the Mermaid chart shows what V2 adds', () => {
  test('a note node before the first stage, a note node at the top of a stage, commands in the action label', () => {
    expect(pipelineMermaid(v2Pipeline())).toBe(
      [
        'flowchart LR',
        '  P["execution mode: QUEUED<br/>variable Env = test (the target environment)<br/>variable Version<br/>trigger on Source: push branches main, release/*; file paths !docs/**<br/>trigger on Source: push tags v*<br/>trigger on Source: pull request events OPEN, UPDATED; branches main"]',
        '  subgraph S0["Source"]',
        '    direction TB',
        '    S0A0["<b>Source</b><br/>CodeStarSourceConnection<br/>@ pipeline account"]',
        '  end',
        '  subgraph S1["Check"]',
        '    direction TB',
        '    S1N["↻ retry on failure: FAILED_ACTIONS"]',
        '    S1A0["<b>Test</b><br/>Commands<br/>@ pipeline account<br/>$ npm ci<br/>$ npm test<br/>… and 2 more commands<br/>exports: REPORT<br/>env: STAGE, API_TOKEN"]',
        '    S1N ~~~ S1A0',
        '  end',
        '  subgraph S2["Prod"]',
        '    direction TB',
        '    S2N["⊘ transition in disabled: Change freeze<br/>▶ enter: DeploymentWindow cron(0 9 ? * MON-FRI *) Europe/Berlin -#gt; FAIL<br/>✓ then: CloudWatchAlarm alarm orders-errors -#gt; ROLLBACK<br/>✓ then: Commands -#gt; ROLLBACK<br/>↺ rollback on failure"]',
        '    S2A0["<b>Deploy</b><br/>CloudFormation CREATE_UPDATE<br/>@ pipeline account<br/>stack=prod"]',
        '    S2N ~~~ S2A0',
        '  end',
        '  P ~~~ S0',
        '  S0 --> S1',
        '  S1 --> S2',
        '  classDef note fill:#ffffff,stroke:#879596,stroke-dasharray:2 3',
        '  class P,S1N,S2N note',
        '',
      ].join('\n'),
    );
  });

  test('values cannot break out of a note', () => {
    const pipeline: PipelineModel = {
      name: 'P',
      executionMode: 'QUEUED"]\n  click P',
      stages: [{ name: 'S', onFailure: { result: '%%{init}%%' }, actions: [{ ...cloudFormationAction('A', 1, {}), commands: ['echo "<b>#1</b>"'] }] }],
      context: {},
      origin: {},
    };
    const chart = pipelineMermaid(pipeline);
    expect(chart).toContain('  P["execution mode: QUEUED#quot;]   click P"]\n');
    expect(chart).toContain('    S0N["on failure: #37;#37;{init}#37;#37;"]\n');
    expect(chart).toContain('<br/>$ echo #quot;#lt;b#gt;#35;1#lt;/b#gt;#quot;"]');
  });
});

describe('marks are bounded', () => {
  test(`a stage draws ${MAX_DRAWN_MARKS} marks at most: ${MAX_DRAWN_MARKS - 1} and a count of the rest`, () => {
    const rules = (n: number) => Array.from({ length: n }, (_, i) => ruleOf(`R${i}`, 'LambdaInvoke', { FunctionName: `f${i}` }));
    const stage = (n: number): StageModel => ({ name: 'S', beforeEntry: { conditions: [{ result: 'FAIL', rules: rules(n) }] }, actions: [] });
    const chart = (n: number) => pipelineMermaid({ name: 'P', stages: [stage(n)], context: {}, origin: {} });
    expect(chart(8).match(/<br\/>/g)).toHaveLength(7);
    expect(chart(8)).toContain('▶ enter: LambdaInvoke function f7 -#gt; FAIL"]');
    expect(chart(9)).toContain('▶ enter: LambdaInvoke function f6 -#gt; FAIL<br/>… and 2 more conditions"]');
    const drawn = readSvg(pipelineSvg({ name: 'P', stages: [stage(10_000)], context: {}, origin: {} }));
    expect(drawn.stages[0].texts.map((t) => t.text).slice(-1)).toEqual(['… and 9993 more conditions']);
    expectSound(drawn);
  });

  test('capped: up to the limit every line, one past it the limit less one and "… and 2 more"', () => {
    expect(capped(['a', 'b', 'c'], 3, 'note')).toEqual(['a', 'b', 'c']);
    expect(capped(['a', 'b', 'c', 'd'], 3, 'note')).toEqual(['a', 'b', '… and 2 more notes']);
  });

  test('an action lists 3 commands, or 2 and a count, and at most 15 variable names a line', () => {
    const withCommands = (n: number) => ({ ...cloudFormationAction('A', 1, {}), commands: Array.from({ length: n }, (_, i) => `c${i}`), outputVariables: Array.from({ length: 16 }, (_, i) => `V${i}`) });
    const chart = (n: number) => pipelineMermaid({ name: 'P', stages: [{ name: 'S', actions: [withCommands(n)] }], context: {}, origin: {} });
    expect(chart(3)).toContain('<br/>$ c0<br/>$ c1<br/>$ c2<br/>exports: V0, V1, V2, V3, V4, V5, V6, V7, V8, V9, V10, V11, V12, V13, V14 … and 1 more"]');
    expect(chart(4)).toContain('<br/>$ c0<br/>$ c1<br/>… and 2 more commands<br/>exports:');
    expect(chart(0)).toContain('<br/>$ (no commands)<br/>exports:');
  });
});
