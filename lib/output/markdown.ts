import { CONTROL_CHARACTERS } from './control-characters';

/**
 * Text inside a Markdown document (GitHub-flavoured, where raw HTML is rendered): a heading or a
 * paragraph. HTML is written as entities, so `<img onerror=…>` or `</code>` stays text, and the
 * characters Markdown would read as syntax (emphasis, links, code, headings, tables) are
 * backslash-escaped. Line breaks become spaces: a value cannot start a new block, such as a code
 * fence that closes the document's own.
 *
 * @see https://github.github.com/gfm/#backslash-escapes
 */
export function forMarkdown(value: string): string {
  return stripControls(value)
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (char) => `\\${char}`);
}

/**
 * A label inside a Mermaid flowchart, in double quotes: Mermaid takes entity codes there (`#quot;`
 * for a quote, `#35;` for `#`), and `<`, `>` and `&` as entity codes too, so a name cannot close the
 * label, inject markup into the rendered page, or start a `%%{…}%%` directive. Line breaks become spaces.
 *
 * @see https://mermaid.js.org/syntax/flowchart.html#entity-codes-to-escape-characters
 */
export function forMermaid(value: string): string {
  return stripControls(value)
    .replace(/#/g, '#35;')
    .replace(/&/g, '#amp;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;')
    // Mermaid reads `%%{…}%%` as a directive (settings) anywhere in a chart, even in a quoted label.
    .replace(/%/g, '#37;')
    .replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** Control characters other than line breaks: nothing a reader should see in a document. */
function stripControls(value: string): string {
  return value.replace(CONTROL_CHARACTERS, (char) => (LINE_BREAKS.has(char) ? char : ''));
}

/** Kept by {@link stripControls}: each medium turns them into a space its own way. */
const LINE_BREAKS = new Set(['\n', '\r', '\u2028', '\u2029']);
