import * as readline from 'readline';

/** Asks a yes/no question; resolves true only for y or yes. */
export type Confirm = (question: string) => Promise<boolean>;

/**
 * A question on the terminal: asked on stderr (stdout holds the review, and may be piped), answered
 * on stdin. Undefined when stdin is not a terminal: nobody is there to answer.
 */
export function terminalConfirm(): Confirm | undefined {
  if (!process.stdin.isTTY) return undefined;
  return (question) =>
    new Promise((resolve) => {
      const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
      let answered = false;
      rl.question(question, (answer) => {
        answered = true;
        rl.close();
        resolve(/^(y|yes)$/i.test(answer.trim()));
      });
      // Ctrl-D or Ctrl-C: no.
      rl.on('close', () => {
        if (!answered) resolve(false);
      });
    });
}
