import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { ensureBuiltCli } from '../e2e/built-cli';
import { codeBlocks, readmeSection } from './readme-app';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** The environment of the commands a user types: no npm_* variables inherited from `npm test`. */
function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  return { ...env, ...extra };
}

function run(command: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, env: userEnv(extra), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

let work: string;
let app: string;
let packedFiles: string[];

/**
 * The package as a user gets it: `npm pack` of this repository (dist is built by `npm test` before
 * jest, so the pack skips the prepare script's build), installed into a new app outside the
 * repository. The package and its dependencies come through npm (cache first, registry for what the
 * cache lacks); aws-cdk-lib and constructs are the repository's copies, linked in: `npm ci` caches
 * package tarballs but not the registry metadata an offline install resolves versions with, and
 * unpacking aws-cdk-lib would be most of this test's time.
 */
beforeAll(() => {
  ensureBuiltCli();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'packed-install-'));
  const [packed] = JSON.parse(run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], ROOT)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packedFiles = packed.files.map((f) => f.path).sort();

  app = path.join(work, 'my-pipeline');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'my-pipeline', version: '1.0.0', private: true }, undefined, 2));
  run(NPM, ['install', '--prefer-offline', '--legacy-peer-deps', '--no-audit', '--no-fund', '--loglevel=error', path.join(work, packed.filename)], app);
  for (const name of ['aws-cdk-lib', 'constructs']) {
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(app, 'node_modules', name), 'dir');
  }
  // The README's app, as TypeScript users write it, compiled to what their build emits.
  const [source] = codeBlocks(readmeSection('Use it in your app'), 'ts');
  fs.writeFileSync(path.join(app, 'app.js'), ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText);
  // `cdk synth` without the CLI: the app writes the assembly where CDK_OUTDIR says.
  run(process.execPath, ['app.js'], app, { CDK_VALIDATION: 'false', CDK_OUTDIR: path.join(app, 'cdk.out') });
}, 180_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the packed package, installed in an app of its own', () => {
  test('ships the library and pipectl only: no examples app, examples, tests or benchmarks', () => {
    expect(packedFiles.filter((file) => !file.startsWith('dist/lib/'))).toEqual(['LICENSE', 'README.md', 'dist/bin/pipectl.js', 'package.json']);
    expect(packedFiles).toEqual(expect.arrayContaining(['dist/lib/index.js', 'dist/lib/index.d.ts']));
    expect(packedFiles.filter((file) => !/^dist\/lib\/.+\.(js|d\.ts)$/.test(file) && file.startsWith('dist/'))).toEqual(['dist/bin/pipectl.js']);
  });

  test('the README\'s app synthesizes the pipeline with its diagram, from the installed package', () => {
    const installed = fs.realpathSync(path.join(app, 'node_modules', 'cdk-delivery-pipelines'));
    expect(installed.startsWith(fs.realpathSync(work))).toBe(true);
    const template = JSON.parse(fs.readFileSync(path.join(app, 'cdk.out', 'MyAppPipeline.template.json'), 'utf8'));
    const pipelines = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::CodePipeline::Pipeline') as any[];
    expect(pipelines.map((p) => [p.Properties.Name, p.Properties.Stages.map((s: any) => s.Name)])).toEqual([['my-app-release', ['S3Source', 'TestStage']]]);
    expect(fs.readdirSync(path.join(app, 'cdk.out')).filter((f) => f.includes('.pipeline.')).sort())
      .toEqual(['MyAppPipeline.Release-Pipeline.pipeline.md', 'MyAppPipeline.Release-Pipeline.pipeline.svg']);
  });

  test('the installed pipectl validates the synthesized template and prints its help', () => {
    expect(run(NPX, ['pipectl', 'validate', 'cdk.out/MyAppPipeline.template.json'], app)).toBe('0 errors, 0 warnings in 1 pipeline (1 file).\n');
    expect(run(NPX, ['pipectl', '--help'], app)).toMatch(/^Usage: pipectl \[options\] \[command\]\n/);
  });
});
