/**
 * `npm run bench`: synthesizes the same release pipeline — N cross-account environments, each a
 * change-set stage with a manual approval — written three ways (this library, hand-written aws-cdk-lib
 * L2, CDK Pipelines), each synth in its own process, variants alternating, with aws-cdk-lib's built-in
 * CloudFormation validator on and off. Reports the median wall time and peak RSS of RUNS runs, the
 * ratios the project targets, the slope in N, the rule engine's share of synth, and `cdk synth` of the
 * default app against a precompiled equivalent. Writes bench/results/results.{md,json}. Then
 * `pipectl` on hostile and oversized input (hostile-inputs.ts), into bench/results/hostile.{md,json}.
 *
 * BENCH_PARTS=share,large-v2 (a comma list of synths, share, large, large-v2, minimal, cdk-synth,
 * hostile, multi-region) measures only those parts and writes them to bench/results/parts.{md,json}, leaving the
 * full results as they are.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { benchHostileInputs } from './hostile-inputs';
import { benchMultiRegion } from './variants/multi-region-bench';
import { fitLine, median } from './stats';
import { VARIANTS } from './variants';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LARGE_RUNS = Math.max(RUNS, Number(process.env.BENCH_LARGE_RUNS ?? 15));
const SIZES = (process.env.BENCH_SIZES ?? '1,10,25,49').split(',').map(Number);
const VARIANT_NAMES = Object.keys(VARIANTS);
const ALL_PARTS = ['synths', 'share', 'large', 'large-v2', 'minimal', 'cdk-synth', 'hostile', 'multi-region'] as const;
type Part = (typeof ALL_PARTS)[number];
const PARTS: readonly Part[] | undefined = process.env.BENCH_PARTS ? parseParts(process.env.BENCH_PARTS) : undefined;

function parseParts(text: string): Part[] {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  const unknown = parts.filter((p) => !(ALL_PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown part ${unknown.join(', ')}; choose from ${ALL_PARTS.join(', ')}`);
  return parts as Part[];
}

function runs(part: Part): boolean {
  return PARTS === undefined || PARTS.includes(part);
}

interface Sample {
  readonly wallMs: number;
  readonly synthMs: number;
  readonly maxRssKb: number;
}

interface Cell {
  readonly variant: string;
  readonly environments: number;
  readonly validation: boolean;
  readonly wallMs: number;
  readonly maxRssMb: number;
  readonly samples: readonly Sample[];
}

function synthOnce(variant: string, environments: number, validation: boolean): Sample {
  const start = performance.now();
  const child = spawnSync(process.execPath, [path.join(DIST, 'synth-once.js'), variant, String(environments)], {
    env: { ...process.env, CDK_VALIDATION: validation ? 'true' : 'false' },
    encoding: 'utf-8',
  });
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`${variant} N=${environments} failed:\n${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { synthMs: number; maxRssKb: number };
  return { wallMs, synthMs: result.synthMs, maxRssKb: result.maxRssKb };
}

function measureSynths(): Cell[] {
  const cells: Cell[] = [];
  for (const validation of [false, true]) {
    for (const environments of SIZES) {
      const samples: Record<string, Sample[]> = Object.fromEntries(VARIANT_NAMES.map((v) => [v, []]));
      for (let run = 0; run < RUNS; run++) {
        // Alternate the order so that no variant always runs on a warmer (or busier) machine.
        const order = run % 2 === 0 ? VARIANT_NAMES : [...VARIANT_NAMES].reverse();
        for (const variant of order) samples[variant].push(synthOnce(variant, environments, validation));
      }
      for (const variant of VARIANT_NAMES) {
        const s = samples[variant];
        cells.push({
          variant,
          environments,
          validation,
          wallMs: median(s.map((x) => x.wallMs)),
          maxRssMb: median(s.map((x) => x.maxRssKb)) / 1024,
          samples: s,
        });
      }
      process.stderr.write(`measured N=${environments} validator ${validation ? 'on' : 'off'}\n`);
    }
  }
  return cells;
}

interface Share {
  /** The whole check: reading the pipeline into the model, then the rules. */
  readonly checkMs: number;
  /** Reading the pipeline: mostly aws-cdk-lib resolving its tokens. */
  readonly readMs: number;
  /** The rules alone. */
  readonly rulesMs: number;
  readonly synthMs: number;
  readonly share: number;
  readonly rulesShare: number;
  /** The lowest and highest share of the whole check among the runs. */
  readonly shareRange: readonly [number, number];
  /** What the check adds to the synth, from whole synths with and without it (scenarios of N environments only). */
  readonly added?: CheckAdded;
}

