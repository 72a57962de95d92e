/**
 * `npm run corpus -- <dir-or-files...>`: runs `pipectl validate --json` on every file given (a
 * directory: each file in it, not recursing) and prints per file its pipelines, error and warning
 * findings and exit code, then each error finding (to judge true or false) and a total. Exits 1 when
 * any file exits 2 (not read as a pipeline), so that a reader gap fails the run. Builds dist first
 * when it is missing or older than lib/ or bin/. Not part of `npm test`: corpora live outside the
 * repository.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Finding, describeLocation } from '../lib/rules/finding';

const ROOT = path.resolve(__dirname, '..');
const PIPECTL = path.join(ROOT, 'dist', 'bin', 'pipectl.js');


interface FileResult {
  readonly file: string;
  readonly exitCode: number;
  readonly pipelines: number;
  readonly findings: readonly Finding[];
  /** What pipectl wrote to stderr: why a file was not read, or that it holds no pipeline. */
  readonly stderr: string;
}

function main(): number {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    process.stderr.write('usage: npm run corpus -- <directory or files...>\n');
    return 2;
  }
  const files = args.flatMap(filesOf);
  if (files.length === 0) {
    process.stderr.write(`no files in ${args.join(' ')}\n`);
    return 2;
  }
  buildIfNeeded();
  const results = files.map(validate);
  process.stdout.write(`${report(results)}\n`);
  return results.some((r) => r.exitCode === 2) ? 1 : 0;
}

function filesOf(arg: string): string[] {
  const stat = fs.statSync(arg);
  if (!stat.isDirectory()) return [arg];
  return fs.readdirSync(arg).sort().map((name) => path.join(arg, name)).filter((file) => fs.statSync(file).isFile());
}

/** Newest modification time of the files under `dir`, in milliseconds. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

function buildIfNeeded(): void {
  const built = fs.existsSync(PIPECTL) ? fs.statSync(PIPECTL).mtimeMs : 0;
  if (built >= Math.max(newest(path.join(ROOT, 'lib')), newest(path.join(ROOT, 'bin')))) return;
  process.stderr.write('building pipectl (npm run build)...\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}

function validate(file: string): FileResult {
  const json = spawnSync(process.execPath, [PIPECTL, 'validate', '--json', file], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  const exitCode = json.status ?? -1;
  const findings = json.stdout.trim() === '' ? [] : (JSON.parse(json.stdout) as Finding[]);
  // --json prints findings only: the pipeline count is in the text summary's last line.
  const text = spawnSync(process.execPath, [PIPECTL, 'validate', file], { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 });
  const summary = text.stdout.trim().split('\n').pop() ?? '';
  const pipelines = Number(/ in (\d+) pipelines? \(/.exec(summary)?.[1] ?? 0);
  return { file, exitCode, pipelines, findings, stderr: json.stderr.trim() };
}

function report(results: readonly FileResult[]): string {
  const count = (r: FileResult, severity: Finding['severity']) => r.findings.filter((f) => f.severity === severity).length;
  const lines = ['| file | pipelines | errors | warnings | exit |', '|---|---:|---:|---:|---:|'];
  for (const r of results) lines.push(`| ${path.basename(r.file)} | ${r.pipelines} | ${count(r, 'error')} | ${count(r, 'warning')} | ${r.exitCode} |`);
  const sum = (f: (r: FileResult) => number) => results.reduce((total, r) => total + f(r), 0);
  const exits = [0, 1, 2].map((code) => `${results.filter((r) => r.exitCode === code).length} × ${code}`).join(', ');
  lines.push(`| total: ${results.length} files | ${sum((r) => r.pipelines)} | ${sum((r) => count(r, 'error'))} | ${sum((r) => count(r, 'warning'))} | ${exits} |`);

  const errors = results.flatMap((r) => r.findings.filter((f) => f.severity === 'error').map((f) => ({ file: r.file, finding: f })));
  if (errors.length > 0) {
    lines.push('', 'Error findings:');
    for (const { file, finding } of errors) {
      // The condition values a finding holds under (`when`) are part of where it is.
      const inside = finding.stage !== undefined || finding.action !== undefined;
      const where = inside ? `pipeline "${finding.pipeline}", ${describeLocation(finding)}` : describeLocation(finding);
      lines.push(`- ${path.basename(file)}: [${finding.ruleId}] ${where}: ${finding.message}`);
    }
  }
  const warnings = new Map<string, number>();
  for (const r of results) for (const f of r.findings) if (f.severity === 'warning') warnings.set(f.ruleId, (warnings.get(f.ruleId) ?? 0) + 1);
  if (warnings.size > 0) lines.push('', `Warnings by rule: ${[...warnings].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${id} ${n}`).join(', ')}`);
  const unread = results.filter((r) => r.exitCode === 2 || r.stderr !== '');
  if (unread.length > 0) {
    lines.push('', 'On stderr:');
    for (const r of unread) lines.push(`- ${path.basename(r.file)} (exit ${r.exitCode}): ${r.stderr}`);
  }
  return lines.join('\n');
}

process.exitCode = main();
