import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadPipelineFile, pipelinesFromDocument } from '../../lib/model/load-file';
import { describeValue } from '../../lib/model/values';
import { validatePipeline } from '../../lib/validate';
import { inputError } from './input-error';

const EXPECTED = 'expected a CloudFormation template, get-pipeline output or a pipeline declaration.';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malformed-input-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const where = path.join(dir, name);
  fs.writeFileSync(where, content);
  return where;
}


/** A valid template pipeline with `properties` merged in, as JSON text. */
function templateText(properties: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Resources: {
      Release: {
        Type: 'AWS::CodePipeline::Pipeline',
        Properties: {
          Name: 'Release',
          RoleArn: 'arn:aws:iam::111111111111:role/release',
          ArtifactStore: { Type: 'S3', Location: 'artifacts' },
          Stages: [
            { Name: 'Source', Actions: [{ Name: 'Source', ActionTypeId: { Category: 'Source', Owner: 'AWS', Provider: 'S3', Version: '1' }, Configuration: { S3Bucket: 'source', S3ObjectKey: 'app.zip' }, OutputArtifacts: [{ Name: 'Src' }] }] },
            { Name: 'Approve', Actions: [{ Name: 'Approve', ActionTypeId: { Category: 'Approval', Owner: 'AWS', Provider: 'Manual', Version: '1' }, RunOrder: 1 }] },
          ],
          ...properties,
        },
      },
    },
  });
}

describe('files that are not a pipeline document say what they are', () => {
  test.each([
    ['empty.json', '', 'the file is empty'],
    ['blank.yaml', '  \n\n', 'the file is empty'],
    ['comments.yaml', '# nothing yet\n', 'the file is empty'],
    ['null.json', 'null', 'the document is null'],
    ['null.yaml', '~\n', 'the document is null'],
    ['number.json', '42', 'the document is a number (42)'],
    ['true.yaml', 'true', 'the document is a boolean (true)'],
    ['list.json', '[1, 2]', 'the document is a list of 2 items'],
  ])('%s', (name, text, what) => {
    const where = file(name, text);
    expect(inputError(() => loadPipelineFile(where))).toBe(`${where}: ${what}; ${EXPECTED}`);
  });
});

describe('resources that are not objects are input errors, not crashes', () => {
  test.each([
    ['null', '{"Resources":{"P":null}}', 'resource "P" is null'],
    ['a string', '{"Resources":{"P":"pipeline"}}', 'resource "P" is a string ("pipeline")'],
    ['a list', '{"Resources":{"P":[{"Type":"AWS::CodePipeline::Pipeline"}]}}', 'resource "P" is a list of 1 item'],
  ])('a resource that is %s', (_name, text, what) => {
    const where = file('resource.json', text);
    expect(inputError(() => loadPipelineFile(where))).toBe(
      `${where}: ${what}; expected an object with Type and Properties (CloudFormation rejects the template).`,
    );
  });

  test('Resources that is not an object', () => {
    expect(inputError(() => pipelinesFromDocument({ Resources: ['P'] }, 't.json'))).toBe(
      't.json: Resources is a list of 1 item; expected an object of resources by logical ID, each with Type and Properties.',
    );
  });
});

describe('encodings', () => {
  const expected = () => validatePipeline(loadPipelineFile(file('plain.json', templateText()))[0]);
  const utf16be = (text: string) => {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
    return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
  };

  test.each([
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(templateText())])],
    ['UTF-16 little-endian with its byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(templateText(), 'utf16le')])],
    ['UTF-16 big-endian with its byte order mark', utf16be(templateText())],
    ['YAML in UTF-16 little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Resources: ${templateText().slice('{"Resources":'.length, -1)}\n`, 'utf16le')])],
  ])('%s is read as the same template', (_name, bytes) => {
    const [model] = loadPipelineFile(file('encoded.json', bytes));
    expect(model.name).toBe('Release');
    expect(model.stages.map((s) => s.name)).toEqual(['Source', 'Approve']);
    expect(validatePipeline(model)).toEqual(expected());
  });
});

describe('keys that name Object.prototype members are data', () => {
  test('__proto__ and constructor in Configuration are kept as keys with their values', () => {
    const text = templateText().replace('"Configuration":{"S3Bucket"', '"Configuration":{"__proto__":"a","constructor":"b","S3Bucket"');
    const [model] = loadPipelineFile(file('proto.json', text));
    const configuration = model.stages[0].actions[0].configuration;
    expect(Object.keys(configuration)).toEqual(['__proto__', 'constructor', 'S3Bucket', 'S3ObjectKey']);
    expect(configuration.__proto__).toBe('a');
    expect(configuration.constructor).toBe('b');
    expect(Object.getPrototypeOf(configuration)).toBeNull();
  });

  test('a pipeline whose logical ID is __proto__ is read, and a missing key is not found on Object.prototype', () => {
    const text = templateText().replace('"Release":{"Type"', '"__proto__":{"Type"').replace('"Name":"Release",', '');
    const [model] = loadPipelineFile(file('proto-resource.json', text));
    expect(model.name).toBe('__proto__');
    expect(model.origin.logicalId).toBe('__proto__');
    expect(validatePipeline(model)).toEqual([]);
  });

  test('a bucket named __proto__ keeps its facts, and a region named __proto__ its store', () => {
    const template = JSON.parse(templateText({ ArtifactStore: undefined, ArtifactStores: [{ Region: '__proto__', ArtifactStore: { Type: 'S3', Location: 'x' } }] }));
    template.Resources.Source = { Type: 'AWS::S3::Bucket', Properties: { BucketName: '__proto__' } };
    const [model] = pipelinesFromDocument(JSON.parse(JSON.stringify(template).replace('"S3Bucket":"source"', '"S3Bucket":"__proto__"')));
    expect(Object.keys(model.context.buckets ?? {})).toEqual(['{"Ref":"Source"}', '__proto__']);
    expect(Object.keys(model.artifactStores ?? {})).toEqual(['__proto__']);
    expect(validatePipeline(model).map((f) => f.message.split(' (')[0])).toEqual(['the S3 source reads bucket __proto__, which is not versioned']);
  });
});