interface CheckAdded {
  readonly pairs: number;
  readonly withoutMs: number;
  readonly withMs: number;
  /** The median of the pairs' differences, over the median synth without the check. */
  readonly share: number;
  /** The lower and upper quartile of the pairs' shares. */
  readonly quartiles: readonly [number, number];
}

/**
 * The check's cost to a synth of N environments, validator and diagrams off: pairs of synths without
 * and with the check, alternating in fresh processes, so that load on the machine falls on both alike.
 */
function checkAdded(environments: number): CheckAdded {
  const synth = (mode: string): number => {
    const out = execFileSync(process.execPath, [path.join(DIST, 'check-added.js'), mode, String(environments)], {
      env: { ...process.env, CDK_VALIDATION: 'false' },
      encoding: 'utf-8',
    });
    return (JSON.parse(out) as { synthMs: number }).synthMs;
  };
  const pairs = Array.from({ length: LARGE_RUNS }, (_, i) => {
    // Alternate which one goes first, so a warming disk cache or a burst of load favours neither.
    const [first, second] = i % 2 === 0 ? ['unchecked', 'checked'] : ['checked', 'unchecked'];
    const a = synth(first);
    const b = synth(second);
    return first === 'unchecked' ? { without: a, with: b } : { without: b, with: a };
  });
  const withoutMs = median(pairs.map((p) => p.without));
  const shares = pairs.map((p) => (p.with - p.without) / withoutMs).sort((x, y) => x - y);
  const quartile = (q: number) => shares[Math.min(shares.length - 1, Math.floor(q * shares.length))];
  return { pairs: pairs.length, withoutMs, withMs: median(pairs.map((p) => p.with)), share: median(shares), quartiles: [quartile(0.25), quartile(0.75)] };
}

/** The rule engine's share: the check's own work, timed in the process that synthesizes the scenario. */
function ruleEngineShare(scenario: string): Share {
  const samples = Array.from({ length: RUNS }, () => {
    const out = execFileSync(process.execPath, [path.join(DIST, 'rule-engine-share.js'), scenario], {
      env: { ...process.env, CDK_VALIDATION: 'false' },
      encoding: 'utf-8',
    });
    return JSON.parse(out) as { readMs: number; rulesMs: number; synthMs: number };
  });
  const checkMs = median(samples.map((s) => s.readMs + s.rulesMs));
  const readMs = median(samples.map((s) => s.readMs));
  const rulesMs = median(samples.map((s) => s.rulesMs));
  const synthMs = median(samples.map((s) => s.synthMs));
  const shares = samples.map((s) => (s.readMs + s.rulesMs) / s.synthMs);
  const added = /^\d+$/.test(scenario) ? checkAdded(Number(scenario)) : undefined;
  return { checkMs, readMs, rulesMs, synthMs, share: checkMs / synthMs, rulesShare: rulesMs / synthMs, shareRange: [Math.min(...shares), Math.max(...shares)], added };
}

interface Overhead {
  readonly withoutMs: number;
  readonly withMs: number;
  readonly added: number;
}

/** The 50 × 10 pipeline (`large` or `large-v2`) synthesized without and with PipelineChecks, in alternating processes. */
function largePipelineOverhead(name: LargeName, validation: boolean): Overhead {
  const without: number[] = [];
  const checked: number[] = [];
  const withChecks = `${name}-checked`;
  // The difference is a few milliseconds: more runs than elsewhere, so the medians can show it.
  for (let run = 0; run < LARGE_RUNS; run++) {
    const order = run % 2 === 0 ? [name, withChecks] : [withChecks, name];
    for (const variant of order) (variant === name ? without : checked).push(synthOnce(variant, 1, validation).wallMs);
  }
  const withoutMs = median(without);
  const withMs = median(checked);
  return { withoutMs, withMs, added: withMs / withoutMs - 1 };
}

type LargeName = 'large' | 'large-v2';
interface Large {
  readonly off: Overhead;
  readonly on: Overhead;
  readonly share: Share;
}

function largePipeline(name: LargeName): Large {
  return { off: largePipelineOverhead(name, false), on: largePipelineOverhead(name, true), share: ruleEngineShare(name) };
}

