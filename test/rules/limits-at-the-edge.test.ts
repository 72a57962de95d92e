import { ActionTypeId, Maybe, PipelineModel } from '../../lib/model/pipeline-model';
import { ALL_RULES } from '../../lib/rules';
import { artifactCounts } from '../../lib/rules/artifact-counts';
import { cfnParameterOverrides } from '../../lib/rules/cfn-parameter-overrides';
import { crossAccountArtifacts } from '../../lib/rules/cross-account-artifacts';
import { pipelineTags } from '../../lib/rules/pipeline-tags';
import { Rule } from '../../lib/rules/rule';
import {
  ActionProps,
  PIPELINE_ACCOUNT,
  PROD_ACCOUNT,
  SOURCE,
  TEST_ACCOUNT,
  approval,
  cfnDeploy,
  check,
  codeBuild,
  finding,
  intrinsic,
  pipeline,
  ref,
  roleIn,
  s3Source,
  stage,
  sub,
} from './builder';
import { v2Pipeline } from './v2-pipeline-builder';

/**
 * The edges the other rule tests leave out: values at exactly a limit and one past it, shapes the
 * rules must refuse (a JSON scalar as ParameterOverrides, wrong argument counts), the artifact-count
 * table row by row, and each rule's own guard for a value only known at deploy time.
 */
const deploying = (props: ActionProps) => pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('Deploy', props))] });
const at = { stage: 'Deploy', action: 'Deploy' };

