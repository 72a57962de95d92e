import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';

describe('the run\'s temp directory (test/global-setup.ts)', () => {
  const root = process.env.CDK_DELIVERY_PIPELINES_TEST_TMPDIR!;

  test('os.tmpdir() in a worker is the run\'s directory', () => {
    expect(root).toMatch(/cdk-delivery-pipelines-test-[^/]+$/);
    expect(os.tmpdir()).toBe(root);
  });

  test('aws-cdk-lib\'s App without an outdir writes its cdk.out there', () => {
    const directory = new App().synth().directory;
    expect(path.dirname(directory)).toBe(fs.realpathSync(root));
    expect(path.basename(directory)).toMatch(/^cdk\.out/);
  });
});
