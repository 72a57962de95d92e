/**
 * One function per medium for every name or message that reaches a person: a terminal, a Markdown
 * document or Mermaid label, an SVG (XML) file, a shell command to paste. JSON output needs none
 * (JSON.stringify escapes control characters).
 */
export { forTerminal, hasControlCharacters, linesForTerminal } from './terminal';
export { forMarkdown, forMermaid } from './markdown';
export { forXml } from './xml';
export { shellCommand, shellQuote } from './shell';
