/**
 * The multi-region part of `npm run bench` (BENCH_PARTS=multi-region): each variant of the
 * three-region wave synthesized RUNS times in its own process, variants alternating, with the built-in
 * CloudFormation validator off and on; the median synth time and peak RSS, and the stacks and
 * resources each variant deploys per region. Writes bench/results/multi-region.{md,json}.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { median } from '../stats';
import { WAVE_REGIONS } from './multi-region';
import { MULTI_REGION_VARIANTS } from './multi-region-index';
import type { MultiRegionSample, RegionCount } from './multi-region-synth-once';

interface MultiRegionCell {
  readonly variant: string;
  readonly validation: boolean;
  readonly synthMs: number;
  readonly maxRssMb: number;
  readonly regions: Record<string, RegionCount>;
  readonly samples: readonly MultiRegionSample[];
}

function synthOnce(variant: string, validation: boolean): MultiRegionSample {
  const child = spawnSync(process.execPath, [path.join(__dirname, 'multi-region-synth-once.js'), variant], {
    env: { ...process.env, CDK_VALIDATION: validation ? 'true' : 'false' },
    encoding: 'utf-8',
  });
  if (child.status !== 0) throw new Error(`multi-region ${variant} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as MultiRegionSample;
}

/** Measures every variant; returns the Markdown table and writes both result files under `outdir`. */
export function benchMultiRegion(runs: number, outdir: string): string {
  const names = Object.keys(MULTI_REGION_VARIANTS);
  const cells: MultiRegionCell[] = [];
  for (const validation of [false, true]) {
    const samples: Record<string, MultiRegionSample[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let run = 0; run < runs; run++) {
      // Alternate the order so that no variant always runs on a warmer (or busier) machine.
      for (const name of run % 2 === 0 ? names : [...names].reverse()) samples[name].push(synthOnce(name, validation));
    }
    for (const name of names) {
      const s = samples[name];
      cells.push({
        variant: name,
        validation,
        synthMs: median(s.map((x) => x.synthMs)),
        maxRssMb: median(s.map((x) => x.maxRssKb)) / 1024,
        regions: s[0].regions,
        samples: s,
      });
    }
  }
  const markdown = report(cells, runs);
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'multi-region.md'), `${markdown}\n`);
  fs.writeFileSync(path.join(outdir, 'multi-region.json'), `${JSON.stringify({ runs, regions: WAVE_REGIONS, cells }, undefined, 2)}\n`);
  return markdown;
}

function report(cells: MultiRegionCell[], runs: number): string {
  const cell = (variant: string, validation: boolean) => cells.find((c) => c.variant === variant && c.validation === validation)!;
  const lines = [
    `A production wave over ${WAVE_REGIONS.join(', ')} (a change set in each region, one approval, every change set executed) from a pipeline in ${WAVE_REGIONS[0]}. ` +
      `Synth time inside the process (app construction and \`app.synth()\`) and peak RSS, median of ${runs} runs, each in a fresh Node.js process; stacks / resources the app deploys per region.`,
    '',
    `| variant | validator off | validator on | stacks | ${WAVE_REGIONS.join(' | ')} |`,
    `|---|---:|---:|---:|${WAVE_REGIONS.map(() => '---:').join('|')}|`,
  ];
  for (const [name, entry] of Object.entries(MULTI_REGION_VARIANTS)) {
    const off = cell(name, false);
    const on = cell(name, true);
    const fmt = (c: MultiRegionCell) => `${(c.synthMs / 1000).toFixed(2)} s / ${c.maxRssMb.toFixed(0)} MB`;
    const stacks = Object.values(off.regions).reduce((sum, r) => sum + r.stacks, 0);
    const perRegion = WAVE_REGIONS.map((region) => {
      const count = off.regions[region] ?? { stacks: 0, resources: 0 };
      return `${count.stacks} / ${count.resources}`;
    });
    lines.push(`| ${entry.title} | ${fmt(off)} | ${fmt(on)} | ${stacks} | ${perRegion.join(' | ')} |`);
  }
  return lines.join('\n');
}
