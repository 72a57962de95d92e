import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../lib/cli/program';
import { captureIo } from '../cli/capture-io';
import { readSvg } from './svg-geometry';

const TEMPLATE = path.join(__dirname, 'fixtures', 'release-pipeline.yaml');

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempFile(name: string, content?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipectl-diagram-'));
  tempDirs.push(dir);
  const file = path.join(dir, name);
  if (content !== undefined) fs.writeFileSync(file, content);
  return file;
}

function getPipelineOutput(name: string): string {
  return JSON.stringify({
    pipeline: {
      name,
      roleArn: 'arn:aws:iam::111111111111:role/release-pipeline',
      artifactStore: { type: 'S3', location: 'release-artifacts' },
      stages: [
        { name: 'Source', actions: [{ name: 'Fetch', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'S3', version: '1' }, configuration: { S3Bucket: 'src', S3ObjectKey: 'a.zip' }, outputArtifacts: [{ name: 'Src' }] }] },
        { name: 'Gate', actions: [{ name: 'Approve', actionTypeId: { category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' } }] },
      ],
      version: 3,
    },
    metadata: { pipelineArn: `arn:aws:codepipeline:us-east-1:111111111111:${name}` },
  });
}

describe('pipectl diagram', () => {
  test('draws a CloudFormation template (YAML with short intrinsics) as SVG on stdout', async () => {
    const io = captureIo();
    expect(await runCli(['diagram', TEMPLATE], io)).toBe(0);
    expect(io.stderr).toEqual([]);
    const drawn = readSvg(io.stdout.join(''));
    expect(drawn.title).toBe('Pipeline WordPress-Release');
    expect(drawn.stages.map((s) => [s.name, s.actions.map((a) => a.name)])).toEqual([
      ['S3Source', ['TemplateSource']],
      ['TestStage', ['CreateStack', 'ApproveTestStack', 'DeleteTestStack']],
      ['ProdStage', ['CreateChangeSet', 'ApproveChangeSet', 'ExecuteChangeSet']],
    ]);
    expect(drawn.stages[2].actions[0].texts.map((t) => t.text)).toEqual([
      'CreateChangeSet',
      'CloudFormation CHANGE_SET_REPLACE',
      '@ ${ProdAccount}',
      'stack=prod-stack',
      'changeset=prod-stack-changeset',
    ]);
  });

  test('--format mermaid prints Markdown with a Mermaid flowchart', async () => {
    const io = captureIo();
    expect(await runCli(['diagram', TEMPLATE, '--format', 'mermaid'], io)).toBe(0);
    const markdown = io.stdout.join('');
    expect(markdown.startsWith('## Pipeline WordPress\\-Release\n\n```mermaid\nflowchart LR\n')).toBe(true);
    expect(markdown).toContain('    S1A0["<b>CreateStack</b><br/>CloudFormation REPLACE_ON_FAILURE<br/>@ 222222222222<br/>stack=test-stack"]\n');
    expect(markdown).toContain('  class S1A1,S2A1 gate\n');
  });

  test('reads get-pipeline output and writes to --out', async () => {
    const input = tempFile('pipeline.json', getPipelineOutput('Release'));
    const out = tempFile('release.svg');
    const io = captureIo();
    expect(await runCli(['diagram', input, '--out', out], io)).toBe(0);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([`wrote ${out}`]);
    expect(readSvg(fs.readFileSync(out, 'utf-8')).stages.map((s) => s.name)).toEqual(['Source', 'Gate']);
  });

  test('a template with two pipelines needs --pipeline for SVG', async () => {
    const twoPipelines = {
      Resources: {
        Blue: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Name: 'blue', Stages: [{ Name: 'A', Actions: [] }] } },
        Green: { Type: 'AWS::CodePipeline::Pipeline', Properties: { Stages: [{ Name: 'B', Actions: [] }] } },
      },
    };
    const input = tempFile('two.json', JSON.stringify(twoPipelines));
    const io = captureIo();
    expect(await runCli(['diagram', input], io)).toBe(2);
    expect(io.stderr).toEqual([
      `pipectl: ${input} has 2 pipelines (blue, Green); an SVG shows one: choose it with --pipeline NAME, or use --format mermaid.`,
    ]);

    const chosen = captureIo();
    expect(await runCli(['diagram', input, '--pipeline', 'Green'], chosen)).toBe(0);
    expect(readSvg(chosen.stdout.join('')).stages.map((s) => s.name)).toEqual(['B']);

    const missing = captureIo();
    expect(await runCli(['diagram', input, '--pipeline', 'red'], missing)).toBe(2);
    expect(missing.stderr).toEqual([`pipectl: ${input} has no pipeline named "red"; it has: blue, Green.`]);
  });

  test('an unreadable file or an unknown format is a usage error (exit 2)', async () => {
    const io = captureIo();
    const absent = path.join(os.tmpdir(), 'no-such-dir-for-pipectl', 'template.yaml');
    expect(await runCli(['diagram', absent], io)).toBe(2);
    expect(io.stderr).toEqual([`pipectl: ${absent}: cannot read the file (ENOENT).`]);

    const format = captureIo();
    expect(await runCli(['diagram', TEMPLATE, '--format', 'png'], format)).toBe(2);
    expect(format.stderr.join('')).toContain("error: option '--format <format>' argument 'png' is invalid. Allowed choices are svg, mermaid.");
  });
});
