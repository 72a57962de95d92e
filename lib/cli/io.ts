/**
 * Where a command writes: results to `out` (stdout), logs and errors to `err` (stderr).
 * Commands take an `CliIo` so that tests can capture both streams without spawning a process.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal: colour and redraws only then. */
  readonly isTTY: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
};

/** Exit codes shared by every command. */
export const ExitCode = {
  /** The operation succeeded and found no problem. */
  OK: 0,
  /** The operation failed, or found a problem (a validation error, a missing key grant…). */
  FAILED: 1,
  /** The command line was wrong, or an input could not be read. */
  USAGE: 2,
} as const;

/** A problem with how the command was called or with its inputs: exit code 2, one line, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