describe('cfn-parameter-overrides at the edge', () => {
  const notObject = `ParameterOverrides is not a JSON object (${SOURCE.CLOUDFORMATION}). Fix: write ParameterOverrides as a JSON object of parameter names to values.`;

  test.each(['null', '3', 'true', '"text"'])('the JSON scalar %s is not a JSON object', (text) => {
    expect(check(deploying({ configuration: { ParameterOverrides: text } }), cfnParameterOverrides)).toEqual([finding('cfn-parameter-overrides', at, notObject)]);
  });

  test('a plain ParameterOverrides of exactly 1000 characters with functions reading inputs passes; 1001 fails naming its largest parameters', () => {
    const of = (length: number) => {
      const base = { Key: { 'Fn::GetArtifactAtt': ['Source', 'ObjectKey'] }, Version: { 'Fn::GetParam': ['Source', 'build.json', 'version'] }, Pad: '' };
      const padding = length - JSON.stringify(base).length;
      return JSON.stringify({ ...base, Pad: 'p'.repeat(padding) });
    };
    expect(of(1000)).toHaveLength(1000);
    expect(check(deploying({ configuration: { ParameterOverrides: of(1000) } }))).toEqual([]);
    expect(check(deploying({ configuration: { ParameterOverrides: of(1001) } }))).toEqual([
      finding(
        'cfn-parameter-overrides',
        at,
        `ParameterOverrides is 1001 characters; the limit is 1000 (largest: Pad 886, Version 60, Key 51) (${SOURCE.CLOUDFORMATION}). Fix: move parameters into the stage's template configuration file (TemplateConfiguration), or read them with Fn::GetParam from an input artifact.`,
      ),
    ]);
  });

  test('a Fn::Join with a two-character separator: exactly 1000 literal characters pass, 1001 fail', () => {
    // Four parts, three gaps of " ,": 6 + xs + 2 + 3 × 2 literal characters around one Ref.
    const join = (xs: number) => intrinsic({ 'Fn::Join': [' ,', ['{"A":"', 'x'.repeat(xs), { Ref: 'B' }, '"}']] });
    expect(check(deploying({ configuration: { ParameterOverrides: join(986) } }), cfnParameterOverrides)).toEqual([]);
    expect(check(deploying({ configuration: { ParameterOverrides: join(987) } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `ParameterOverrides is at least 1001 characters; the limit is 1000 (${SOURCE.CLOUDFORMATION}). Fix: move parameters into the stage's template configuration file (TemplateConfiguration), or read them with Fn::GetParam from an input artifact.`),
    ]);
  });

  test('a Fn::Join nested in a Fn::Join counts both; one part alone joined by a separator adds none', () => {
    const nested = intrinsic({ 'Fn::Join': ['', ['{"A":"', { 'Fn::Join': ['-', ['x'.repeat(500), 'y'.repeat(492)]] }, { Ref: 'B' }, '"}']] });
    // 6 + (500 + 1 + 492) + 2 = 1001.
    expect(check(deploying({ configuration: { ParameterOverrides: nested } }), cfnParameterOverrides).map((f) => f.message)).toEqual([
      `ParameterOverrides is at least 1001 characters; the limit is 1000 (${SOURCE.CLOUDFORMATION}). Fix: move parameters into the stage's template configuration file (TemplateConfiguration), or read them with Fn::GetParam from an input artifact.`,
    ]);
    const single = intrinsic({ 'Fn::Join': ['-'.repeat(2000), ['x'.repeat(1000)]] });
    expect(check(deploying({ configuration: { ParameterOverrides: single } }), cfnParameterOverrides)).toEqual([]);
  });

  test('a Fn::Join whose separator or list is not literal counts nothing of it', () => {
    const refSeparator = intrinsic({ 'Fn::Join': [{ Ref: 'Sep' }, ['x'.repeat(1001)]] });
    const refList = intrinsic({ 'Fn::Join': [',', { Ref: 'List' }] });
    expect(check(deploying({ configuration: { ParameterOverrides: refSeparator } }), cfnParameterOverrides)).toEqual([]);
    expect(check(deploying({ configuration: { ParameterOverrides: refList } }), cfnParameterOverrides)).toEqual([]);
  });

  const getArtifactAtt = `parameter P: Fn::GetArtifactAtt takes [ArtifactName, AttributeName] (${SOURCE.CLOUDFORMATION}). Fix: write { "Fn::GetArtifactAtt": ["ArtifactName", "ObjectKey"] }.`;
  const getParam = `parameter P: Fn::GetParam takes [ArtifactName, JSONFileName, KeyName] (${SOURCE.CLOUDFORMATION}). Fix: write { "Fn::GetParam": ["ArtifactName", "file.json", "Key"] }.`;

  test.each([
    ['Fn::GetArtifactAtt', ['Source'], getArtifactAtt],
    ['Fn::GetArtifactAtt', ['Source', 'ObjectKey', 'extra'], getArtifactAtt],
    ['Fn::GetArtifactAtt', 'Source.ObjectKey', getArtifactAtt],
    ['Fn::GetParam', ['Source', 'build.json'], getParam],
    ['Fn::GetParam', ['Source', 'build.json', 'version', 'extra'], getParam],
    ['Fn::GetParam', { Artifact: 'Source' }, getParam],
  ])('%s with arguments %j is an error', (fn, args, message) => {
    const overrides = JSON.stringify({ P: { [fn]: args } });
    expect(check(deploying({ configuration: { ParameterOverrides: overrides } }), cfnParameterOverrides)).toEqual([finding('cfn-parameter-overrides', at, message)]);
  });

  test('Fn::GetArtifactAtt with a valid attribute on an artifact that is not an input is an error; each attribute on an input passes', () => {
    const overrides = JSON.stringify({ P: { 'Fn::GetArtifactAtt': ['Build', 'URL'] } });
    expect(check(deploying({ configuration: { ParameterOverrides: overrides } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `parameter P: Fn::GetArtifactAtt reads artifact "Build", which is not an input of the action (inputs: Source); the run would fail with "unrecognized Artifact" (${SOURCE.CLOUDFORMATION}). Fix: add "Build" to the action's input artifacts.`),
    ]);
    for (const attribute of ['BucketName', 'ObjectKey', 'URL']) {
      const ok = JSON.stringify({ P: { 'Fn::GetArtifactAtt': ['Source', attribute] } });
      expect(check(deploying({ configuration: { ParameterOverrides: ok } }), cfnParameterOverrides)).toEqual([]);
    }
  });

  test('an action without inputs names "none" among its inputs', () => {
    const overrides = JSON.stringify({ P: { 'Fn::GetParam': ['Source', 'build.json', 'version'] } });
    expect(check(deploying({ inputs: [], configuration: { ParameterOverrides: overrides, TemplatePath: undefined, ActionMode: 'DELETE_ONLY' } }), cfnParameterOverrides)).toEqual([
      finding('cfn-parameter-overrides', at, `parameter P: Fn::GetParam reads artifact "Source", which is not an input of the action (inputs: none); the run would fail with "unrecognized Artifact" (${SOURCE.CLOUDFORMATION}). Fix: add "Source" to the action's input artifacts.`),
    ]);
  });

  test('a value that is an object but no function, and a null parameter, pass', () => {
    const overrides = JSON.stringify({ A: null, B: { Other: 1 }, C: 3 });
    expect(check(deploying({ configuration: { ParameterOverrides: overrides } }), cfnParameterOverrides)).toEqual([]);
  });
});

describe('pipeline-tags: keys at the edge', () => {
  test('a key of 1 character passes; 129 characters is an error; 128 passes', () => {
    expect(check(pipeline({ tags: [{ key: 'k', value: '' }] }), pipelineTags)).toEqual([]);
    expect(check(pipeline({ tags: [{ key: 'k'.repeat(128), value: 'v' }] }), pipelineTags)).toEqual([]);
    const long = 'k'.repeat(129);
    expect(check(pipeline({ tags: [{ key: long, value: 'v' }] }), pipelineTags)).toEqual([
      finding('pipeline-tags', {}, `tag key "${long}" is not 1–128 characters (${SOURCE.QUOTAS}). Fix: use a tag key of 1 to 128 characters.`),
    ]);
  });

  test('a key or value only known at deploy time is not checked', () => {
    expect(check(pipeline({ tags: [{ key: ref('Key'), value: intrinsic({ 'Fn::Join': ['', ['v'.repeat(300)]] }) }] }), pipelineTags)).toEqual([]);
  });
});

describe('artifact-counts: each row of the table at its limit and one past it', () => {
  const type = (category: string, provider: string, owner = 'AWS'): Partial<ActionTypeId> => ({ category, owner, provider });
  const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
  const model = (actionType: Partial<ActionTypeId>, inputs: number, outputs: number): PipelineModel =>
    pipeline({ stages: [stage('Source', s3Source()), stage('Run', codeBuild('Run', { type: actionType, inputs: names('In', inputs), outputs: names('Out', outputs) }))] });
  const counted = (what: string, count: number, kind: 'input' | 'output', takes: string, fix: string) =>
    finding('artifact-counts', { stage: 'Run', action: 'Run' }, `${what} action has ${count} ${kind} artifact${count === 1 ? '' : 's'}; it takes ${takes} (${SOURCE.ARTIFACTS}). Fix: ${fix}`);

  describe.each([
    ['a Deploy S3', type('Deploy', 'S3')],
    ['a Deploy CodeDeploy', type('Deploy', 'CodeDeploy')],
    ['a Deploy ECS', type('Deploy', 'ECS')],
  ])('%s action: exactly 1 input, no output', (what, actionType) => {
    test('1 in, 0 out passes', () => expect(check(model(actionType, 1, 0), artifactCounts)).toEqual([]));
    test('2 in and 1 out are errors', () => {
      expect(check(model(actionType, 2, 1), artifactCounts)).toEqual([
        counted(what, 2, 'input', 'exactly 1', 'remove input artifacts down to 1.'),
        counted(what, 1, 'output', 'exactly 0', 'remove output artifacts down to 0.'),
      ]);
    });
    test('0 in is an error', () => {
      expect(check(model(actionType, 0, 0), artifactCounts)).toEqual([counted(what, 0, 'input', 'exactly 1', 'add an input artifact.')]);
    });
  });

  describe.each([
    ['an Invoke Lambda', type('Invoke', 'Lambda')],
    ['a Build Jenkins', type('Build', 'Jenkins', 'Custom')],
    ['a Test MyTester', type('Test', 'MyTester', 'Custom')],
  ])('%s action: 0–5 inputs, 0–5 outputs', (what, actionType) => {
    test('0 and 5 of each pass', () => {
      expect(check(model(actionType, 0, 0), artifactCounts)).toEqual([]);
      expect(check(model(actionType, 5, 5), artifactCounts)).toEqual([]);
    });
    test('6 of each are errors', () => {
      expect(check(model(actionType, 6, 6), artifactCounts)).toEqual([
        counted(what, 6, 'input', '0–5', 'remove input artifacts down to 5.'),
        counted(what, 6, 'output', '0–5', 'remove output artifacts down to 5.'),
      ]);
    });
  });

  describe('a Test CodeBuild action: 1–5 inputs, 0–5 outputs', () => {
    const actionType = type('Test', 'CodeBuild');
    test('1 in, 0 out and 5 in, 5 out pass', () => {
      expect(check(model(actionType, 1, 0), artifactCounts)).toEqual([]);
      expect(check(model(actionType, 5, 5), artifactCounts)).toEqual([]);
    });
    test('0 in, and 6 in with 6 out, are errors', () => {
      expect(check(model(actionType, 0, 0), artifactCounts)).toEqual([counted('a Test CodeBuild', 0, 'input', '1–5', 'add an input artifact.')]);
      expect(check(model(actionType, 6, 6), artifactCounts)).toEqual([
        counted('a Test CodeBuild', 6, 'input', '1–5', 'remove input artifacts down to 5.'),
        counted('a Test CodeBuild', 6, 'output', '0–5', 'remove output artifacts down to 5.'),
      ]);
    });
  });

  test('a Commands action with no input is told to add one', () => {
    expect(check(model(type('Compute', 'Commands'), 0, 0), artifactCounts).map((f) => f.message)).toEqual([
      expect.stringMatching(/^a Compute Commands action has 0 input artifacts; it takes 1–10 \(.+\)\. Fix: add an input artifact\.$/),
    ]);
  });

  test('a list of artifacts behind an intrinsic is not counted', () => {
    const unknownInputs = { ...model(type('Deploy', 'S3'), 0, 3), unresolvedParts: ['stages[1].actions[0].inputArtifacts', 'stages[1].actions[0].outputArtifacts'] };
    expect(check(unknownInputs, artifactCounts)).toEqual([]);
  });
});

describe('cross-account-artifacts: back to the pipeline account', () => {
  test('an artifact produced in a target account and consumed in the pipeline account passes (one side is the pipeline\'s)', () => {
    const model = pipeline({
      stages: [
        stage('Source', s3Source()),
        stage('Test', cfnDeploy('Deploy', { roleArn: roleIn(TEST_ACCOUNT), configuration: { RoleArn: roleIn(TEST_ACCOUNT, 'cfn'), OutputFileName: 'outputs.json' }, outputs: ['StackOutputs'] })),
        stage('Report', codeBuild('Report', { inputs: ['StackOutputs'] }), codeBuild('ReportAsPipeline', { roleArn: roleIn(PIPELINE_ACCOUNT), inputs: ['StackOutputs'] })),
      ],
    });
    expect(check(model, crossAccountArtifacts)).toEqual([]);
  });

  test('the same artifact then consumed in a second target account is an error; a pipeline with no known account is not checked', () => {
    const stages = [
      stage('Source', s3Source()),
      stage('Test', cfnDeploy('Deploy', { roleArn: roleIn(TEST_ACCOUNT), outputs: ['StackOutputs'] })),
      stage('Prod', cfnDeploy('Deploy', { roleArn: roleIn(PROD_ACCOUNT), inputs: ['StackOutputs'], configuration: { TemplatePath: 'StackOutputs::t.yaml' } })),
    ];
    expect(check(pipeline({ stages }), crossAccountArtifacts)).toEqual([
      finding('cross-account-artifacts', { stage: 'Prod', action: 'Deploy' }, `input artifact "StackOutputs" is produced in account ${TEST_ACCOUNT} and consumed in account ${PROD_ACCOUNT}; neither is the pipeline's account (${PIPELINE_ACCOUNT}) (${SOURCE.CROSS_ACCOUNT}). Fix: produce the artifact in the pipeline account, or consume it in the account that produced it.`),
    ]);
    expect(check(pipeline({ stages, context: { account: undefined, region: 'us-east-1' } }), crossAccountArtifacts)).toEqual([]);
  });

  test('a producer whose account is only known at deploy time is not checked', () => {
    const stages = [
      stage('Source', s3Source()),
      stage('Test', cfnDeploy('Deploy', { roleArn: ref('TestRole'), outputs: ['StackOutputs'] })),
      stage('Prod', cfnDeploy('Deploy', { roleArn: roleIn(PROD_ACCOUNT), inputs: ['StackOutputs'], configuration: { TemplatePath: 'StackOutputs::t.yaml' } })),
    ];
    expect(check(pipeline({ stages }), crossAccountArtifacts)).toEqual([]);
  });
});

/**
 * Each rule's own guard: the same place given a literal mistake (a finding of that rule) and then an
 * intrinsic (nothing from that rule). The rule runs alone, so the guard under test is its own.
 */
describe('each rule skips a value only known at deploy time', () => {
  const rule = (id: string): Rule => {
    const found = ALL_RULES.find((r) => r.id === id);
    if (!found) throw new Error(`no rule ${id}`);
    return found;
  };
  const twoStages = (action: (value: Maybe<string>) => ReturnType<typeof cfnDeploy>) => (value: Maybe<string>) =>
    pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', action(value))] });

  const cases: ReadonlyArray<readonly [string, (value: never) => PipelineModel, unknown, unknown]> = [
    ['run-order', (v: Maybe<number>) => deploying({ runOrder: v }), 0, ref('Order')],
    ['action-timeout', (v: Maybe<number>) => pipeline({ stages: [stage('Source', s3Source()), stage('Approve', approval('Approve', { timeoutInMinutes: v }))] }), 4, ref('Minutes')],
    ['pipeline-name', (v: Maybe<string>) => pipeline({ name: v }), 'bad name!', ref('Name')],
    ['stage-name', (v: Maybe<string>) => pipeline({ stages: [stage('Source', s3Source()), stage(v, cfnDeploy())] }), 'bad name!', sub('${Env}-deploy')],
    ['action-name', twoStages((v) => cfnDeploy(v)), 'bad name!', ref('ActionName')],
    ['artifact-name', (v: Maybe<string>) => deploying({ outputs: [v] }), 'bad name!', ref('Artifact')],
    ['variable-namespace', (v: Maybe<string>) => deploying({ namespace: v }), 'bad name!', ref('Namespace')],
    ['action-type', (v: Maybe<string>) => deploying({ type: { category: v } }), 'Publish', ref('Category')],
    ['cfn-action-mode', (v: Maybe<string>) => deploying({ configuration: { ActionMode: v } }), 'UPDATE', ref('Mode')],
    ['cfn-stack-name', (v: Maybe<string>) => deploying({ configuration: { StackName: v } }), '1app', ref('Stack')],
    ['cfn-change-set-name', (v: Maybe<string>) => deploying({ configuration: { ActionMode: 'CHANGE_SET_REPLACE', ChangeSetName: v } }), undefined, ref('ChangeSet')],
    ['cfn-capabilities', (v: Maybe<string>) => deploying({ configuration: { Capabilities: v } }), 'CAPABILITY_EVERYTHING', ref('Capabilities')],
    ['cfn-template-artifacts', (v: Maybe<string>) => deploying({ configuration: { TemplatePath: v } }), 'template.yaml', sub('${Artifact}::template.yaml')],
    ['cfn-parameter-overrides', (v: Maybe<string>) => deploying({ configuration: { ParameterOverrides: v } }), '[]', ref('Overrides')],
    ['cfn-role-account', (v: Maybe<string>) => deploying({ roleArn: roleIn(TEST_ACCOUNT), configuration: { RoleArn: v } }), roleIn(PROD_ACCOUNT, 'cfn'), ref('StackRole')],
    ['configuration-lengths', (v: Maybe<string>) => deploying({ configuration: { OutputFileName: v } }), 'o'.repeat(1001), ref('OutputFile')],
    ['source-region', (v: Maybe<string>) => pipeline({ stages: [stage('Source', s3Source('Source', { region: v })), stage('Deploy', cfnDeploy())] }), 'eu-west-1', ref('AWS::Region')],
    ['artifact-flow', (v: Maybe<string>) => deploying({ inputs: [v], configuration: { TemplatePath: undefined, ActionMode: 'DELETE_ONLY' } }), 'Nothing', ref('Input')],
    ['unique-stage-names', (v: Maybe<string>) => pipeline({ stages: [stage('Source', s3Source()), stage(v, cfnDeploy()), stage(v, cfnDeploy('Again'))] }), 'Deploy', ref('StageName')],
    ['unique-action-names', (v: Maybe<string>) => pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy(v), cfnDeploy(v))] }), 'Deploy', ref('ActionName')],
    ['unique-output-artifacts', (v: Maybe<string>) => pipeline({ stages: [stage('Source', s3Source()), stage('Deploy', cfnDeploy('A', { outputs: [v] }), cfnDeploy('B', { outputs: [v] }))] }), 'Out', ref('Out')],
    ['pipeline-type', (v: Maybe<string>) => v2Pipeline({ pipelineType: v }), 'V3', ref('PipelineType')],
    ['execution-mode', (v: Maybe<string>) => v2Pipeline({ executionMode: v }), 'SOMETIMES', ref('Mode')],
    ['pipeline-variables', (v: Maybe<string>) => v2Pipeline({ variables: [{ name: v, defaultValue: 'x' }] }), 'bad name!', ref('VariableName')],
    ['variable-references', (v: Maybe<string>) => v2Pipeline({ stages: [stage('Source', s3Source()), stage('Approve', approval('Approve', { configuration: { CustomData: v } }))] }), '#{variables.Nope}', sub('#{variables.Nope} ${AWS::Region}')],
    // No ProjectName either way: in the second, the configuration is behind an intrinsic (Fn::If).
    ['required-configuration', (v: string) => ({ ...deploying({ type: { category: 'Build', provider: 'CodeBuild' }, configuration: { ProjectName: undefined } }), unresolvedParts: v === 'literal' ? [] : ['stages[1].actions[0].configuration'] }), 'literal', 'behind an intrinsic'],
  ];

  test.each(cases)('%s', (id, build, literal, unresolved) => {
    const own = rule(id);
    expect(check(build(literal as never), own).length).toBeGreaterThan(0);
    expect(check(build(unresolved as never), own)).toEqual([]);
  });
});
