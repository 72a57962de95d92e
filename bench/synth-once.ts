/**
 * One measured synth in a fresh process: `node dist/bench/synth-once.js <variant> <environments>`,
 * `large` / `large-checked` for the 50 × 10 pipeline without and with PipelineChecks, `large-v2` /
 * `large-v2-checked` for the same with variables, a trigger and stage conditions, or `minimal` for
 * the smallest aws-cdk-lib pipeline app.
 * The built-in CloudFormation validator follows CDK_VALIDATION, as for any app. Prints one JSON line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import { VARIANTS } from './variants';

function main(): void {
  const [variantName, environmentsText] = process.argv.slice(2);
  const large = /^(large|large-v2)(-checked)?$/.exec(variantName ?? '');
  if (large) {
    // Loaded here, not at the top: a variant's process loads only what that variant uses.
    const { largePipeline, largeV2Pipeline } = require('./large-pipeline') as typeof import('./large-pipeline');
    const { PipelineChecks } = require('../lib/checks') as typeof import('../lib/checks');
    measure((app) => {
      (large[1] === 'large' ? largePipeline : largeV2Pipeline)(app);
      if (large[2]) PipelineChecks.of(app);
    });
    return;
  }
  if (variantName === 'minimal') {
    const { minimalPipeline } = require('./minimal-pipeline') as typeof import('./minimal-pipeline');
    measure((app) => { minimalPipeline(app); });
    return;
  }
  const entry = VARIANTS[variantName];
  const environments = Number(environmentsText);
  if (!entry || !Number.isInteger(environments) || environments < 1) {
    throw new Error(`usage: synth-once <${Object.keys(VARIANTS).join('|')}|large|large-checked|large-v2|large-v2-checked|minimal> <environments>`);
  }
  const variant = entry.load();
  measure((app) => variant.build(app, environments));
}

function measure(build: (app: App) => void): void {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    build(app);
    app.synth();
    const synthMs = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ synthMs, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
