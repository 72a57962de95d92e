import { Command, InvalidArgumentError } from 'commander';

/**
 * The options with which pipectl reads change sets in other accounts (`review`, and `approve
 * --review`). Registered with the program without loading the AWS SDK.
 */

/** An IAM role name: 1–64 characters of letters, digits and `+=,.@_-`. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** `--role-name NAME`, refused at parse time when IAM would refuse it. */
export function parseRoleName(value: string): string {
  if (!ROLE_NAME.test(value)) throw new InvalidArgumentError('An IAM role name is 1–64 characters of letters, digits and + = , . @ _ -.');
  return value;
}

/** `--profile-for ACCOUNT=PROFILE`, repeatable: the profiles collected so far, plus this one. */
export function collectProfileFor(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const match = /^(\d{12})=(\S+)$/.exec(value);
  if (!match) throw new InvalidArgumentError('Write ACCOUNT=PROFILE, with a 12-digit account ID, like 333333333333=prod-readonly.');
  if (previous[match[1]] !== undefined && previous[match[1]] !== match[2]) throw new InvalidArgumentError(`Account ${match[1]} is given two profiles.`);
  return { ...previous, [match[1]]: match[2] };
}

export function withReviewAccessOptions(command: Command): Command {
  return command
    .option('--role-name <name>', "read change sets in other accounts by assuming the targets' reviewer role: role/NAME in the pipeline's Region, role/NAME-REGION in another (NAME is <identity name>-review)", parseRoleName)
    .option('--profile-for <account=profile>', 'read the change sets of this account with this profile (repeat per account; wins over --role-name)', collectProfileFor);
}

export const REVIEW_ACCESS_HELP = [
  '',
  'Where each change set is read:',
  "  the pipeline's own account       with pipectl's credentials (--profile or the default chain)",
  '  an account named by --profile-for with that profile',
  '  any other account                 by assuming the reviewer role of --role-name NAME:',
  "                                    arn:PARTITION:iam::ACCOUNT:role/NAME in the pipeline's Region,",
  '                                    arn:PARTITION:iam::ACCOUNT:role/NAME-REGION in another Region',
  "                                    (a DeploymentTarget's reviewer role is <identity name>-review)",
  'An account none of these covers is a usage error (exit 2), before any change set is read.',
].join('\n');