/** The smallest aws-cdk-lib pipeline app, validator off: the floor under any construct built on it. */
function minimalPipelineMs(): number {
  return median(Array.from({ length: RUNS }, () => synthOnce('minimal', 1, false).wallMs));
}

/** `npx cdk synth` of the default app against the same app precompiled, both through the CDK CLI. */
function cdkSynthComparison(): { defaultMs: number; precompiledMs: number; ratio: number } | undefined {
  const precompiled = path.join(ROOT, 'dist', 'bin', 'app.js');
  if (!fs.existsSync(precompiled)) return undefined;
  const cdk = path.join(ROOT, 'node_modules', '.bin', 'cdk');
  const time = (args: string[]): number => {
    const start = performance.now();
    const child = spawnSync(cdk, ['synth', '-q', '--output', fs.mkdtempSync('/tmp/bench-cdk-'), ...args], { cwd: ROOT, encoding: 'utf-8' });
    if (child.status !== 0) throw new Error(`cdk synth ${args.join(' ')} failed:\n${child.stderr}`);
    return performance.now() - start;
  };
  const defaults: number[] = [];
  const compiled: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    defaults.push(time([]));
    compiled.push(time(['--app', `node ${precompiled}`]));
  }
  const defaultMs = median(defaults);
  const precompiledMs = median(compiled);
  return { defaultMs, precompiledMs, ratio: defaultMs / precompiledMs };
}

function cellOf(cells: Cell[], variant: string, environments: number, validation: boolean): Cell {
  const cell = cells.find((c) => c.variant === variant && c.environments === environments && c.validation === validation);
  if (!cell) throw new Error(`no cell ${variant} ${environments} ${validation}`);
  return cell;
}

