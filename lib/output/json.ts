/**
 * JSON for `--json` output. JSON.stringify escapes C0 controls but leaves DEL, C1 controls and the
 * bidirectional controls as they are, and those reach a terminal when nobody pipes the output. They
 * are written as `\uXXXX` escapes here: the same JSON value, every parser reads the same data.
 */
export function forJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, undefined, indent).replace(RAW_IN_JSON, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The characters of CONTROL_CHARACTERS that JSON.stringify leaves raw. */
const RAW_IN_JSON = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
