import { UsageError } from '../private/usage-error';

/**
 * IAM role names: at most 64 characters.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
 */
const MAX_ROLE_NAME_LENGTH = 64;

/**
 * How `pipectl review` reads a change set in an account: with a named profile for that account
 * (`--profile-for ACCOUNT=PROFILE`), with pipectl's own credentials when the account is the
 * pipeline's (they just read the pipeline there), or by assuming the reviewer role named by
 * `--role-name NAME` with pipectl's own credentials.
 *
 * `NAME` is the role of the pipeline's region; in another region the role is `NAME-<region>`, as a
 * `DeploymentTarget` names its reviewer role `<identity name>-review`, with `-<region>` outside the
 * pipeline's region (IAM role names are global in an account that may be a target in several
 * regions). The identity's name is not in the pipeline's definition, so `NAME` is given, never guessed.
 */
export interface ReviewAccessOptions {
  /**
   * Account ID → profile name.
   * @default - no profiles: accounts other than the pipeline's are read through the reviewer role
   */
  readonly profileFor?: Readonly<Record<string, string>>;
  /**
   * The reviewer role's name in the pipeline's region (`<identity name>-review`); `-<region>` is added
   * for a change set in another region.
   * @default - no role: a change set in another account than the pipeline's needs a profile for it
   * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
   */
  readonly roleName?: string;
}

/**
 * The pipeline a change set belongs to: its account, Region and partition, from its ARN.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export interface PipelineHome {
  readonly account?: string;
  readonly region?: string;
  readonly partition: string;
}

/** Where a change set lives. */
export interface ChangeSetLocation {
  readonly account?: string;
  readonly region?: string;
}

export type AccountAccess =
  | { readonly kind: 'current' }
  | { readonly kind: 'profile'; readonly profile: string }
  | { readonly kind: 'role'; readonly roleArn: string };

/**
 * The partition of the pipeline's ARN (`arn:aws-cn:codepipeline:…`), else of its role's ARN (the
 * pipeline's own partition too), else `aws`.
 */
export function partitionOf(pipelineArn: string | undefined, pipelineRoleArn?: string): string {
  for (const arn of [pipelineArn, pipelineRoleArn]) {
    const match = arn === undefined ? null : /^arn:(aws[a-z-]*):/.exec(arn);
    if (match) return match[1];
  }
  return 'aws';
}

/**
 * The access for one change set's account; a profile named for it wins, then the pipeline's own
 * account, then the reviewer role of the change set's region. Throws a usage error, before any change
 * set is read, when none applies.
 */
export function accessFor(location: ChangeSetLocation, pipeline: PipelineHome, options: ReviewAccessOptions, what: string): AccountAccess {
  const { account, region } = location;
  const profile = account === undefined ? undefined : options.profileFor?.[account];
  if (profile !== undefined) return { kind: 'profile', profile };
  if (account === undefined || account === pipeline.account) return { kind: 'current' };
  const suffix = region !== undefined && pipeline.region !== undefined && region !== pipeline.region ? `-${region}` : '';
  const roleArn = (name: string) => `arn:${pipeline.partition}:iam::${account}:role/${name}${suffix}`;
  if (options.roleName === undefined) {
    throw new UsageError(
      `${what} is in account ${account}, not the pipeline's (${pipeline.account ?? 'unknown'}): ` +
        `pass --role-name NAME to read it as ${roleArn('NAME')}, or --profile-for ${account}=PROFILE`,
    );
  }
  const roleName = `${options.roleName}${suffix}`;
  if (roleName.length > MAX_ROLE_NAME_LENGTH) {
    throw new UsageError(
      `${what} is read in ${region} as role ${roleName}, ${roleName.length} characters long; IAM allows at most ${MAX_ROLE_NAME_LENGTH}, ` +
        `so no reviewer role has that name: check --role-name ${options.roleName}, or pass --profile-for ${account}=PROFILE`,
    );
  }
  return { kind: 'role', roleArn: roleArn(options.roleName) };
}
