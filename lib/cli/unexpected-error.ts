import { linesForTerminal } from '../output';
import { CliIo, ExitCode, printError } from './io';

/** Set to 1 to see the stack trace of an unexpected error. */
export const DEBUG_VARIABLE = 'PIPECTL_DEBUG';

/**
 * An error no command expected: a bug in pipectl. The user gets one line saying so and how to
 * report it, exit 1; the stack trace only with PIPECTL_DEBUG=1, since it helps the maintainers,
 * not the person running a release.
 */
export function reportUnexpected(io: CliIo, error: unknown, env: NodeJS.ProcessEnv = process.env): number {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  printError(io, `internal error: ${message.split('\n')[0]}; this is a bug in pipectl: please report it with the output of ${DEBUG_VARIABLE}=1`);
  if (env[DEBUG_VARIABLE] === '1' && error instanceof Error && error.stack) io.err(linesForTerminal(error.stack));
  return ExitCode.FAILED;
}
