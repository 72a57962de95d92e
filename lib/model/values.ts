import { Maybe, Unresolved } from './pipeline-model';

/** Marks a deploy-time value (intrinsic function, pseudo parameter, CDK token). */
export function unresolved(expression: unknown): Unresolved {
  return { unresolved: true, expression };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && (value as Unresolved).unresolved === true;
}

/** The literal value, or undefined when it is absent or only known at deploy time. */
export function known<T>(value: Maybe<T> | undefined): T | undefined {
  return value === undefined || isUnresolved(value) ? undefined : value;
}

/** The text of a literal string, number or boolean; undefined when absent or unresolved. */
export function knownText(value: Maybe<string | number | boolean> | undefined): string | undefined {
  const v = known(value);
  return v === undefined ? undefined : String(v);
}

/** A stable, readable rendering of a value for messages and keys: literals as is, intrinsics as JSON. */
export function describeValue(value: unknown): string {
  if (isUnresolved(value)) return JSON.stringify(value.expression);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The 12-digit account in an ARN, when the ARN is a literal. */
export function accountOfArn(arn: Maybe<string> | undefined): string | undefined {
  const text = known(arn);
  if (typeof text !== 'string') return undefined;
  const account = text.split(':')[4];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}
