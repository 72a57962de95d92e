/**
 * `npm run bench:hostile` (and the end of `npm run bench`): the built `pipectl` on generated inputs
 * far past every quota or crafted against the reader — one stage of 10,000 and 40,000 actions, YAML
 * alias bombs, a name nested 5,000 levels deep, a pipeline of hundreds of thousands of stages. Each
 * command runs in a fresh process; reports the median wall time and peak RSS of BENCH_RUNS runs, the
 * exit code and the output size. Writes bench/results/hostile.{md,json}, beside results.{md,json}.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { deepNameTemplate, manyStagesTemplate, nestedAliasYaml, wideAliasYaml } from './fixtures/hostile';
import { largeStageDeclaration } from './fixtures/large-stage';
import { median } from './stats';

const ROOT = path.resolve(__dirname, '..', '..');
const PIPECTL = path.join(ROOT, 'dist', 'bin', 'pipectl.js');
const PROBE = path.join(__dirname, 'rss-probe.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The many-stages case; lower it where 331,140 stages take too long (see the report). */
const STAGES = Number(process.env.BENCH_HOSTILE_STAGES ?? 331_140);
/** A run past this is killed and reported as such, so one slow case cannot stall the benchmark. */
const TIMEOUT_MS = Number(process.env.BENCH_HOSTILE_TIMEOUT_S ?? 300) * 1000;

interface Input {
  readonly file: string;
  readonly title: string;
  readonly text: () => string;
  /** The pipectl arguments after the file, one command each. */
  readonly commands: readonly (readonly string[])[];
  /** The exit code the input must give (a refusal); others are recorded as they come. */
  readonly expectedExit?: number;
}

interface Sample {
  readonly wallMs: number;
  readonly maxRssKb: number | undefined;
  readonly exit: number | string;
  readonly outputBytes: number;
  readonly stderr: string;
}

export interface HostileRow {
  readonly input: string;
  readonly inputBytes: number;
  readonly command: string;
  readonly exit: number | string;
  readonly expectedExit?: number;
  readonly wallMs: number;
  readonly maxRssMb: number | undefined;
  readonly outputBytes: number;
  /** The first line pipectl wrote to stderr, cut: the refusal's message. */
  readonly stderr: string;
  readonly samples: readonly Sample[];
}

const DIAGRAMS = [['diagram'], ['diagram', '--format', 'mermaid']];
const stage = (actions: number, runOrders: number): Input => ({
  file: `stage-${actions}-ro${runOrders}.json`,
  title: `one stage of ${actions.toLocaleString('en-US')} actions, ${runOrders} run order${runOrders === 1 ? '' : 's'}`,
  text: () => JSON.stringify(largeStageDeclaration(actions, runOrders)),
  commands: [...DIAGRAMS, ['validate']],
});

function inputs(): Input[] {
  return [
    stage(10_000, 1),
    stage(10_000, 2),
    stage(40_000, 1),
    stage(40_000, 2),
    { file: 'wide-alias.yaml', title: 'YAML: an anchor of 5,000 keys used 990 times', text: () => wideAliasYaml(), commands: [['validate']], expectedExit: 2 },
    { file: 'nested-alias.yaml', title: 'YAML: 10 levels of 10 aliases', text: () => nestedAliasYaml(), commands: [['validate']], expectedExit: 2 },
    { file: 'deep-object.json', title: 'Name: an object 5,000 levels deep', text: () => deepNameTemplate(5000, 'object'), commands: [['validate'], ['diagram']] },
    { file: 'deep-sub.json', title: 'Name: Fn::Sub of lists 5,000 levels deep', text: () => deepNameTemplate(5000, 'intrinsic'), commands: [['validate'], ['diagram']] },
    { file: 'many-stages.json', title: `${STAGES.toLocaleString('en-US')} stages of one action`, text: () => manyStagesTemplate(STAGES), commands: [['validate'], ...DIAGRAMS] },
  ];
}

