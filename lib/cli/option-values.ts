import { InvalidArgumentError } from 'commander';
import { REQUEST_TIMEOUT_SECONDS } from '../ops/request-timeouts';
import { isRegion } from '../private/aws-region';

/**
 * Parsers for commander options that take a number or a Region. Each refuses, at parse time and so
 * before any AWS call, a value outside its range: commander prints the option, the value and this
 * message, and pipectl exits 2.
 */

/** A number of `unit` from `min` to `max`, inclusive. */
export function numberBetween(min: number, max: number, unit: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
      throw new InvalidArgumentError(`Use a number of ${unit} from ${min} to ${max}.`);
    }
    return n;
  };
}

/**
 * How often `status --watch` and `release --wait` read: at least a second, so that a typo cannot
 * hammer the API into throttling, and at most an hour, well inside Node's timer limit (2^31-1 ms,
 * beyond which a timer fires at once and the loop would poll every millisecond).
 */
export const INTERVAL_SECONDS = { min: 1, max: 3600 } as const;
/** How long `status --watch` and `release --wait` follow an execution: a minute to 7 days. */
export const TIMEOUT_MINUTES = { min: 1, max: 7 * 24 * 60 } as const;

export const parseInterval = numberBetween(INTERVAL_SECONDS.min, INTERVAL_SECONDS.max, 'seconds');
export const parseTimeout = numberBetween(TIMEOUT_MINUTES.min, TIMEOUT_MINUTES.max, 'minutes');
export const parseRequestTimeout = numberBetween(REQUEST_TIMEOUT_SECONDS.min, REQUEST_TIMEOUT_SECONDS.max, 'seconds');

/** `--region`: the SDK puts the Region into the endpoint's host name, so anything else is refused before a call. */
export function parseRegion(value: string): string {
  if (!isRegion(value)) throw new InvalidArgumentError('A Region is written like us-east-1 or eu-west-2.');
  return value;
}
