import { pipelineSvg } from '../../lib/diagram/svg';
import { PipelineModel } from '../../lib/model/pipeline-model';
import { unresolved } from '../../lib/model/values';
import { approvalAction, cloudFormationAction, releasePipeline } from './fixtures';
import { expectSound, readSvg } from './svg-geometry';

describe('pipelineSvg', () => {
  const diagram = readSvg(pipelineSvg(releasePipeline()));

  test('is well-formed XML with every stage and action, in order', () => {
    expect(diagram.title).toBe('Pipeline Release');
    expect(diagram.stages.map((s) => s.name)).toEqual(['Source', 'Check', 'TestStage', 'ProdStage']);
    expect(diagram.stages.map((s) => s.actions.map((a) => a.name))).toEqual([
      ['Source'],
      ['Lint', 'UnitTests'],
      ['CreateStack', 'ApproveTestStack', 'DeleteTestStack'],
      ['CreateChangeSet', 'ApproveChangeSet', 'ExecuteChangeSet'],
    ]);
    for (const stage of diagram.stages) {
      expect(stage.texts[0].text).toBe(stage.name);
      for (const action of stage.actions) expect(action.texts[0].text).toBe(action.name);
    }
  });

  test('no two boxes overlap and every text fits its box', () => {
    expectSound(diagram);
  });

  test('the fit check fails when text is wider than the layout assumed', () => {
    // Guards the check above: with a wider font than the one the layout measured with, names overflow.
    const wider = pipelineSvg(releasePipeline()).replace('data-char-width="7.2"', 'data-char-width="9"');
    expect(() => expectSound(readSvg(wider))).toThrow(/"fits": false/);
  });

  test('stages run left to right, run orders top to bottom, parallel actions side by side', () => {
    const xs = diagram.stages.map((s) => s.box.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const [lint, unitTests] = diagram.stages[1].actions;
    expect(lint.box.y).toBe(unitTests.box.y);
    expect(lint.box.x + lint.box.width).toBeLessThan(unitTests.box.x);
    const [create, approve, remove] = diagram.stages[2].actions;
    expect(create.box.y + create.box.height).toBeLessThan(approve.box.y);
    expect(approve.box.y + approve.box.height).toBeLessThan(remove.box.y);
  });

  test('labels each action with its target account/region and the stack or change set it touches', () => {
    const texts = (stage: number, action: number) => diagram.stages[stage].actions[action].texts.map((t) => t.text);
    expect(texts(0, 0)).toEqual(['Source', 'S3', '@ pipeline account']);
    expect(texts(2, 0)).toEqual(['CreateStack', 'CloudFormation REPLACE_ON_FAILURE', '@ 222222222222', 'stack=test-stack']);
    // The prod role ARN is a Fn::Join around ${AWS::Partition}: its account is still read.
    expect(texts(3, 0)).toEqual([
      'CreateChangeSet',
      'CloudFormation CHANGE_SET_REPLACE',
      '@ 333333333333',
      'stack=prod-stack',
      'changeset=prod-stack-changeset',
    ]);
  });

  test('marks approval actions as gates', () => {
    const gates = diagram.stages.flatMap((s) => s.actions.filter((a) => a.className === 'action gate').map((a) => a.name));
    expect(gates).toEqual(['ApproveTestStack', 'ApproveChangeSet']);
    expect(diagram.stages[2].actions[1].texts.map((t) => t.text)).toEqual(['ApproveTestStack', 'Manual approval', '|| approval gate']);
  });

  test('escapes XML in names and renders deploy-time values as short placeholders', () => {
    const pipeline: PipelineModel = {
      name: 'a<b>&"c\'',
      stages: [
        {
          name: 'Deploy',
          actions: [
            cloudFormationAction('Stack<&>', 1, {}, {
              configuration: { ActionMode: 'CREATE_UPDATE', StackName: unresolved({ 'Fn::Sub': '${AWS::StackName}-app' }) },
              region: unresolved({ Ref: 'TargetRegion' }),
            }),
          ],
        },
      ],
      context: {},
      origin: {},
    };
    const svg = pipelineSvg(pipeline);
    expect(svg).not.toContain('[object Object]');
    const drawn = readSvg(svg);
    expect(drawn.title).toBe('Pipeline a<b>&"c\'');
    expect(drawn.stages[0].actions[0].name).toBe('Stack<&>');
    expect(drawn.stages[0].actions[0].texts.map((t) => t.text)).toEqual([
      'Stack<&>',
      'CloudFormation CREATE_UPDATE',
      '@ pipeline account/',
      'Ref(TargetRegion)',
      'stack=${AWS::StackName}-app',
    ]);
  });

  test('wraps or truncates long names with an ellipsis so that they fit', () => {
    const long = 'Deploy-'.repeat(14) + 'End'; // 101 characters, longer than CodePipeline allows
    const pipeline: PipelineModel = {
      name: 'Long',
      stages: [
        { name: 'Approvals', actions: [approvalAction(long, 1), approvalAction(`${long}-2`, 1)] },
        {
          name: `Stage${'X'.repeat(95)}`,
          actions: [
            cloudFormationAction('Deploy', 1, {
              ActionMode: 'CREATE_UPDATE',
              StackName: 'a-very-long-stack-name-that-goes-on-and-on-beyond-the-box',
              ChangeSetName: 'and-a-change-set-name-that-is-also-far-too-long-to-fit',
            }),
          ],
        },
      ],
      context: {},
      origin: {},
    };
    const drawn = readSvg(pipelineSvg(pipeline));
    expectSound(drawn);
    const [first] = drawn.stages[0].actions;
    expect(first.texts.slice(0, 2).map((t) => t.text)).toEqual(['Deploy-Deploy-Deploy-Deploy-Deploy-', 'Deploy-Deploy-Deploy-Deploy-Deploy…']);
    expect(drawn.stages[1].texts.map((t) => t.text)).toEqual([`Stage${'X'.repeat(32)}`, `${'X'.repeat(36)}…`]);
    expect(drawn.stages[1].actions[0].texts.slice(3).map((t) => t.text)).toEqual([
      'stack=a-very-long-stack-name-that-',
      'goes-on-and-on-beyond-the-box',
      'changeset=and-a-change-set-name-',
      'that-is-also-far-too-long-to-fit',
    ]);
  });

  test('an empty pipeline is still a valid drawing', () => {
    const drawn = readSvg(pipelineSvg({ name: 'Empty', stages: [], context: {}, origin: {} }));
    expect(drawn.stages).toEqual([]);
    expect(drawn.width).toBeGreaterThan(0);
  });
});
