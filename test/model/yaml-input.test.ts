import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_ALIAS_EXPANSION, parseCloudFormationYaml } from '../../lib/model/cloudformation-yaml';
import { loadPipelineFile } from '../../lib/model/load-file';
import { inputError } from './input-error';

const SHORT_FORMS = '!Ref, !Condition, !Base64, !Cidr, !FindInMap, !GetAtt, !GetAZs, !ImportValue, !Join, !Select, !Split, !Sub, !Transform, !And, !Equals, !If, !Not, !Or, !Contains, !EachMemberEquals, !EachMemberIn, !RefAll, !ValueOf, !ValueOfAll, !Length, !ToJsonString';


describe('tags', () => {
  let warnings: jest.SpyInstance;
  let stderr: jest.SpyInstance;
  beforeEach(() => {
    warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    warnings.mockRestore();
    stderr.mockRestore();
  });

  test('an unknown tag is an input error naming the tag, its place and the short forms, and prints nothing', () => {
    const text = 'Resources:\n  P:\n    Type: !Foo bar\n';
    expect(inputError(() => parseCloudFormationYaml(text, 't.yaml'))).toBe(
      `t.yaml: unknown YAML tag !Foo at line 3, column 11; CloudFormation reads only the short forms ${SHORT_FORMS}. Fix: use one of them, or the long form { "Fn::Name": … }.`,
    );
    expect(warnings).not.toHaveBeenCalled();
    expect(stderr).not.toHaveBeenCalled();
  });

  test('an alias inside a short form\'s list or map is the anchored value', () => {
    expect(parseCloudFormationYaml([
      'name: &name "${AWS::StackName}-release"',
      'pair: &pair [Role, Arn]',
      'vars: &vars { A: !Ref Env }',
      'a: !Sub [*name, *vars]',
      'b: !GetAtt [*name, Arn]',
      'c: !Join ["", [*name, !Ref X]]',
      'd: !If [Prod, *pair, !Ref AWS::NoValue]',
      'e: !Select [0, *pair]',
    ].join('\n'))).toEqual({
      name: '${AWS::StackName}-release',
      pair: ['Role', 'Arn'],
      vars: { A: { Ref: 'Env' } },
      a: { 'Fn::Sub': ['${AWS::StackName}-release', { A: { Ref: 'Env' } }] },
      b: { 'Fn::GetAtt': ['${AWS::StackName}-release', 'Arn'] },
      c: { 'Fn::Join': ['', ['${AWS::StackName}-release', { Ref: 'X' }]] },
      d: { 'Fn::If': ['Prod', ['Role', 'Arn'], { Ref: 'AWS::NoValue' }] },
      e: { 'Fn::Select': [0, ['Role', 'Arn']] },
    });
  });

  test('a tag on an alias itself (!GetAtt *x) is invalid YAML, reported in one line', () => {
    expect(inputError(() => parseCloudFormationYaml('pair: &pair [Role, Arn]\nb: !GetAtt *pair\n', 't.yaml'))).toBe(
      't.yaml: invalid YAML: An alias node must not specify any properties at line 2, column 12:',
    );
  });
});

describe('alias expansion is bounded by size', () => {
  test('an anchor of 5,000 keys used 990 times is refused, counted without expanding it', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: v`).join(', ');
    const text = `big: &big {${keys}}\nuses: [${new Array(990).fill('*big').join(', ')}]\n`;
    expect(inputError(() => parseCloudFormationYaml(text, 't.yaml'))).toBe(
      `t.yaml: YAML aliases would add 9,900,990 values when expanded; the limit is ${MAX_ALIAS_EXPANSION.toLocaleString('en-US')}. Fix: write the repeated parts out, or use fewer aliases of large anchors.`,
    );
  });

  test('aliases of aliases ("billion laughs") are refused before anything is expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 10; level++) {
      const [name, previous] = [String.fromCharCode(97 + level), String.fromCharCode(96 + level)];
      lines.push(`${name}: &${name} [${new Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(inputError(() => parseCloudFormationYaml(lines.join('\n'), 't.yaml'))).toBe(
      't.yaml: YAML aliases would add 12,345,678,990 values when expanded; the limit is 100,000. Fix: write the repeated parts out, or use fewer aliases of large anchors.',
    );
  });

  test('an alias inside its own anchor is refused', () => {
    expect(inputError(() => parseCloudFormationYaml('a: &a [1, *a]\n', 't.yaml'))).toBe(
      't.yaml: a YAML alias refers to the node that holds it, which never ends. Fix: remove the alias or its anchor.',
    );
  });

  test('many small aliases are fine', () => {
    const text = `role: &role arn:aws:iam::111111111111:role/deploy\nroles: [${new Array(5000).fill('*role').join(', ')}]\n`;
    const parsed = parseCloudFormationYaml(text) as { roles: string[] };
    expect(parsed.roles).toHaveLength(5000);
    expect(new Set(parsed.roles)).toEqual(new Set(['arn:aws:iam::111111111111:role/deploy']));
  });
});

describe('keys and nesting', () => {
  test('a key given twice keeps its last value, as in the JSON reader and CloudFormation', () => {
    expect(parseCloudFormationYaml('a: 1\nb: { x: 1, x: 2 }\na: 3\n')).toEqual({ a: 3, b: { x: 2 } });
    expect(parseCloudFormationYaml('a: 1\nb: { x: 1, x: 2 }\na: 3\n')).toEqual(JSON.parse('{"a": 1, "b": {"x": 1, "x": 2}, "a": 3}'));
  });

  test('__proto__ and constructor are keys like any other', () => {
    const parsed = parseCloudFormationYaml('__proto__: { polluted: true }\nconstructor: 2\n') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('YAML nested too deeply to read is one clear line', () => {
    expect(inputError(() => parseCloudFormationYaml(`a: ${'['.repeat(5000)}1${']'.repeat(5000)}`, 't.yaml'))).toMatch(
      /^t\.yaml: the YAML nests too deeply to read \(at line 1, column \d+\)\. Fix: flatten the nesting\.$/,
    );
  });
});

describe('a YAML file', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-input-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('with an unknown tag fails to load with its file name', () => {
    const where = path.join(dir, 'tagged.yaml');
    fs.writeFileSync(where, 'Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: !Foo x\n');
    expect(inputError(() => loadPipelineFile(where))).toMatch(new RegExp(`^${where}: unknown YAML tag !Foo at line 5, column 13; `));
  });

  test('with a duplicated pipeline Name reads the last one', () => {
    const where = path.join(dir, 'twice.yaml');
    fs.writeFileSync(where, 'Resources:\n  P:\n    Type: AWS::CodePipeline::Pipeline\n    Properties:\n      Name: first\n      Stages: []\n      Name: second\n');
    expect(loadPipelineFile(where)[0].name).toBe('second');
  });
});

describe('an alias without its anchor', () => {
  test('is one line naming the alias, not a crash', () => {
    expect(inputError(() => parseCloudFormationYaml('Resources:\n  P:\n    Properties: !Sub [*nope]\n', 't.yaml'))).toBe(
      't.yaml: the YAML alias *nope has no anchor &nope before it. Fix: define the anchor before the alias, or write the value out.',
    );
  });

  test('an anchor defined only after its alias is missing too, as YAML reads in order', () => {
    expect(inputError(() => parseCloudFormationYaml('a: *later\nb: &later 1\n', 't.yaml'))).toBe(
      't.yaml: the YAML alias *later has no anchor &later before it. Fix: define the anchor before the alias, or write the value out.',
    );
  });
});
