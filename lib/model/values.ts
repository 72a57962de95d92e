import { Malformed, Maybe, Unresolved } from './pipeline-model';
import { boundedJson } from './value-text';

/** Marks a deploy-time value (intrinsic function, pseudo parameter, CDK token). */
export function unresolved(expression: unknown): Unresolved {
  return { unresolved: true, expression };
}

export function isUnresolved(value: unknown): value is Unresolved {
  return typeof value === 'object' && value !== null && (value as Unresolved).unresolved === true;
}

/** Marks a value given in a shape the API cannot take (an object or list where text belongs). */
export function malformed(value: unknown): Malformed {
  return { malformed: true, value };
}

export function isMalformed(value: unknown): value is Malformed {
  return typeof value === 'object' && value !== null && (value as Malformed).malformed === true;
}

/** Whether a rule cannot read the value: it is only known at deploy time, or malformed. */
export function isUnknown(value: unknown): value is Unresolved | Malformed {
  return isUnresolved(value) || isMalformed(value);
}

/** The literal value, or undefined when it is absent, only known at deploy time, or malformed. */
export function known<T>(value: Maybe<T> | undefined): T | undefined {
  return value === undefined || isUnknown(value) ? undefined : value;
}

/** The text of a literal string, number or boolean; undefined when absent or unknown. */
export function knownText(value: Maybe<string | number | boolean> | undefined): string | undefined {
  const v = known(value);
  return v === undefined ? undefined : String(v);
}

/**
 * A stable, readable rendering of a value for messages and keys: strings as they are, anything else
 * (intrinsics, malformed values) as JSON text, bounded in depth and length so that no value a file
 * holds can overflow the stack or flood a message. Undefined stays undefined, so a missing name is
 * left out of a finding.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return value as unknown as string;
  if (isUnresolved(value)) return boundedJson(value.expression);
  if (isMalformed(value)) return boundedJson(value.value);
  return typeof value === 'string' ? value : boundedJson(value);
}

/**
 * A literal for a message: text quoted, numbers as written. JSON reads a number too large for
 * JavaScript (`1e400`) as Infinity, which JSON.stringify would print as `null`: it is named as such.
 */
export function describeLiteral(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return Number.isNaN(value) ? 'NaN' : `${value < 0 ? '-' : ''}Infinity (the number written is too large to represent)`;
  }
  return boundedJson(value);
}

const ACCOUNT = /^\d{12}$/;

/**
 * The 12-digit account in an ARN (its fifth `:`-separated field), when the ARN is a literal. Several
 * rules ask this of every action, so the field is found with indexOf rather than a split into a new
 * array each time.
 */
export function accountOfArn(arn: Maybe<string> | undefined): string | undefined {
  const text = known(arn);
  if (typeof text !== 'string') return undefined;
  let start = -1;
  for (let field = 0; field < 4; field++) {
    start = text.indexOf(':', start + 1);
    if (start === -1) return undefined;
  }
  const end = text.indexOf(':', start + 1);
  const account = end === -1 ? text.slice(start + 1) : text.slice(start + 1, end);
  return account.length === 12 && ACCOUNT.test(account) ? account : undefined;
}