/** One `pipectl` process: stdout to a file (its size is the output), stderr kept, RSS from the probe. */
function runOnce(dir: string, file: string, args: readonly string[]): Sample {
  const outFile = path.join(dir, 'stdout');
  const rssFile = path.join(dir, 'rss');
  fs.rmSync(rssFile, { force: true });
  const out = fs.openSync(outFile, 'w');
  const start = performance.now();
  const child = spawnSync(process.execPath, ['-r', PROBE, PIPECTL, ...args, file], {
    cwd: dir,
    env: { ...process.env, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', out, 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: TIMEOUT_MS,
    encoding: 'utf-8',
  });
  const wallMs = performance.now() - start;
  fs.closeSync(out);
  const exit = child.error ? `error ${(child.error as NodeJS.ErrnoException).code}` : (child.status ?? `signal ${child.signal}`);
  return {
    wallMs,
    maxRssKb: fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf-8')) : undefined,
    exit,
    outputBytes: fs.statSync(outFile).size,
    // Without the temporary directory, so the message reads the same from run to run.
    stderr: (child.stderr ?? '').split('\n')[0].split(`${dir}${path.sep}`).join('').slice(0, 240),
  };
}

export function benchHostileInputs(): { markdown: string; rows: HostileRow[] } {
  if (!fs.existsSync(PIPECTL)) throw new Error(`${PIPECTL} is missing: run npm run build`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hostile-'));
  const loadBefore = os.loadavg();
  const rows: HostileRow[] = [];
  try {
    for (const input of inputs()) {
      const file = path.join(dir, input.file);
      fs.writeFileSync(file, input.text());
      const inputBytes = fs.statSync(file).size;
      for (const command of input.commands) {
        const samples = Array.from({ length: RUNS }, () => runOnce(dir, file, command));
        const rss = samples.map((s) => s.maxRssKb).filter((kb): kb is number => kb !== undefined);
        const last = samples[samples.length - 1];
        rows.push({
          input: input.title,
          inputBytes,
          command: `pipectl ${command.join(' ')}`,
          exit: last.exit,
          expectedExit: input.expectedExit,
          wallMs: median(samples.map((s) => s.wallMs)),
          maxRssMb: rss.length > 0 ? median(rss) / 1024 : undefined,
          outputBytes: last.outputBytes,
          stderr: last.stderr,
          samples,
        });
        process.stderr.write(`measured ${input.file}: pipectl ${command.join(' ')} exit ${last.exit}\n`);
      }
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const markdown = report(rows, loadBefore, os.loadavg());
  const outdir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'hostile.md'), `${markdown}\n`);
  const json = { runs: RUNS, stages: STAGES, cores: os.cpus().length, loadBefore, loadAfter: os.loadavg(), rows };
  fs.writeFileSync(path.join(outdir, 'hostile.json'), `${JSON.stringify(json, undefined, 2)}\n`);
  return { markdown, rows };
}

function report(rows: readonly HostileRow[], loadBefore: number[], loadAfter: number[]): string {
  const bytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const lines = [
    `pipectl on hostile and oversized input: median of ${RUNS} run${RUNS === 1 ? '' : 's'}, each \`node dist/bin/pipectl.js\` in a fresh process ` +
      `(wall time includes Node.js start-up, about 0.1 s); peak RSS of that process. ${os.cpus().length} cores, load average ${load(loadBefore)} before, ${load(loadAfter)} after.`,
    '',
    '| input | input size | command | exit | wall | peak RSS | output |',
    '|---|---:|---|---:|---:|---:|---:|',
  ];
  for (const row of rows) {
    const exit = row.expectedExit === undefined || row.exit === row.expectedExit ? String(row.exit) : `${row.exit} (expected ${row.expectedExit})`;
    const rss = row.maxRssMb === undefined ? 'n/a' : `${row.maxRssMb.toFixed(0)} MB`;
    lines.push(`| ${row.input} | ${bytes(row.inputBytes)} | \`${row.command}\` | ${exit} | ${(row.wallMs / 1000).toFixed(2)} s | ${rss} | ${bytes(row.outputBytes)} |`);
  }
  const refusals = rows.filter((row) => row.exit === 2);
  if (refusals.length > 0) {
    lines.push('', 'Refusals (exit 2), as pipectl words them:', '');
    for (const row of refusals) lines.push(`- ${row.input}: \`${row.stderr}\``);
  }
  return lines.join('\n');
}

if (require.main === module) process.stdout.write(`${benchHostileInputs().markdown}\n`);