interface Results {
  readonly cells?: Cell[];
  readonly share?: Share;
  readonly large?: Large;
  readonly largeV2?: Large;
  readonly minimalMs?: number;
  readonly cdkSynth?: ReturnType<typeof cdkSynthComparison>;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function report(results: Results): string {
  const { cells, share, large, largeV2, minimalMs, cdkSynth } = results;
  const lines: string[] = [];
  if (cells) lines.push(...synthTables(cells));
  if (share) {
    lines.push(`Rule engine at N=${SIZES[SIZES.length - 1]}, validator off, timed inside a ${share.synthMs.toFixed(0)} ms synth (medians of ${RUNS}): the rules ${share.rulesMs.toFixed(1)} ms (${pct(share.rulesShare)}); the whole check ${share.checkMs.toFixed(1)} ms (${pct(share.share)}; ${pct(share.shareRange[0])}–${pct(share.shareRange[1])} over the runs), of which reading the pipeline into the model, mostly aws-cdk-lib resolving its tokens, ${share.readMs.toFixed(1)} ms.`, '');
    if (share.added) {
      const a = share.added;
      lines.push(`What the check adds to that synth, validator and diagrams off (${a.pairs} pairs of whole synths without and with it, alternating): ${a.withoutMs.toFixed(0)} ms without, ${a.withMs.toFixed(0)} ms with; median added ${pct(a.share)} (quartiles ${pct(a.quartiles[0])}–${pct(a.quartiles[1])}). The first resolve of the pipeline renders aws-cdk-lib's cached lazies, which synthesis then reuses, so the time timed inside counts work the synth does anyway.`, '');
    }
  }
  if (large) lines.push(largeLine('A CfnPipeline of 50 stages × 10 actions under PipelineChecks', large), '');
  if (largeV2) {
    lines.push(largeLine('The same pipeline with V2 features (a Git trigger on a connection source, 50 variables referenced by every action, QUEUED, and an entry condition, a success condition and a rollback on each of 49 stages)', largeV2), '');
  }
  if (minimalMs !== undefined) {
    const atOne = cells?.find((c) => c.variant === 'cdk-pipelines' && c.environments === SIZES[0] && !c.validation)?.wallMs;
    lines.push(
      `The smallest aws-cdk-lib codepipeline.Pipeline app (one stack, an S3 source and a manual approval), validator off: ${secs(minimalMs)}` +
        (atOne === undefined ? '.' : `, ${(minimalMs / atOne).toFixed(2)}× CDK Pipelines at N=${SIZES[0]} (${secs(atOne)}).`),
      '',
    );
  }
  if (cdkSynth) {
    lines.push(`\`npx cdk synth\` of the default app: ${(cdkSynth.defaultMs / 1000).toFixed(2)} s; the same app precompiled (\`--app "node dist/bin/app.js"\`): ${(cdkSynth.precompiledMs / 1000).toFixed(2)} s (${cdkSynth.ratio.toFixed(2)}×).`, '');
  }
  return lines.join('\n').trimEnd();
}

function synthTables(cells: Cell[]): string[] {
  const lines: string[] = [];
  lines.push(`Median of ${RUNS} runs per cell, each synth in a fresh Node.js process (wall time includes loading aws-cdk-lib); peak RSS in MB.`, '');
  for (const validation of [false, true]) {
    lines.push(`Built-in CloudFormation validator ${validation ? 'on (the default for users)' : 'off (CDK_VALIDATION=false)'}:`, '');
    lines.push('| N | library | hand-written L2 | CDK Pipelines | library / L2 | library / CDK Pipelines |');
    lines.push('|---:|---:|---:|---:|---:|---:|');
    for (const n of SIZES) {
      const lib = cellOf(cells, 'library', n, validation);
      const l2 = cellOf(cells, 'l2', n, validation);
      const cp = cellOf(cells, 'cdk-pipelines', n, validation);
      const fmt = (c: Cell) => `${(c.wallMs / 1000).toFixed(2)} s / ${c.maxRssMb.toFixed(0)} MB`;
      lines.push(`| ${n} | ${fmt(lib)} | ${fmt(l2)} | ${fmt(cp)} | ${(lib.wallMs / l2.wallMs).toFixed(2)}× | ${(lib.wallMs / cp.wallMs).toFixed(2)}× |`);
    }
    lines.push('');
  }
  lines.push('Cost per environment (least-squares slope of wall time in N, validator off):', '');
  for (const variant of VARIANT_NAMES) {
    const line = fitLine(SIZES, SIZES.map((n) => cellOf(cells, variant, n, false).wallMs));
    lines.push(`- ${VARIANTS[variant].title}: ${line.slope.toFixed(1)} ms per environment, intercept ${line.intercept.toFixed(0)} ms, R² ${line.r2.toFixed(3)}`);
  }
  lines.push('');
  return lines;
}

function largeLine(what: string, large: Large): string {
  return `${what}: the check's work is ${large.share.checkMs.toFixed(1)} ms (timed inside the synth; the rules ${large.share.rulesMs.toFixed(1)} ms) of a ${large.share.synthMs.toFixed(0)} ms synth with the validator off (${pct(large.share.share)}; ${pct(large.share.shareRange[0])}–${pct(large.share.shareRange[1])} over ${RUNS} runs). ` +
    `Whole processes, median of ${LARGE_RUNS}: validator off ${secs(large.off.withoutMs)} without the check, ${secs(large.off.withMs)} with it (${pct(large.off.added)}); ` +
    `validator on ${secs(large.on.withoutMs)} without, ${secs(large.on.withMs)} with (${pct(large.on.added)}).`;
}

function main(): void {
  const results: Results = {
    cells: runs('synths') ? measureSynths() : undefined,
    share: runs('share') ? ruleEngineShare(String(SIZES[SIZES.length - 1])) : undefined,
    large: runs('large') ? largePipeline('large') : undefined,
    largeV2: runs('large-v2') ? largePipeline('large-v2') : undefined,
    minimalMs: runs('minimal') ? minimalPipelineMs() : undefined,
    cdkSynth: runs('cdk-synth') ? cdkSynthComparison() : undefined,
  };
  const markdown = report(results);
  const outdir = path.join(ROOT, 'bench', 'results');
  const name = PARTS === undefined ? 'results' : 'parts';
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, `${name}.md`), `${markdown}\n`);
  const { cells, share, large, largeV2, minimalMs, cdkSynth } = results;
  const json = { runs: RUNS, sizes: SIZES, parts: PARTS, cells, ruleEngine: share, largePipeline: large, largeV2Pipeline: largeV2, minimalPipelineMs: minimalMs, cdkSynth };
  fs.writeFileSync(path.join(outdir, `${name}.json`), `${JSON.stringify(json, undefined, 2)}\n`);
  process.stdout.write(`${markdown}\n`);
  if (runs('multi-region')) process.stdout.write(`\n${benchMultiRegion(RUNS, outdir)}\n`);
  // Last, once the results are written: a failure among the hostile inputs loses none of them.
  if (runs('hostile')) process.stdout.write(`\n${benchHostileInputs().markdown}\n`);
}

main();
