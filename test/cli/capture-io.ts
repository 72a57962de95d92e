import { CliIo } from '../../lib/cli/io';

/** A CliIo that records what a command writes. */
export function captureIo(isTTY = false): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, isTTY, out: (t) => void stdout.push(t), err: (t) => void stderr.push(t) };
}
