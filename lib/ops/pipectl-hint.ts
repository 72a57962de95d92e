import { shellCommand } from '../output';

/** The Region and profile pipectl was called with, which a printed command repeats. */
export interface HintOptions {
  readonly region?: string;
  readonly profile?: string;
}

/**
 * A pipectl command for the user to paste, such as the one that answers a pending approval. Every
 * word is shell-quoted; the options come first and, when a name starts with `-` (the API allows
 * it), `--` ends them, so that a stage named `--help` is a name and not an option.
 */
export function pipectlHint(command: readonly string[], names: readonly string[], options: HintOptions = {}): string {
  const aws = [...(options.region ? ['--region', options.region] : []), ...(options.profile ? ['--profile', options.profile] : [])];
  const end = names.some((name) => name.startsWith('-')) ? ['--'] : [];
  return shellCommand(['pipectl', ...command, ...aws, ...end, ...names]);
}
