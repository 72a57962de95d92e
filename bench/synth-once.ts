/**
 * One measured synth in a fresh process: `node dist/bench/synth-once.js <variant> <environments>`,
 * or `large` / `large-checked` for the 50 × 10 pipeline without and with PipelineChecks.
 * The built-in CloudFormation validator follows CDK_VALIDATION, as for any app. Prints one JSON line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import { PipelineChecks } from '../lib/checks';
import { largePipeline } from './large-pipeline';
import { VARIANTS } from './variants';

function main(): void {
  const [variantName, environmentsText] = process.argv.slice(2);
  if (variantName === 'large' || variantName === 'large-checked') {
    measure((app) => {
      largePipeline(app);
      if (variantName === 'large-checked') PipelineChecks.of(app);
    });
    return;
  }
  const variant = VARIANTS[variantName];
  const environments = Number(environmentsText);
  if (!variant || !Number.isInteger(environments) || environments < 1) {
    throw new Error(`usage: synth-once <${Object.keys(VARIANTS).join('|')}> <environments>`);
  }
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
