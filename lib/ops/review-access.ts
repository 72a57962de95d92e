import { UsageError } from '../private/usage-error';

/**
 * How `pipectl review` reads a change set in an account: with a named profile for that account
 * (`--profile-for ACCOUNT=PROFILE`), with pipectl's own credentials when the account is the
 * pipeline's (they just read the pipeline there), or by assuming `arn:aws:iam::ACCOUNT:role/NAME`
 * (`--role-name NAME`) with pipectl's own credentials. The reviewer role's name depends on how the
 * target stack was named, which the pipeline definition does not tell, so it is given, never guessed.
 */
export interface ReviewAccessOptions {
  /** Account ID → profile name. */
  readonly profileFor?: Readonly<Record<string, string>>;
  readonly roleName?: string;
}

export type AccountAccess =
  | { readonly kind: 'current' }
  | { readonly kind: 'profile'; readonly profile: string }
  | { readonly kind: 'role'; readonly roleArn: string };

/**
 * The access for one account; a profile named for it wins, then the pipeline's own account, then the
 * role. Throws a usage error, before any change set is read, when none applies.
 */
export function accessFor(account: string | undefined, pipelineAccount: string | undefined, options: ReviewAccessOptions, what: string): AccountAccess {
  const profile = account === undefined ? undefined : options.profileFor?.[account];
  if (profile !== undefined) return { kind: 'profile', profile };
  if (account === undefined || account === pipelineAccount) return { kind: 'current' };
  if (options.roleName !== undefined) return { kind: 'role', roleArn: `arn:aws:iam::${account}:role/${options.roleName}` };
  throw new UsageError(
    `${what} is in account ${account}, not the pipeline's (${pipelineAccount ?? 'unknown'}): ` +
      `pass --role-name NAME to read it as arn:aws:iam::${account}:role/NAME, or --profile-for ${account}=PROFILE`,
  );
}
