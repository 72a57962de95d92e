import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PipelineInputError, loadPipelineFile, pipelinesFromDocument } from '../../lib/model/load-file';
import { validatePipeline } from '../../lib/validate';

const GET_PIPELINE = path.join(__dirname, '..', 'fixtures', 'get-pipeline-output.json');
const output = () => JSON.parse(fs.readFileSync(GET_PIPELINE, 'utf-8'));

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-files-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const where = path.join(dir, name);
  fs.writeFileSync(where, text);
  return where;
}

describe('get-pipeline output', () => {
  test('is read as the declaration under "pipeline", with the region and account of its ARN', () => {
    const [model] = loadPipelineFile(GET_PIPELINE);
    expect(model.name).toBe('orders-release');
    expect(model.pipelineType).toBe('V2');
    expect(model.context).toEqual({ account: '111111111111', region: 'us-east-1' });
    expect(model.origin).toEqual({ file: GET_PIPELINE });
    expect(model.stages.map((s) => s.actions.map((a) => [a.name, a.runOrder, a.roleArn, a.timeoutInMinutes]))).toEqual([
      [['Template', 1, undefined, undefined]],
      [['DeployTest', 1, 'arn:aws:iam::222222222222:role/orders-release-deploy', undefined], ['ApproveTest', 2, undefined, 1440]],
    ]);
  });

  test('passes every rule', () => {
    expect(validatePipeline(loadPipelineFile(GET_PIPELINE)[0])).toEqual([]);
  });

  test('a bare declaration reads the same as get-pipeline output, with the account of its role', () => {
    const bare = file('bare.json', JSON.stringify(output().pipeline));
    const [fromBare] = loadPipelineFile(bare);
    const [fromOutput] = loadPipelineFile(GET_PIPELINE);
    expect(fromBare.context).toEqual({ account: '111111111111', region: undefined });
    expect({ ...fromBare, origin: undefined, context: undefined }).toEqual({ ...fromOutput, origin: undefined, context: undefined });
  });

  test('a source action in another region than the pipeline ARN\'s is found', () => {
    const changed = output();
    changed.pipeline.stages[0].actions[0].region = 'eu-west-1';
    expect(validatePipeline(pipelinesFromDocument(changed, 'orders.json')[0]).map((f) => f.ruleId)).toEqual(['source-region']);
  });

  test('a cross-account action with the AWS managed key is found, with the file and location', () => {
    const changed = output();
    delete changed.pipeline.artifactStore.encryptionKey;
    expect(validatePipeline(pipelinesFromDocument(changed, 'orders.json')[0])).toEqual([
      {
        ruleId: 'cross-account-key',
        severity: 'error',
        pipeline: 'orders-release',
        stage: 'Test',
        action: 'DeployTest',
        file: 'orders.json',
        message:
          'the action runs in account 222222222222 but the artifact store uses the AWS managed key, which other accounts cannot use (CodePipeline user guide, Create a pipeline that uses resources from another AWS account). Fix: encrypt the artifact store with a customer-managed KMS key, named by key ID or ARN, whose policy lets the other account use it (CrossAccountArtifactStore does this).',
      },
    ]);
  });

  test('YAML get-pipeline output (aws --output yaml) is read too', () => {
    const yaml = file('pipeline.yaml', [
      'pipeline:',
      '  name: tiny',
      '  stages:',
      '    - name: Source',
      '      actions:',
      '        - name: Source',
      '          actionTypeId: { category: Source, owner: AWS, provider: S3, version: "1" }',
      '          configuration: { S3Bucket: b, S3ObjectKey: k }',
      '          outputArtifacts: [{ name: Src }]',
      '    - name: Approve',
      '      actions:',
      '        - name: Approve',
      '          actionTypeId: { category: Approval, owner: AWS, provider: Manual, version: "1" }',
      'metadata: { pipelineArn: "arn:aws:codepipeline:us-east-1:111111111111:tiny" }',
    ].join('\n'));
    const [model] = loadPipelineFile(yaml);
    expect(model.name).toBe('tiny');
    expect(validatePipeline(model)).toEqual([]);
  });
});

describe('files that are not pipelines', () => {
  const expectInputError = (fn: () => unknown, message: string) => {
    expect(fn).toThrow(PipelineInputError);
    expect(fn).toThrow(message);
  };

  test('a missing file', () => {
    const missing = path.join(dir, 'missing.yaml');
    expectInputError(() => loadPipelineFile(missing), `${missing}: cannot read the file (ENOENT).`);
  });

  test('a directory', () => {
    expectInputError(() => loadPipelineFile(dir), `${dir}: cannot read the file (EISDIR).`);
  });

  test('invalid JSON', () => {
    const broken = file('broken.json', '{"pipeline": ');
    expect(() => loadPipelineFile(broken)).toThrow(PipelineInputError);
    expect(() => loadPipelineFile(broken)).toThrow(new RegExp(`^${broken}: invalid JSON: .+\\.$`));
  });

  test('invalid YAML, reported in one line', () => {
    const broken = file('broken.yaml', 'Resources:\n  P: [unclosed\n');
    let message = '';
    try {
      loadPipelineFile(broken);
    } catch (error) {
      expect(error).toBeInstanceOf(PipelineInputError);
      message = (error as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${broken}: invalid YAML: \\S.*$`));
    expect(message).not.toContain('\n');
  });

  test('a list, a scalar, a document without stages, and a template without a pipeline', () => {
    expectInputError(() => loadPipelineFile(file('list.json', '[]')), `${dir}/list.json: the document is a list of 0 items; expected a CloudFormation template, get-pipeline output or a pipeline declaration.`);
    expectInputError(() => loadPipelineFile(file('scalar.yaml', 'just text')), `${dir}/scalar.yaml: the document is a string ("just text"); expected a CloudFormation template, get-pipeline output or a pipeline declaration.`);
    expectInputError(
      () => loadPipelineFile(file('other.json', '{"name": "x"}')),
      `${dir}/other.json: not a pipeline: expected a CloudFormation template with Resources, get-pipeline output with "pipeline", or a declaration with "name" and "stages".`,
    );
    expectInputError(
      () => loadPipelineFile(file('queue.yaml', 'Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n')),
      `${dir}/queue.yaml: the template has no AWS::CodePipeline::Pipeline resource.`,
    );
  });
});
