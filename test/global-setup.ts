import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** What the teardown needs: jest shares globals between globalSetup and globalTeardown. */
export interface TestTempDirs {
  /** The system temp directory, as it was before the run. */
  readonly system: string;
  /** Its entries before the run. */
  readonly before: readonly string[];
  /** The run's own temp directory, removed by the teardown. */
  readonly root: string;
}

declare global {
  var testTempDirs: TestTempDirs | undefined;
}

/**
 * One temp directory for the whole run. TMPDIR (TMP and TEMP too) points into it before jest starts
 * its workers, which inherit the environment, so `os.tmpdir()` in every test — and aws-cdk-lib's
 * `new App()` without an outdir, and every child process — writes there. The teardown removes it.
 */
export default function globalSetup(): void {
  const system = os.tmpdir();
  const before = fs.readdirSync(system);
  const root = fs.mkdtempSync(path.join(system, 'cdk-delivery-pipelines-test-'));
  for (const name of ['TMPDIR', 'TMP', 'TEMP']) process.env[name] = root;
  process.env.CDK_DELIVERY_PIPELINES_TEST_TMPDIR = root;
  globalThis.testTempDirs = { system, before, root };
}
