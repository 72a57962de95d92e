import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { mockClient } from 'aws-sdk-client-mock';
import { runCli } from '../../lib/cli/program';
import { captureIo } from './capture-io';

const cp = mockClient(CodePipelineClient);
beforeEach(() => cp.reset());

/** Every polling and timeout option is bounded: a value outside is refused before any call, exit 2. */
test.each([
  [['status', 'P', '--watch', '--interval', '3000000'], "option '--interval <seconds>' argument '3000000' is invalid. Use a number of seconds from 1 to 3600."],
  [['status', 'P', '--watch', '--interval', '0.001'], "option '--interval <seconds>' argument '0.001' is invalid. Use a number of seconds from 1 to 3600."],
  [['status', 'P', '--watch', '--interval', 'soon'], "option '--interval <seconds>' argument 'soon' is invalid. Use a number of seconds from 1 to 3600."],
  [['status', 'P', '--watch', '--timeout', '0.5'], "option '--timeout <minutes>' argument '0.5' is invalid. Use a number of minutes from 1 to 10080."],
  [['release', 'P', '--wait', '--timeout', '10081'], "option '--timeout <minutes>' argument '10081' is invalid. Use a number of minutes from 1 to 10080."],
  [['release', 'P', '--wait', '--interval', ''], "option '--interval <seconds>' argument '' is invalid. Use a number of seconds from 1 to 3600."],
  [['approve', 'P', 'S', 'A', '--request-timeout', '0'], "option '--request-timeout <seconds>' argument '0' is invalid. Use a number of seconds from 1 to 300."],
  [['stacks', 'P', '--request-timeout', '301'], "option '--request-timeout <seconds>' argument '301' is invalid. Use a number of seconds from 1 to 300."],
  [['status', 'P', '--region', 'us-east-1/../../x'], "option '--region <region>' argument 'us-east-1/../../x' is invalid. A Region is written like us-east-1 or eu-west-2."],
  [['retry', 'P', 'S', '--region', 'US-EAST-1'], "option '--region <region>' argument 'US-EAST-1' is invalid. A Region is written like us-east-1 or eu-west-2."],
])('%j is refused', async (argv, message) => {
  const io = captureIo();
  await expect(runCli(argv, io)).resolves.toBe(2);
  expect(io.stdout).toEqual([]);
  expect(io.stderr).toEqual([`error: ${message}\n`]);
  expect(cp.calls()).toHaveLength(0);
});

test('the bounds themselves and the Regions of every partition are accepted', async () => {
  for (const region of ['us-east-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-4', 'eusc-de-east-1']) {
    const io = captureIo();
    cp.reset();
    cp.resolves({ stageStates: [], pipelineExecutionSummaries: [] });
    await expect(runCli(['status', 'P', '--region', region, '--interval', '3600', '--timeout', '10080', '--request-timeout', '1'], io)).resolves.toBe(0);
    expect(io.stderr).toEqual([]);
  }
});

test('--help states the defaults and the ranges', async () => {
  const io = captureIo();
  await expect(runCli(['status', '--help'], io)).resolves.toBe(0);
  const help = io.stdout.join('').replace(/\s+/g, ' ');
  expect(help).toContain('--interval <seconds> seconds between reads with --watch (1–3600) (default: 5)');
  expect(help).toContain('--timeout <minutes> give up watching after this many minutes (1–10080, 7 days) (default: 60)');
  expect(help).toContain(
    '--request-timeout <seconds> give up on an AWS request that has not answered after this many seconds, per attempt (1–300) (default: 30)',
  );
});
