/**
 * One function per medium for every name or message that reaches a person: a terminal, a Markdown
 * document or Mermaid label, an SVG (XML) file, a shell command to paste, and `--json` output (the
 * same JSON values, with every control character escaped).
 */
export { forTerminal, hasControlCharacters, linesForTerminal } from './terminal';
export { forMarkdown, forMermaid } from './markdown';
export { forXml } from './xml';
export { forJson } from './json';
export { shellCommand, shellQuote } from './shell';
