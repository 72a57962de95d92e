import { pipelineMarkdown, pipelineMermaid } from '../../lib/diagram/mermaid';
import { PipelineModel } from '../../lib/model/pipeline-model';
import { approvalAction, cloudFormationAction, releasePipeline } from './fixtures';

describe('pipelineMermaid', () => {
  test('one subgraph per stage left to right, run orders linked, parallel actions side by side, gates as hexagons', () => {
    const pipeline: PipelineModel = {
      name: 'Release',
      stages: [
        {
          name: 'Test',
          actions: [
            cloudFormationAction('CreateA', 1, { ActionMode: 'CREATE_UPDATE', StackName: 'a' }, { roleArn: 'arn:aws:iam::222222222222:role/d', region: 'eu-west-1' }),
            cloudFormationAction('CreateB', 1, { ActionMode: 'CREATE_UPDATE', StackName: 'b' }),
            approvalAction('Approve', 2),
          ],
        },
        { name: 'Prod', actions: [cloudFormationAction('Execute', 1, { ActionMode: 'CHANGE_SET_EXECUTE', StackName: 'p', ChangeSetName: 'cs' })] },
      ],
      context: {},
      origin: {},
    };
    expect(pipelineMermaid(pipeline)).toBe(
      [
        'flowchart LR',
        '  subgraph S0["Test"]',
        '    direction TB',
        '    S0A0["<b>CreateA</b><br/>CloudFormation CREATE_UPDATE<br/>@ 222222222222/eu-west-1<br/>stack=a"]',
        '    S0A1["<b>CreateB</b><br/>CloudFormation CREATE_UPDATE<br/>@ pipeline account<br/>stack=b"]',
        '    S0A2{{"<b>Approve</b><br/>Manual approval<br/>approval gate"}}',
        '    S0A0 --> S0A2',
        '    S0A1 --> S0A2',
        '  end',
        '  subgraph S1["Prod"]',
        '    direction TB',
        '    S1A0["<b>Execute</b><br/>CloudFormation CHANGE_SET_EXECUTE<br/>@ pipeline account<br/>stack=p<br/>changeset=cs"]',
        '  end',
        '  S0 --> S1',
        '  classDef gate fill:#fff4e0,stroke:#c45500,stroke-width:2px,stroke-dasharray:6 3',
        '  class S0A2 gate',
        '',
      ].join('\n'),
    );
  });

  test('names cannot break out of a label', () => {
    const pipeline: PipelineModel = { name: 'P', stages: [{ name: 'S"]; click', actions: [approvalAction('<script>', 1)] }], context: {}, origin: {} };
    const text = pipelineMermaid(pipeline);
    expect(text).toContain('subgraph S0["S#quot;]; click"]');
    expect(text).toContain('<b>#lt;script#gt;</b>');
  });

  test('the Markdown document has a heading and a mermaid block per pipeline', () => {
    const markdown = pipelineMarkdown([releasePipeline(), { ...releasePipeline(), name: 'PipelineC660917D', nameIsGenerated: true }]);
    expect(markdown.match(/^## .*$/gm)).toEqual(['## Pipeline Release', '## Pipeline Pipeline']);
    expect(pipelineMarkdown([{ ...releasePipeline(), name: 'WordPress-Release' }])).toMatch(/^## Pipeline WordPress\\-Release\n\n```mermaid\n/);
    expect(markdown.match(/^```(mermaid)?$/gm)).toEqual(['```mermaid', '```', '```mermaid', '```']);
  });
});
