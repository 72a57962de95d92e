import { CliIo, ExitCode } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { describeFailure, startRelease, waitForExecution } from '../../ops/release';
import { parsePositive, runOperation } from '../../ops/run-operation';

export interface ReleaseOptions extends AwsOptions {
  readonly wait?: boolean;
  /** Seconds between reads with --wait. */
  readonly interval?: string;
  /** Minutes --wait follows before giving up. */
  readonly timeout?: string;
}

/** `pipectl release <pipeline> [--wait]`: prints the execution ID on stdout, progress on stderr. */
export async function releaseCommand(pipeline: string, options: ReleaseOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  const intervalMs = parsePositive('--interval', options.interval, 10) * 1000;
  const timeoutMs = parsePositive('--timeout', options.timeout, 120) * 60_000;
  return runOperation(io, { pipeline }, async () => {
    const client = createCodePipelineClient(options);
    const executionId = await startRelease(client, pipeline);
    io.out(executionId);
    if (!options.wait) return ExitCode.OK;
    const { execution, finished } = await waitForExecution(client, pipeline, executionId, {
      intervalMs,
      timeoutMs,
      onStatus: (status) => io.err(`execution ${executionId}: ${status}`),
    });
    if (!finished) {
      io.err(`pipectl: pipeline "${pipeline}": execution ${executionId} still ${execution.status} after ${timeoutMs / 60_000} minutes`);
      return ExitCode.FAILED;
    }
    if (execution.status === 'Succeeded') return ExitCode.OK;
    const where = execution.status === 'Failed' ? await describeFailure(client, pipeline, executionId) : undefined;
    const summary = execution.statusSummary ? ` (${execution.statusSummary})` : '';
    io.err(`pipectl: pipeline "${pipeline}": execution ${executionId} ended ${execution.status}${where ? `: ${where}` : summary}`);
    return ExitCode.FAILED;
  });
}