describe('values nested thousands of levels deep', () => {
  const deepObject = (depth: number, leaf: string) => `${'{"a":'.repeat(depth)}${leaf}${'}'.repeat(depth)}`;
  const deepList = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

  test.each([
    ['an object', deepObject(5000, '1'), 'an object with key "a"'],
    ['a list', deepList(5000, '1'), 'a list of 1 item'],
  ])('a Name nested 5,000 levels deep in %s is one finding', (_name, value, got) => {
    const where = file('deep.json', templateText({ Name: 'DEEP' }).replace('"DEEP"', value));
    const findings = validatePipeline(loadPipelineFile(where)[0]);
    expect(findings.map((f) => [f.ruleId, f.message.split(' (')[0]])).toEqual([['declaration-shape', `name is ${got}; expected text`]]);
    expect(findings[0].pipeline.length).toBeLessThan(1010);
  });

  test('a deep intrinsic name is unresolved and described within bounds', () => {
    const where = file('deep-sub.json', templateText({ Name: 'DEEP' }).replace('"DEEP"', `{"Fn::Sub":${deepList(5000, '"x"')}}`));
    const [model] = loadPipelineFile(where);
    expect(validatePipeline(model)).toEqual([]);
    expect(describeValue(model.name)).toBe(`{"Fn::Sub":${'['.repeat(31)}[…]${']'.repeat(31)}}`);
  });

  test('deep configuration: an intrinsic, ParameterOverrides text and a Fn::Join', () => {
    const deploy = (configuration: string) => file('deep-config.json', templateText().replace(
      '{"Name":"Approve","Actions":[{"Name":"Approve","ActionTypeId":{"Category":"Approval","Owner":"AWS","Provider":"Manual","Version":"1"},"RunOrder":1}]}',
      `{"Name":"Deploy","Actions":[{"Name":"Deploy","ActionTypeId":{"Category":"Deploy","Owner":"AWS","Provider":"CloudFormation","Version":"1"},"InputArtifacts":[{"Name":"Src"}],"Configuration":${configuration}}]}`,
    ));
    const base = '"ActionMode":"CREATE_UPDATE","StackName":"app","TemplatePath":"Src::t.yaml"';
    const ids = (where: string) => validatePipeline(loadPipelineFile(where)[0]).map((f) => f.ruleId);
    expect(ids(deploy(`{${base},"RoleArn":{"Fn::If":["C",${deepList(5000, '"AWS::NoValue"')},"x"]}}`))).toEqual([]);
    const overrides = JSON.stringify(`{"P":${deepObject(5000, '1')}}`);
    const tooLong = validatePipeline(loadPipelineFile(deploy(`{${base},"ParameterOverrides":${overrides}}`))[0]);
    expect(tooLong.map((f) => f.ruleId)).toEqual(['cfn-parameter-overrides']);
    expect(tooLong[0].message).toMatch(/^ParameterOverrides is 30007 characters; the limit is 1000 \(largest: P 30005\)/);
    let join = '"x"';
    for (let i = 0; i < 5000; i++) join = `{"Fn::Join":["",[${join},"y"]]}`;
    expect(ids(deploy(`{${base},"ParameterOverrides":${join}}`))).toEqual(['cfn-parameter-overrides']);
  });
});

describe('long lists', () => {
  // More items than a call can take as spread arguments (about 125,000 here).
  test('150,000 malformed artifact store entries are read, each a malformed part', () => {
    const [model] = pipelinesFromDocument(JSON.parse(templateText({ ArtifactStores: new Array(150_000).fill(null) })));
    expect(model.malformed).toHaveLength(150_000);
    expect(model.malformed?.[149_999]).toEqual({ path: 'artifactStores[149999]', expected: 'an object with Region and ArtifactStore', got: 'null' });
  });

  test('a stage of 130,000 actions is read and counted', () => {
    const type = { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' };
    const actions = Array.from({ length: 130_000 }, (_, i) => ({ name: `A${i}`, actionTypeId: type }));
    const source = { name: 'Source', actions: [{ name: 'S', actionTypeId: { ...type, category: 'Source', provider: 'S3' }, configuration: { S3Bucket: 'b', S3ObjectKey: 'k' }, outputArtifacts: [{ name: 'Src' }] }] };
    const [model] = pipelinesFromDocument({ name: 'Release', stages: [source, { name: 'Approve', actions }] });
    expect(validatePipeline(model).map((f) => f.message.split(' (')[0])).toEqual([
      'the pipeline has 130001 actions; the limit is 500',
      'the stage has 130000 actions; the limit is 50',
      '130000 actions share runOrder 1; at most 50 may run in parallel',
    ]);
  });
});

test('RunOrder 1e400 (Infinity once read) is named as such', () => {
  const where = file('infinite.json', templateText().replace('"RunOrder":1', '"RunOrder":1e400'));
  expect(validatePipeline(loadPipelineFile(where)[0]).map((f) => [f.ruleId, f.stage, f.action, f.message])).toEqual([[
    'run-order', 'Approve', 'Approve',
    'runOrder Infinity (the number written is too large to represent) is not a whole number from 1 to 999 (CodePipeline API reference). Fix: use 1 for the first actions of the stage, and higher numbers (at most 999) for actions that run after them.',
  ]]);
});
