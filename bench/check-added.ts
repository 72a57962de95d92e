/**
 * What the synth-time check adds to a synth: `node dist/bench/check-added.js <checked|unchecked> <environments>`.
 * Synthesizes the library's pipeline with N environments, the validator and the diagrams off, with
 * the check (`checked`) or with `PipelineChecks.byDefault` replaced by nothing (`unchecked`), and
 * prints the synth time as JSON. The difference of the two is the check's whole cost to a synth:
 * reading the model (whose first resolve of the pipeline renders aws-cdk-lib's cached stage lazies,
 * which synthesis then reuses) and every rule. Timing the check from inside (rule-engine-share.ts)
 * counts that first rendering as the check's, although the synth would do it anyway.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import { LibraryClasses, libraryVariant } from './variants/library';

function main(): void {
  const [mode, environmentsText] = process.argv.slice(2);
  const environments = Number(environmentsText ?? '49');
  if ((mode !== 'checked' && mode !== 'unchecked') || !Number.isInteger(environments) || environments < 1) {
    throw new Error('usage: check-added <checked|unchecked> <environments>');
  }
  const checks = require('../lib/checks') as typeof import('../lib/checks');
  if (mode === 'unchecked') checks.PipelineChecks.byDefault = () => undefined as never;
  const modules: LibraryClasses = {
    ...(require('../lib/cross-account') as typeof import('../lib/cross-account')),
    ...(require('../lib/release-pipeline') as typeof import('../lib/release-pipeline')),
    ...(require('../lib/sources') as typeof import('../lib/sources')),
    ...(require('../lib/stages') as typeof import('../lib/stages')),
  };
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-check-added-'));
  try {
    const start = performance.now();
    const app = new App({ outdir, context: { 'cdk-delivery-pipelines:pipelineDiagrams': false } });
    libraryVariant(modules).build(app, environments);
    app.synth();
    process.stdout.write(JSON.stringify({ synthMs: performance.now() - start }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
