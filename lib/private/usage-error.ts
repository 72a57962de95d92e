/**
 * A problem with how pipectl was called or with its inputs (an option, a name, the AWS setup): exit
 * code 2, one line, no stack. Here rather than in the CLI so that the operations can refuse a value
 * without depending on the command line.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
