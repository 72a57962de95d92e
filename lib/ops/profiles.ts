import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../private/usage-error';

/**
 * Checks that `--profile NAME` names a profile of the shared config or credentials file, before any
 * call. The SDK would otherwise fall through its whole credential chain and report only "Could not
 * load credentials from any providers", which does not say that the profile name is the problem.
 *
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
 */
export function checkProfile(profile: string, env: NodeJS.ProcessEnv = process.env): void {
  const files = sharedFiles(env);
  if (files.some((file) => profilesIn(file.path, file.kind).has(profile))) return;
  throw new UsageError(
    `profile "${profile}" is not in the shared config or credentials files (${files.map((f) => f.shown).join(', ')}): ` +
      'check the name, or add the profile with aws configure --profile',
  );
}

interface SharedFile {
  readonly kind: 'config' | 'credentials';
  readonly path: string;
  /** As the user would write it: the variable's value, or the default under ~. */
  readonly shown: string;
}

function sharedFiles(env: NodeJS.ProcessEnv): SharedFile[] {
  const home = (file: string): string => (file.startsWith('~/') ? path.join(env.HOME ?? os.homedir(), file.slice(2)) : file);
  const config = env.AWS_CONFIG_FILE || '~/.aws/config';
  const credentials = env.AWS_SHARED_CREDENTIALS_FILE || '~/.aws/credentials';
  return [
    { kind: 'config', path: home(config), shown: config },
    { kind: 'credentials', path: home(credentials), shown: credentials },
  ];
}

/**
 * The profile names of one file: `[profile NAME]` or `[NAME]` in the config file (other prefixed
 * sections, such as `[sso-session NAME]`, are not profiles), `[NAME]` in the credentials file.
 */
function profilesIn(file: string, kind: SharedFile['kind']): Set<string> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch {
    return new Set();
  }
  const names = new Set<string>();
  for (const match of text.matchAll(/^[ \t]*\[([^\]\r\n]+)\][ \t]*(?:[#;].*)?$/gm)) {
    const words = match[1].trim().split(/\s+/);
    if (words.length === 1) names.add(words[0]);
    else if (kind === 'config' && words.length === 2 && words[0] === 'profile') names.add(words[1]);
  }
  return names;
}
