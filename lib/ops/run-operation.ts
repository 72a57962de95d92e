import { CliIo, ExitCode, UsageError, printError } from '../cli/io';
import { describeAwsError, describeConfigurationError } from './aws-errors';
import { OperationTarget, OperationFailed } from './target';

/**
 * Runs one command's AWS work: an expected failure (OperationFailed, an AWS or credentials error)
 * becomes one line on stderr and exit 1; usage errors go on to the program (exit 2), and so do
 * errors of the set-up (no Region, an unusable Region or endpoint); anything else is a bug, which the
 * program reports as one.
 */
export async function runOperation(io: CliIo, target: OperationTarget, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof OperationFailed) {
      printError(io, error.message);
      return ExitCode.FAILED;
    }
    const message = describeAwsError(error, target);
    if (message === undefined) throw error;
    // How pipectl was called, not the pipeline, is what needs fixing.
    if (describeConfigurationError(error) !== undefined) throw new UsageError(message);
    printError(io, message);
    return ExitCode.FAILED;
  }
}
