import { forTerminal } from '../output';

/**
 * Where a command writes: results to `out` (stdout), logs and errors to `err` (stderr).
 * Commands take an `CliIo` so that tests can capture both streams without spawning a process.
 *
 * What reaches `out` and `err` is already terminal-safe: every name or message from outside (a
 * pipeline or file name, an AWS error) has passed through `forTerminal` where the line was composed.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal: colour and redraws only then. */
  readonly isTTY: boolean;
}

/**
 * Thrown by a write to stdout after its reader went away (`pipectl status --watch | head`), so that
 * a loop stops at its next write instead of following AWS for nobody.
 */
export class OutputClosed extends Error {
  constructor() {
    super('stdout was closed by its reader');
    this.name = 'OutputClosed';
  }
}

let stdoutClosed = false;
let stdoutWatched = false;

/**
 * A reader that stops early (`| head`) makes the next write fail with EPIPE, as an 'error' event on
 * process.stdout that would otherwise crash the process with a stack trace. It is not a failure of
 * pipectl: later writes are refused quietly instead.
 */
function watchStdout(): void {
  if (stdoutWatched) return;
  stdoutWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
}

export const processIo: CliIo = {
  out: (text) => {
    watchStdout();
    if (stdoutClosed) throw new OutputClosed();
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  },
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
};

/**
 * `pipectl: MESSAGE` on stderr: the one way an error or refusal reaches the user. The message is
 * one line composed by pipectl around outside values (names, AWS messages), so escaping all of it
 * escapes them: none can clear the screen, recolour, or add a line of its own.
 */
export function printError(io: CliIo, message: string): void {
  io.err(`pipectl: ${forTerminal(message)}`);
}

/** Exit codes shared by every command. */
export const ExitCode = {
  /** The operation succeeded and found no problem. */
  OK: 0,
  /** The operation failed, or found a problem (a validation error, a missing key grant…). */
  FAILED: 1,
  /** The command line was wrong, or an input could not be read. */
  USAGE: 2,
} as const;

export { UsageError } from '../private/usage-error';
