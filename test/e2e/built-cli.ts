import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
export const PIPECTL = path.join(ROOT, 'dist', 'bin', 'pipectl.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

/**
 * The one place the end-to-end tests get a build: `tsc -p tsconfig.build.json` (what `npm run build`
 * runs) when dist/bin/pipectl.js is missing or older than any source under lib/ or bin/.
 */
export function ensureBuiltCli(): void {
  const built = fs.existsSync(PIPECTL) ? fs.statSync(PIPECTL).mtimeMs : 0;
  const sources = Math.max(newestSource(path.join(ROOT, 'lib')), newestSource(path.join(ROOT, 'bin')));
  if (built >= sources) return;
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? String(error);
    throw new Error(`npm run build failed:\n${output}`);
  }
  // tsc leaves unchanged outputs alone; mark the build as fresh.
  const now = new Date();
  fs.utimesSync(PIPECTL, now, now);
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built pipectl asynchronously (the loopback endpoint lives in this process). */
export function runPipectl(args: readonly string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [PIPECTL, ...args], { env, timeout: 30_000, cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
