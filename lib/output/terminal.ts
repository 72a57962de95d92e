import { CONTROL_CHARACTERS } from './control-characters';

/**
 * Text for a terminal. A pipeline, stage or action name, a file name or an AWS error message can
 * carry control characters: an escape sequence can recolour, clear or rewrite what is already on the
 * screen (forging a clean "0 errors" line), and a bidirectional override can reorder what is shown.
 * Every such character is shown as a visible escape instead, so what the terminal draws is what the
 * value holds.
 */

/** Every control character, newline and tab included: values are shown on one line. */
const UNSAFE = CONTROL_CHARACTERS;

/** The same set without the global flag, for a stateless test. */
const UNSAFE_ANYWHERE = new RegExp(UNSAFE.source);

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The value with every control character written as a visible escape (`\x1b`, `\n`, `\u202e`). */
export function forTerminal(value: string): string {
  return value.replace(UNSAFE, (char) => NAMED[char] ?? visibleEscape(char));
}

/** Whether the value holds a character {@link forTerminal} would escape. */
export function hasControlCharacters(value: string): boolean {
  return UNSAFE_ANYWHERE.test(value);
}

function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Lines of text for a terminal: each line escaped on its own, the line breaks kept. For messages
 * pipectl composes itself from several lines; a value inside them is escaped with {@link forTerminal}
 * first, so it cannot add a line of its own.
 */
export function linesForTerminal(text: string): string {
  return text.split('\n').map(forTerminal).join('\n');
}
