/**
 * The rule engine's share of a synth: `node dist/bench/rule-engine-share.js <environments|large>`.
 * Synthesizes the library's pipeline with N environments (or, with `large`, a plain aws-cdk-lib
 * pipeline of 50 stages × 10 actions under PipelineChecks), then times the check's own work —
 * reading the CfnPipeline into the model and running every rule — again on the same pipelines, and
 * prints both times as JSON.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import { CfnPipeline } from 'aws-cdk-lib/aws-codepipeline';
import { PipelineChecks } from '../lib/checks';
import { pipelineModelOf } from '../lib/model/from-cdk';
import { largePipeline } from './large-pipeline';
import { validatePipeline } from '../lib/validate';
import { library } from './variants/library';

const REPEATS = 20;

function main(): void {
  const scenario = process.argv[2] ?? '49';
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-share-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    if (scenario === 'large') {
      largePipeline(app);
      PipelineChecks.of(app);
    } else {
      library.build(app, Number(scenario));
    }
    app.synth();
    const synthMs = performance.now() - start;

    const pipelines = app.node.findAll().filter((c): c is CfnPipeline => c instanceof CfnPipeline);
    // The first pass is the one synth paid for (cold code); later ones show the steady cost.
    const timings: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const t = performance.now();
      for (const pipeline of pipelines) validatePipeline(pipelineModelOf(pipeline));
      timings.push(performance.now() - t);
    }
    process.stdout.write(JSON.stringify({ synthMs, checkMs: timings[0], steadyCheckMs: Math.min(...timings) }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
