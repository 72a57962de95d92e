/**
 * One measured synth of a multi-region variant in a fresh process:
 * `node dist/bench/variants/multi-region-synth-once.js <variant>`. The built-in CloudFormation
 * validator follows CDK_VALIDATION. Prints one JSON line: the synth time, the peak RSS, and the
 * stacks and resources the app deploys in each region (nested stages included).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { App } from 'aws-cdk-lib';
import { MULTI_REGION_VARIANTS } from './multi-region-index';

export interface RegionCount {
  readonly stacks: number;
  readonly resources: number;
}

export interface MultiRegionSample {
  readonly synthMs: number;
  readonly maxRssKb: number;
  readonly regions: Record<string, RegionCount>;
}

function main(): void {
  const [name] = process.argv.slice(2);
  const entry = MULTI_REGION_VARIANTS[name];
  if (!entry) throw new Error(`usage: multi-region-synth-once <${Object.keys(MULTI_REGION_VARIANTS).join('|')}>`);
  const variant = entry.load();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-multi-region-'));
  try {
    const start = performance.now();
    const app = new App({ outdir });
    variant.build(app);
    const assembly = app.synth();
    const synthMs = performance.now() - start;
    const maxRssKb = process.resourceUsage().maxRSS;
    const regions: Record<string, { stacks: number; resources: number }> = {};
    for (const stack of assembly.stacksRecursively) {
      const count = regions[stack.environment.region] ??= { stacks: 0, resources: 0 };
      count.stacks += 1;
      // The version-reporting resource is not part of what a pipeline deploys.
      count.resources += Object.values(stack.template.Resources ?? {}).filter((r: any) => r.Type !== 'AWS::CDK::Metadata').length;
    }
    const sample: MultiRegionSample = { synthMs, maxRssKb, regions };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
