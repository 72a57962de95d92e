import { forTerminal } from '../../output';
import { CliIo, ExitCode, printError } from '../io';
import { AwsOptions, createCodePipelineClient } from '../../ops/clients';
import { checkName } from '../../ops/names';
import { describeFailure, startRelease, waitForExecution } from '../../ops/release';
import { runOperation } from '../../ops/run-operation';

export interface ReleaseOptions extends AwsOptions {
  readonly wait?: boolean;
  /**
   * Seconds between reads with --wait.
   * @default 10
   */
  readonly interval?: number;
  /**
   * Minutes --wait follows before giving up.
   * @default 120
   */
  readonly timeout?: number;
}

/** `pipectl release <pipeline> [--wait]`: prints the execution ID on stdout, progress on stderr. */
export async function releaseCommand(pipeline: string, options: ReleaseOptions, io: CliIo): Promise<number> {
  checkName('pipeline', pipeline);
  const intervalMs = (options.interval ?? 10) * 1000;
  const timeoutMs = (options.timeout ?? 120) * 60_000;
  return runOperation(io, { pipeline }, async () => {
    const client = createCodePipelineClient(options);
    const executionId = await startRelease(client, pipeline, options);
    io.out(forTerminal(executionId));
    if (!options.wait) return ExitCode.OK;
    const { execution, finished } = await waitForExecution(client, pipeline, executionId, {
      intervalMs,
      timeoutMs,
      onStatus: (status) => io.err(forTerminal(`execution ${executionId}: ${status}`)),
    });
    if (!finished) {
      printError(io, `pipeline "${pipeline}": execution ${executionId} still ${execution.status} after ${timeoutMs / 60_000} minutes`);
      return ExitCode.FAILED;
    }
    if (execution.status === 'Succeeded') return ExitCode.OK;
    const where = execution.status === 'Failed' ? await describeFailure(client, pipeline, executionId) : undefined;
    const summary = execution.statusSummary ? ` (${execution.statusSummary})` : '';
    printError(io, `pipeline "${pipeline}": execution ${executionId} ended ${execution.status}${where ? `: ${where}` : summary}`);
    return ExitCode.FAILED;
  });
}
