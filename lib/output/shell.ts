import { hasControlCharacters } from './terminal';

/** Characters a POSIX shell never interprets in a word. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One shell word for a command pipectl prints for the user to paste, such as the hint that answers a
 * pending approval. A plain word stays as it is; anything else is single-quoted, so `$(…)`, `;`,
 * backquotes and spaces are taken literally. A value with control characters is written with
 * ANSI-C quoting (`$'…'`, understood by bash, zsh and ksh), which both keeps the terminal safe and
 * pastes back to the exact value.
 */
export function shellQuote(value: string): string {
  if (PLAIN_WORD.test(value)) return value;
  if (hasControlCharacters(value)) return ansiCQuote(value);
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command line of shell words, each quoted with {@link shellQuote}. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

function ansiCQuote(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\' || char === "'") out += `\\${char}`;
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (hasControlCharacters(char)) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `$'${out}'`;
}
