import { pipelineMarkdown } from '../../lib/diagram/mermaid';
import { pipelineSvg } from '../../lib/diagram/svg';
import { PipelineModel } from '../../lib/model/pipeline-model';
import { approvalAction, cloudFormationAction, ruleOf } from './fixtures';
import { readSvg } from './svg-geometry';

/** Names that try to leave their place: raw HTML, a code fence, a Mermaid statement, a directive, new lines. */
const HTML = '</code><img src=x onerror=alert(1)>';
const FENCE = '```\n## Forged heading\n```';
const STATEMENT = '"]; click S0 call alert()';
const DIRECTIVE = '%%{init: {"theme":"dark"}}%%';

function hostilePipeline(): PipelineModel {
  return {
    name: `${HTML}\n${FENCE}`,
    executionMode: DIRECTIVE,
    variables: [{ name: HTML, defaultValue: FENCE, description: STATEMENT }],
    triggers: [{ providerType: STATEMENT, sourceActionName: HTML, push: [{ branches: { includes: [FENCE], excludes: [DIRECTIVE] } }] }],
    disabledInboundTransitions: [{ stageName: STATEMENT, reason: `${HTML}\n${FENCE}` }],
    stages: [
      {
        name: STATEMENT,
        beforeEntry: { conditions: [{ result: DIRECTIVE, rules: [ruleOf(HTML, 'DeploymentWindow', { Cron: FENCE, TimeZone: STATEMENT })] }] },
        onFailure: { result: HTML, retryMode: DIRECTIVE },
        actions: [
          cloudFormationAction(HTML, 1, { ActionMode: 'CREATE_UPDATE', StackName: FENCE }, { region: DIRECTIVE }),
          cloudFormationAction(DIRECTIVE, 1, { ActionMode: 'CREATE_UPDATE', StackName: STATEMENT }, { commands: [FENCE, HTML], outputVariables: [STATEMENT] }),
          approvalAction(`${STATEMENT}\n${HTML}`, 2),
        ],
      },
      { name: `${FENCE}\n<script>alert(1)</script>`, actions: [cloudFormationAction('`x`', 1, { ActionMode: 'DELETE_ONLY', StackName: 'a' })] },
    ],
    context: {},
    origin: {},
  };
}

/** Every line of the flowchart is one of the statements the renderer writes, with quoted labels. */
const STATEMENT_LINE = new RegExp(
  '^(' +
    [
      'flowchart LR',
      '  P\\["[^"]*"\\]',
      '  subgraph S\\d+\\["[^"]*"\\]',
      '    S\\d+N\\["[^"]*"\\]',
      '    S\\d+N ~~~ S\\d+A\\d+',
      '  P ~~~ S\\d+',
      '    direction TB',
      '    S\\d+A\\d+\\["[^"]*"\\]',
      '    S\\d+A\\d+\\{\\{"[^"]*"\\}\\}',
      '    S\\d+J\\d+\\(\\(" "\\)\\)',
      '    S\\d+[AJ]\\d+ --> S\\d+[AJ]\\d+',
      '  end',
      '  S\\d+ --> S\\d+',
      '  classDef (gate|junction|note) [^"]*',
      '  class [PSAJN0-9,]+ (gate|junction|note)',
    ].join('|') +
    ')$',
);

