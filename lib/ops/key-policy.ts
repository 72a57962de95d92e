/**
 * Reads a KMS key policy far enough to answer one question: may principals of account X (or role R)
 * call kms:Decrypt? A grant to the account root or the account ID delegates to that account's IAM,
 * which is how cross-account pipelines share their artifact key.
 *
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html
 */
export interface DecryptAccess {
  readonly allowed: boolean;
  /** The principal of the statement that allows it (`arn:aws:iam::…:root`, a role ARN, `*`). */
  readonly via?: string;
  /** The statement has conditions pipectl did not evaluate. */
  readonly conditional?: boolean;
  /** The Sid (or index) of a Deny statement that takes the access away. */
  readonly deniedBy?: string;
  /**
   * The Sid (or index) of a Deny statement that applies only under conditions pipectl does not
   * evaluate (e.g. `aws:SecureTransport`, `kms:ViaService`): it may or may not take the access away.
   */
  readonly conditionallyDeniedBy?: string;
}

interface Statement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export class KeyPolicyParseError extends Error {}

export function parseKeyPolicy(text: string): Statement[] {
  let policy: unknown;
  try {
    policy = JSON.parse(text);
  } catch (error) {
    throw new KeyPolicyParseError(`the key policy is not JSON: ${(error as Error).message}`);
  }
  const statements = (policy as { Statement?: unknown }).Statement;
  if (Array.isArray(statements)) return statements as Statement[];
  if (statements && typeof statements === 'object') return [statements as Statement];
  throw new KeyPolicyParseError('the key policy has no Statement');
}

/** Whether `roleArn` (in `account`) may call kms:Decrypt under the key policy `statements`. */
export function decryptAccess(statements: readonly Statement[], account: string, roleArn: string): DecryptAccess {
  let allow: DecryptAccess = { allowed: false };
  let conditionalDeny: string | undefined;
  for (const [index, statement] of statements.entries()) {
    if (!grantsDecrypt(statement)) continue;
    const principal = matchingPrincipal(statement.Principal, account, roleArn);
    if (!principal) continue;
    const callerAccounts = conditionValues(statement.Condition, 'kms:calleraccount');
    if (callerAccounts && !callerAccounts.includes(account)) continue;
    const name = statement.Sid ?? `statement ${index}`;
    if (statement.Effect === 'Deny') {
      // A Deny that holds whatever the request is takes the access away; one behind conditions
      // pipectl cannot evaluate (TLS, the calling service…) is reported, not assumed to apply.
      if (!hasUnevaluatedConditions(statement)) return { allowed: false, deniedBy: name };
      conditionalDeny ??= name;
    }
    if (statement.Effect === 'Allow' && !allow.allowed) {
      allow = { allowed: true, via: principal, conditional: hasUnevaluatedConditions(statement) || undefined };
    }
  }
  return conditionalDeny ? { ...allow, conditionallyDeniedBy: conditionalDeny } : allow;
}

/** Conditions other than kms:CallerAccount, which is the only one evaluated here. */
function hasUnevaluatedConditions(statement: Statement): boolean {
  return Object.values(statement.Condition ?? {}).some((keys) =>
    Object.keys(keys).some((key) => key.toLowerCase() !== 'kms:calleraccount'),
  );
}

function grantsDecrypt(statement: Statement): boolean {
  if (statement.Action !== undefined) return asList(statement.Action).some((a) => actionMatches(a, 'kms:Decrypt'));
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((a) => actionMatches(a, 'kms:Decrypt'));
  return false;
}

/** IAM action globs: `*` and `?`, case-insensitive. */
function actionMatches(pattern: string, action: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(action);
}

function matchingPrincipal(principal: unknown, account: string, roleArn: string): string | undefined {
  if (principal === '*') return '*';
  const aws = (principal as { AWS?: unknown } | undefined)?.AWS;
  if (aws === undefined) return undefined;
  for (const p of asList(aws as string | string[])) {
    if (p === '*' || p === account || p === roleArn) return p;
    const root = /^arn:[^:]+:iam::(\d{12}):root$/.exec(p);
    if (root && root[1] === account) return p;
  }
  return undefined;
}

function conditionValues(condition: Statement['Condition'], key: string): string[] | undefined {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    if (!operator.startsWith('StringEquals')) continue;
    for (const [k, v] of Object.entries(keys)) {
      if (k.toLowerCase() === key) return asList(v as string | string[]);
    }
  }
  return undefined;
}

function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}
