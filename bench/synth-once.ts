/**
 * One measured synth in a fresh process: `node dist/bench/synth-once.js <variant> <environments>`.
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
  const variant = VARIANTS[variantName];
  const environments = Number(environmentsText);
  if (!variant || !Number.isInteger(environments) || environments < 1) {
    throw new Error(`usage: synth-once <${Object.keys(VARIANTS).join('|')}> <environments>`);
  }
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    variant.build(app, environments);
    app.synth();
    const synthMs = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ synthMs, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
