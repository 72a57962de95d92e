/**
 * The rule engine's share of a synth: `node dist/bench/rule-engine-share.js <environments|large|large-v2>`.
 * Synthesizes the library's pipeline with N environments (or, with `large`, a CfnPipeline of
 * 50 stages × 10 actions under PipelineChecks; with `large-v2`, the same with variables, a trigger
 * and stage conditions) and times, inside that one synth, the check's own work: reading each
 * CfnPipeline into the model (listing the stack's elements, then mostly aws-cdk-lib resolving the
 * pipeline's tokens) with the stack's conditions, and running every rule on each combination of them. Prints the synth time and both
 * parts as JSON.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import { PipelineChecks } from '../lib/checks';
import { largePipeline, largeV2Pipeline } from './large-pipeline';
import { LibraryClasses, libraryVariant } from './variants/library';

/**
 * The library's classes from its modules rather than the bundled package entry: the check inside
 * them then calls modelForValidation and validatePipeline through those modules' exports, which
 * this script times. (The bundle runs the same code, but calls it directly.)
 */
const modules: LibraryClasses = {
  ...(require('../lib/cross-account') as typeof import('../lib/cross-account')),
  ...(require('../lib/release-pipeline') as typeof import('../lib/release-pipeline')),
  ...(require('../lib/sources') as typeof import('../lib/sources')),
  ...(require('../lib/stages') as typeof import('../lib/stages')),
};

/** Wraps a module's exported function so that the time spent in it adds up in `clock.ms`. */
function timeExport(module: Record<string, unknown>, name: string, clock: { ms: number }): void {
  const original = module[name] as (...args: unknown[]) => unknown;
  module[name] = (...args: unknown[]) => {
    const start = performance.now();
    try {
      return original(...args);
    } finally {
      clock.ms += performance.now() - start;
    }
  };
}

function main(): void {
  const scenario = process.argv[2] ?? '49';
  const reading = { ms: 0 };
  const rules = { ms: 0 };
  // The check calls these through their modules' exports, so the wrappers see every call.
  // The check lists the stack's elements once, for the bucket facts and the stack's conditions.
  timeExport(require('../lib/model/from-cdk'), 'stackElements', reading);
  timeExport(require('../lib/model/synth-models'), 'modelForValidation', reading);
  timeExport(require('../lib/model/cdk-branches'), 'branchesOfCfnPipeline', reading);
  // validateBranches runs validatePipeline on each combination of the stack's conditions.
  timeExport(require('../lib/validate-template'), 'validateBranches', rules);

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-share-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    if (scenario === 'large' || scenario === 'large-v2') {
      (scenario === 'large' ? largePipeline : largeV2Pipeline)(app);
      PipelineChecks.of(app);
    } else {
      libraryVariant(modules).build(app, Number(scenario));
    }
    app.synth();
    const synthMs = performance.now() - start;
    process.stdout.write(JSON.stringify({ synthMs, readMs: reading.ms, rulesMs: rules.ms }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
