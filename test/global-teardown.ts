import * as fs from 'fs';

/** jest's own cache (`jest_<user>`), which it places in the system temp directory on purpose. */
const EXPECTED = /^jest_/;

/**
 * Removes the run's temp directory and reports, as an error on stderr, any entry the run left in the
 * system temp directory: something wrote outside `os.tmpdir()` (a hard-coded /tmp, or a child process
 * given an environment without TMPDIR). Another process on the machine can also add entries while
 * the tests run; the message says so.
 */
export default function globalTeardown(): void {
  const dirs = globalThis.testTempDirs;
  if (!dirs) return;
  fs.rmSync(dirs.root, { recursive: true, force: true });
  const before = new Set(dirs.before);
  const added = fs.readdirSync(dirs.system).filter((name) => !before.has(name) && !EXPECTED.test(name)).sort();
  if (added.length > 0) {
    process.stderr.write(`error: the test run left ${added.length} new entr${added.length === 1 ? 'y' : 'ies'} in ${dirs.system} `
      + `(tests must write under os.tmpdir(), which is the run's own directory; another process on this machine may have made some of them):\n`
      + added.map((name) => `  ${name}\n`).join(''));
  }
}
