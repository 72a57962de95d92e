import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
export const PIPECTL = path.join(ROOT, 'dist', 'bin', 'pipectl.js');

/** The newest `.ts` file under `dir`: its path and modification time. */
function newestSource(dir: string): { file: string; mtimeMs: number } {
  let newest = { file: dir, mtimeMs: 0 };
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    const candidate = entry.isDirectory() ? newestSource(file)
      : entry.name.endsWith('.ts') ? { file, mtimeMs: fs.statSync(file).mtimeMs } : undefined;
    if (candidate && candidate.mtimeMs > newest.mtimeMs) newest = candidate;
  }
  return newest;
}

/**
 * The end-to-end tests run the built pipectl; `npm test` builds it before jest starts (`npm run build`,
 * which marks dist/bin/pipectl.js when it completes). This only checks that the build is there and
 * newer than every source under lib/ and bin/, and fails with the command to run otherwise.
 */
export function ensureBuiltCli(): void {
  if (!fs.existsSync(PIPECTL)) {
    throw new Error(`${path.relative(ROOT, PIPECTL)} does not exist: run \`npm run build\` (npm test runs it before jest).`);
  }
  const built = fs.statSync(PIPECTL).mtimeMs;
  const newest = [newestSource(path.join(ROOT, 'lib')), newestSource(path.join(ROOT, 'bin'))]
    .reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
  if (newest.mtimeMs > built) {
    throw new Error(`${path.relative(ROOT, PIPECTL)} is older than ${path.relative(ROOT, newest.file)}: run \`npm run build\` (npm test runs it before jest).`);
  }
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
