import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import * as codepipeline from 'aws-cdk-lib/aws-codepipeline';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import * as actions from 'aws-cdk-lib/aws-codepipeline-actions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PIPELINE_DIAGRAMS_CONTEXT, PipelineDiagrams, diagramBaseName } from '../../lib/diagram/pipeline-diagrams';
import { readSvg } from './svg-geometry';

const tempDirs: string[] = [];
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempOutdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-diagrams-'));
  tempDirs.push(dir);
  return dir;
}

/** A two-stage aws-cdk-lib pipeline with an approval gate. */
function addPipeline(scope: Construct, id: string): codepipeline.Pipeline {
  const bucket = new s3.Bucket(scope, `${id}Source`, { versioned: true });
  const source = new codepipeline.Artifact('Source');
  return new codepipeline.Pipeline(scope, id, {
    stages: [
      { stageName: 'Source', actions: [new actions.S3SourceAction({ actionName: 'Fetch', bucket, bucketKey: 'app.zip', output: source })] },
      { stageName: 'Approve', actions: [new actions.ManualApprovalAction({ actionName: 'Gate' })] },
    ],
  });
}

function diagramFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.includes('.pipeline.')).sort();
}

describe('PipelineDiagrams', () => {
  test('writes <stack>.<pipeline>.pipeline.svg and .md beside the templates', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const stack = new Stack(app, 'Delivery');
    addPipeline(stack, 'Release');
    const group = new Construct(stack, 'Team');
    addPipeline(group, 'Nightly');
    PipelineDiagrams.enable(app);
    app.synth();

    expect(diagramFiles(outdir)).toEqual([
      'Delivery.Release.pipeline.md',
      'Delivery.Release.pipeline.svg',
      'Delivery.Team-Nightly.pipeline.md',
      'Delivery.Team-Nightly.pipeline.svg',
    ]);
    expect(fs.existsSync(path.join(outdir, 'Delivery.template.json'))).toBe(true);
    const svg = readSvg(fs.readFileSync(path.join(outdir, 'Delivery.Release.pipeline.svg'), 'utf-8'));
    expect(svg.stages.map((s) => [s.name, s.actions.map((a) => `${a.name} ${a.className}`)])).toEqual([
      ['Source', ['Fetch action']],
      ['Approve', ['Gate action gate']],
    ]);
    const markdown = fs.readFileSync(path.join(outdir, 'Delivery.Release.pipeline.md'), 'utf-8');
    expect(markdown).toMatch(/^## Pipeline Release\n\n```mermaid\nflowchart LR\n/);
    expect(markdown).toContain('S1A0{{"<b>Gate</b><br/>Manual approval<br/>approval gate"}}');
  });

  test('enabling twice, or on a scope inside an enabled one, writes each file once', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const stack = new Stack(app, 'Delivery');
    addPipeline(stack, 'Release');
    expect(PipelineDiagrams.enable(app)).toBe(PipelineDiagrams.enable(app));
    PipelineDiagrams.enable(stack);
    const writes: string[] = [];
    // The module object itself: `import * as fs` gives a read-only namespace copy.
    const write = jest.spyOn(jest.requireActual<typeof fs>('fs'), 'writeFileSync');
    try {
      app.synth();
      writes.push(...write.mock.calls.map(([file]) => path.basename(String(file))).filter((f) => f.includes('.pipeline.')));
    } finally {
      write.mockRestore();
    }
    expect(writes.sort()).toEqual(['Delivery.Release.pipeline.md', 'Delivery.Release.pipeline.svg']);
  });

  test('pipelines in a nested Stage go to the stage assembly directory', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const stage = new Stage(app, 'Prod');
    const stack = new Stack(stage, 'Delivery');
    addPipeline(stack, 'Release');
    PipelineDiagrams.enable(app);
    app.synth();
    const stageDir = path.join(outdir, 'assembly-Prod');
    expect(fs.existsSync(path.join(stageDir, `${stack.artifactId}.template.json`))).toBe(true);
    expect(diagramFiles(stageDir)).toEqual([`${stack.artifactId}.Release.pipeline.md`, `${stack.artifactId}.Release.pipeline.svg`]);
    expect(diagramFiles(outdir)).toEqual([]);
  });

  test('the context value false turns them off', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir, context: { [PIPELINE_DIAGRAMS_CONTEXT]: 'false' } });
    addPipeline(new Stack(app, 'Delivery'), 'Release');
    PipelineDiagrams.enable(app);
    app.synth();
    expect(diagramFiles(outdir)).toEqual([]);
  });

  test('a construct path longer than a file name may be is cut and ends in a hash of the whole name', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const stack = new Stack(app, 'Delivery');
    const deep = new Construct(new Construct(new Construct(stack, 'A'.repeat(110)), 'B'.repeat(110)), 'C'.repeat(110));
    addPipeline(deep, 'Release');
    PipelineDiagrams.enable(app);
    app.synth();

    // The name cut at 233 bytes, `~` and 8 hex digits of its hash, `.pipeline.svg`: 255 bytes.
    const base = `Delivery.${'A'.repeat(110)}-${'B'.repeat(110)}-${'C'.repeat(110)}-Release`.slice(0, 233) + '~e39d3304.pipeline';
    expect(diagramFiles(outdir)).toEqual([`${base}.md`, `${base}.svg`]);
    expect(Buffer.byteLength(`${base}.svg`)).toBe(255);
    const svg = readSvg(fs.readFileSync(path.join(outdir, `${base}.svg`), 'utf-8'));
    expect(svg.stages.map((s) => s.name)).toEqual(['Source', 'Approve']);
    expect(fs.readFileSync(path.join(outdir, `${base}.md`), 'utf-8')).toMatch(/^## Pipeline /);
  });

  test('file names: cut between whole characters, within 255 bytes of UTF-8; `\\` written as `-`', () => {
    const stack = new Stack(new App(), 'Delivery');
    const accented = addPipeline(new Construct(stack, 'é'.repeat(150)), 'Release');
    // 9 bytes of `Delivery.`, 112 two-byte characters, the hash: 242 bytes, and `.pipeline.svg` 13 more.
    expect(diagramBaseName(accented.node.defaultChild as CfnPipeline)).toBe(`Delivery.${'é'.repeat(112)}~04f7150f.pipeline`);
    const backslash = addPipeline(new Construct(stack, 'Team\\Nightly'), 'Release');
    expect(diagramBaseName(backslash.node.defaultChild as CfnPipeline)).toBe('Delivery.Team-Nightly-Release.pipeline');
  });

  test('nothing is written unless enabled', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    addPipeline(new Stack(app, 'Delivery'), 'Release');
    app.synth();
    expect(diagramFiles(outdir)).toEqual([]);
  });
});