describe('names cannot leave their place in a diagram', () => {
  test('the Markdown document stays one heading and one fenced Mermaid block', () => {
    const markdown = pipelineMarkdown([hostilePipeline()]);
    const lines = markdown.split('\n');
    expect(lines[0]).toBe(
      '## Pipeline &lt;/code&gt;&lt;img src=x onerror=alert\\(1\\)&gt; \\`\\`\\` \\#\\# Forged heading \\`\\`\\`',
    );
    expect(lines.slice(1, 3)).toEqual(['', '```mermaid']);
    expect(lines.slice(-2)).toEqual(['```', '']);
    expect(markdown.match(/^#.*$/gm)).toHaveLength(1);
    expect(markdown.match(/^ {0,3}(```|~~~).*$/gm)).toEqual(['```mermaid', '```']);

    const chart = lines.slice(3, -2);
    expect(chart.filter((line) => !STATEMENT_LINE.test(line))).toEqual([]);
    // No markup but the renderer's own, and no directive: `%` and `<` from names are entity codes.
    expect(chart.join('\n').replace(/<\/?b>|<br\/>/g, '')).not.toMatch(/[<%`]/);
  });

  test('labels hold the names as entity codes', () => {
    const chart = pipelineMarkdown([hostilePipeline()]);
    expect(chart).toContain('  subgraph S0["#quot;]; click S0 call alert()"]\n');
    expect(chart).toContain(
      '    S0A0["<b>#lt;/code#gt;#lt;img src=x onerror=alert(1)#gt;</b><br/>CloudFormation CREATE_UPDATE<br/>' +
        '@ pipeline account/#37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;<br/>' +
        'stack=#96;#96;#96; #35;#35; Forged heading #96;#96;#96;"]\n',
    );
    expect(chart).toContain('    S0A2{{"<b>#quot;]; click S0 call alert() #lt;/code#gt;#lt;img src=x onerror=alert(1)#gt;</b><br/>Manual approval<br/>approval gate"}}\n');
    expect(chart).toContain('  subgraph S1["#96;#96;#96; #35;#35; Forged heading #96;#96;#96; #lt;script#gt;alert(1)#lt;/script#gt;"]\n');
    // What V2 adds: the pipeline's notes, a stage's marks, an action's commands.
    expect(chart).toContain(
      '  P["execution mode: #37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;<br/>' +
        'variable #lt;/code#gt;#lt;img src=x onerror=alert(1)#gt; = #96;#96;#96; #35;#35; Forged heading #96;#96;#96; (#quot;]; click S0 call alert())<br/>' +
        'trigger on #lt;/code#gt;#lt;img src=x onerror=alert(1)#gt; (#quot;]; click S0 call alert()): push branches #96;#96;#96; #35;#35; Forged heading #96;#96;#96;, ' +
        '!#37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;"]\n',
    );
    expect(chart).toContain(
      '    S0N["⊘ transition in disabled: #lt;/code#gt;#lt;img src=x onerror=alert(1)#gt; #96;#96;#96; #35;#35; Forged heading #96;#96;#96;<br/>' +
        '▶ enter: DeploymentWindow cron(#96;#96;#96; #35;#35; Forged heading #96;#96;#96;) #quot;]; click S0 call alert() -#gt; #37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;<br/>' +
        'on failure: #lt;/code#gt;#lt;img src=x onerror=alert(1)#gt; #37;#37;{init: {#quot;theme#quot;:#quot;dark#quot;}}#37;#37;"]\n',
    );
    expect(chart).toContain('<br/>$ #96;#96;#96; #35;#35; Forged heading #96;#96;#96;<br/>$ #lt;/code#gt;#lt;img src=x onerror=alert(1)#gt;<br/>exports: #quot;]; click S0 call alert()"]\n');
  });

  test('the SVG parses, with only its own elements, and shows the names as text', () => {
    const svg = pipelineSvg(hostilePipeline());
    const tags = new Set([...svg.matchAll(/<\/?([A-Za-z?]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['?xml', 'defs', 'g', 'line', 'marker', 'path', 'rect', 'svg', 'text', 'title']);

    const drawn = readSvg(svg);
    expect(drawn.title).toBe(`Pipeline ${HTML}\n${FENCE}`);
    expect(drawn.stages.map((s) => s.name)).toEqual([STATEMENT, `${FENCE}\n<script>alert(1)</script>`]);
    expect(drawn.notes[0].text).toBe(`execution mode: ${DIRECTIVE}`);
    expect(drawn.stages[0].texts[1].text).toBe('⊘ transition in disabled: </code><img src=x onerror=alert(1)>\n```\n## Forged');
    expect(drawn.stages[0].actions.map((a) => a.name)).toEqual([HTML, DIRECTIVE, `${STATEMENT}\n${HTML}`]);
    expect(drawn.stages[0].actions[0].texts.map((t) => t.text)).toEqual([
      '</code><img src=x onerror=alert(1)>',
      'CloudFormation CREATE_UPDATE',
      '@ pipeline account/%%{init:',
      '{"theme":"dark"}}%%',
      // One text element: SVG draws the line break as a space.
      'stack=```\n## Forged heading\n```',
    ]);
  });
});
