import { ReviewFlag } from '../change-set-review';

/** The flags a review step can fail on. */
export type FailOnFlag = Extract<ReviewFlag, 'data-loss' | 'permissions' | 'nested-stack'>;

export const FAIL_ON_FLAGS: readonly FailOnFlag[] = ['data-loss', 'permissions', 'nested-stack'];

/** `data-loss, permissions or nested-stack`: the flags, as a message lists them. */
export function flagList(conjunction: 'and' | 'or'): string {
  return `${FAIL_ON_FLAGS.slice(0, -1).join(', ')} ${conjunction} ${FAIL_ON_FLAGS[FAIL_ON_FLAGS.length - 1]}`;
}

/**
 * The flags a step fails on: its `failOn`, and `nested-stack` whenever it has `data-loss` or
 * `permissions`. A nested stack's own changes are in a change set of their own, which the step does
 * not read: a database replaced or a role added inside it would otherwise pass a step that fails on
 * exactly that. Acknowledge `nested-stack:<LogicalId>` once its change set is reviewed.
 */
export function effectiveFailOn(failOn: readonly FailOnFlag[]): FailOnFlag[] {
  const implied = failOn.some((flag) => flag === 'data-loss' || flag === 'permissions') ? ['nested-stack' as const] : [];
  return [...new Set([...failOn, ...implied])];
}

/**
 * At most this many characters of summary go into the `Summary` output variable. The approval's
 * comments (CustomData, a configuration value of at most 1000 characters in the API model) show it,
 * one per target of a wave, beside their own text: 256 leaves room for three targets. The whole
 * review is in the report artifact.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const MAX_SUMMARY_LENGTH = 256;

/**
 * What the review step's function reads from the Lambda invoke action's `UserParameters` (JSON): which
 * change set, where, as whom, and when to fail. The construct writes it; the function checks it again,
 * since anyone who can edit the pipeline can edit it.
 *
 * @see https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Lambda.html
 */
export interface ReviewParameters {
  readonly stackName: string;
  readonly changeSetName: string;
  /** The 12-digit account the stack is in. */
  readonly account: string;
  readonly region: string;
  /** The target's reviewer role, assumed to read the change set. */
  readonly roleArn: string;
  /**
   * Fail the action when a change carries one of these flags and is not acknowledged (with
   * `nested-stack` implied by `data-loss` or `permissions`: {@link effectiveFailOn}).
   */
  readonly failOn: readonly FailOnFlag[];
  /**
   * Changes allowed through despite `failOn`, each `flag:LogicalId` (`data-loss:Database`), or
   * `flag:*` for every change with that flag. A string may hold several, separated by commas or
   * spaces, so that one pipeline variable (`#{variables.Acknowledge}`) can carry a release's list.
   */
  readonly acknowledge: readonly string[];
}

/** One parsed acknowledgement. */
export interface Acknowledgement {
  readonly flag: FailOnFlag;
  /** A logical ID, or `*` for every change with the flag. */
  readonly logicalId: string;
}

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):role\/[\w+=,.@/-]+$/;

/**
 * Reads and checks UserParameters. Throws an Error whose message says which field is wrong: the
 * function reports it as the action's configuration error.
 */
export function parseReviewParameters(text: string | undefined): ReviewParameters {
  if (text === undefined || text.trim() === '') throw new Error('UserParameters is empty: the review step needs stackName, changeSetName, account, region and roleArn');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`UserParameters is not JSON: ${(error as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('UserParameters is not a JSON object');
  const input = value as Record<string, unknown>;
  const text_ = (key: string): string => {
    const v = input[key];
    if (typeof v !== 'string' || v === '') throw new Error(`UserParameters.${key} must be a non-empty string`);
    return v;
  };
  const account = text_('account');
  if (!ACCOUNT.test(account)) throw new Error(`UserParameters.account "${account}" is not a 12-digit account ID`);
  const region = text_('region');
  if (!REGION.test(region)) throw new Error(`UserParameters.region "${region}" is not a Region name such as eu-west-1`);
  const roleArn = text_('roleArn');
  const roleAccount = ROLE_ARN.exec(roleArn)?.[1];
  if (roleAccount === undefined) throw new Error(`UserParameters.roleArn "${roleArn}" is not an IAM role ARN`);
  if (roleAccount !== account) throw new Error(`UserParameters.roleArn "${roleArn}" is not in account ${account}: the reviewer role is the target account's own`);
  const failOn = stringList(input, 'failOn');
  for (const flag of failOn) {
    if (!(FAIL_ON_FLAGS as readonly string[]).includes(flag)) throw new Error(`UserParameters.failOn has "${flag}"; it takes ${flagList('and')}`);
  }
  const acknowledge = stringList(input, 'acknowledge');
  parseAcknowledgements(acknowledge);
  return { stackName: text_('stackName'), changeSetName: text_('changeSetName'), account, region, roleArn, failOn: failOn as FailOnFlag[], acknowledge };
}

/** `data-loss:Database, permissions:*` → entries; an empty string (an unset variable) holds none. */
export function parseAcknowledgements(values: readonly string[]): Acknowledgement[] {
  const entries = values.flatMap((v) => v.split(/[\s,]+/)).filter((e) => e !== '');
  return entries.map((entry) => {
    const colon = entry.indexOf(':');
    const flag = entry.slice(0, colon);
    const logicalId = entry.slice(colon + 1);
    if (colon < 0 || !(FAIL_ON_FLAGS as readonly string[]).includes(flag) || logicalId === '') {
      throw new Error(`acknowledgement "${entry}" is not flag:LogicalId with flag ${flagList('or')} (e.g. data-loss:Database, permissions:*)`);
    }
    return { flag: flag as FailOnFlag, logicalId };
  });
}

function stringList(input: Record<string, unknown>, key: string): string[] {
  const v = input[key];
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((e) => typeof e !== 'string')) throw new Error(`UserParameters.${key} must be a list of strings`);
  return v as string[];
}
