import { CliIo, ExitCode, UsageError } from '../cli/io';
import { describeAwsError } from './aws-errors';
import { OperationTarget, OperationFailed } from './target';

/**
 * Runs one command's AWS work: an expected failure (OperationFailed, an AWS or credentials error)
 * becomes one line on stderr and exit 1; usage errors go on to the program (exit 2); anything else is
 * a bug and keeps its stack.
 */
export async function runOperation(io: CliIo, target: OperationTarget, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof OperationFailed) {
      io.err(`pipectl: ${error.message}`);
      return ExitCode.FAILED;
    }
    const message = describeAwsError(error, target);
    if (message === undefined) throw error;
    // A missing Region is a question of how pipectl was called, not of the pipeline.
    if ((error as Error).message === 'Region is missing') throw new UsageError(message);
    io.err(`pipectl: ${message}`);
    return ExitCode.FAILED;
  }
}

/** Parses a positive number of seconds or minutes from an option. */
export function parsePositive(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${option} must be a positive number, got "${value}"`);
  return n;
}
