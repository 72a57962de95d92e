/**
 * Text of values read from files anyone can write, without the two ways plain `JSON.stringify` fails
 * on them: it overflows the stack on a value nested a few thousand levels deep, and it would copy a
 * megabyte-long value into a one-line message. Every walk here is bounded or iterative.
 */

/** Nesting deeper than this is written as `[…]` or `{…}`. */
const MAX_DEPTH = 32;
/** Text longer than this is cut, and ends with "…". */
export const MAX_VALUE_TEXT = 1000;

/**
 * The value's JSON text, the same as `JSON.stringify` for ordinary values, bounded in depth and
 * length; numbers JSON cannot write (a `1e400` read as Infinity) are written as JavaScript does.
 */
export function boundedJson(value: unknown, maxLength: number = MAX_VALUE_TEXT): string {
  const out = { text: '' };
  write(value, 0, out, maxLength);
  return out.text.length > maxLength ? `${out.text.slice(0, maxLength)}…` : out.text;
}

function write(value: unknown, depth: number, out: { text: string }, maxLength: number): void {
  if (out.text.length > maxLength) return;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) {
      out.text += '[…]';
      return;
    }
    out.text += '[';
    for (let i = 0; i < value.length && out.text.length <= maxLength; i++) {
      if (i > 0) out.text += ',';
      write(value[i] ?? null, depth + 1, out, maxLength);
    }
    out.text += ']';
    return;
  }
  if (typeof value === 'object' && value !== null) {
    if (depth >= MAX_DEPTH) {
      out.text += '{…}';
      return;
    }
    const record = value as Record<string, unknown>;
    out.text += '{';
    let first = true;
    for (const key of Object.keys(record)) {
      if (out.text.length > maxLength) break;
      if (record[key] === undefined) continue;
      out.text += `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      write(record[key], depth + 1, out, maxLength);
    }
    out.text += '}';
    return;
  }
  out.text += primitiveText(value);
}

function primitiveText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  return String(value);
}

/** The length of `JSON.stringify(value)` for a value parsed from JSON, counted without recursion. */
export function jsonLength(value: unknown): number {
  let length = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (Array.isArray(item)) {
      length += 2 + Math.max(0, item.length - 1);
      for (const element of item) pending.push(element ?? null);
    } else if (typeof item === 'object' && item !== null) {
      const record = item as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined);
      length += 2 + Math.max(0, keys.length - 1);
      for (const key of keys) {
        length += JSON.stringify(key).length + 1;
        pending.push(record[key]);
      }
    } else {
      length += (JSON.stringify(item) ?? '').length;
    }
  }
  return length;
}

/** Whether `text` is a string anywhere in the value (a key or an item), searched without recursion. */
export function containsString(value: unknown, text: string): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (item === text) return true;
    if (Array.isArray(item)) {
      for (const element of item) pending.push(element);
    } else if (typeof item === 'object' && item !== null) {
      for (const [key, element] of Object.entries(item)) {
        if (key === text) return true;
        pending.push(element);
      }
    }
  }
  return false;
}
