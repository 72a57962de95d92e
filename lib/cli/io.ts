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

/**
 * The process's streams. A reader that stops early (`| head`, or `2>&1 | head`) makes the next write
 * fail with EPIPE, as an 'error' event that would otherwise crash the process with a stack trace. It
 * is not a failure of pipectl: later writes to that stream are dropped (stdout: refused with
 * {@link OutputClosed}, so that a loop stops). Any other write error ends the command with exit 1 and
 * one line, where stderr still can take it.
 */
export function createProcessIo(): CliIo {
  const closed = { stdout: false, stderr: false };
  const watched = { stdout: false, stderr: false };
  const watch = (name: 'stdout' | 'stderr'): void => {
    if (watched[name]) return;
    watched[name] = true;
    process[name].on('error', (error: NodeJS.ErrnoException) => {
      closed[name] = true;
      if (error.code === 'EPIPE') return;
      process.exitCode = ExitCode.FAILED;
      if (name === 'stdout' && !closed.stderr) process.stderr.write(`pipectl: cannot write to stdout (${forTerminal(error.code ?? error.message)})\n`);
    });
  };
  const line = (text: string): string => (text.endsWith('\n') ? text : `${text}\n`);
  return {
    out: (text) => {
      watch('stdout');
      if (closed.stdout) throw new OutputClosed();
      process.stdout.write(line(text));
    },
    err: (text) => {
      watch('stderr');
      if (!closed.stderr) process.stderr.write(line(text));
    },
    get isTTY() {
      return Boolean(process.stdout.isTTY);
    },
  };
}

export const processIo: CliIo = createProcessIo();

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
