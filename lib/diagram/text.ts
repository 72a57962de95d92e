/**
 * Text metrics for the SVG diagrams. A diagram must render the same with no browser to measure text,
 * so it declares a monospace font and estimates every line's width as characters × a fixed advance.
 * 0.6 em is the advance of the common monospace faces (DejaVu Sans Mono, Menlo, Consolas, Courier).
 */
export interface MonospaceFont {
  /** The CSS font-family list the SVG declares. */
  readonly family: string;
  /** Font size in px. */
  readonly size: number;
  /** Horizontal advance of one character in px. */
  readonly charWidth: number;
  /** Distance between baselines in px. */
  readonly lineHeight: number;
}

export const DIAGRAM_FONT: MonospaceFont = {
  family: "'DejaVu Sans Mono', Menlo, Consolas, 'Courier New', monospace",
  size: 12,
  charWidth: 7.2,
  lineHeight: 16,
};

const ELLIPSIS = '…';

/** Characters, counting a surrogate pair as one, as a monospace font draws them. */
export function charCount(text: string): number {
  return [...text].length;
}

/** Estimated width of a line of text in px. */
export function textWidth(text: string, font: MonospaceFont = DIAGRAM_FONT): number {
  return charCount(text) * font.charWidth;
}

/** How many characters fit in `width` px. */
export function charsThatFit(width: number, font: MonospaceFont = DIAGRAM_FONT): number {
  return Math.max(1, Math.floor(width / font.charWidth));
}

/** The text, cut to `maxChars` with an ellipsis when it is longer. */
export function truncate(text: string, maxChars: number): string {
  const chars = [...text];
  if (chars.length <= maxChars) return text;
  return chars.slice(0, Math.max(0, maxChars - 1)).join('') + ELLIPSIS;
}

/**
 * Wraps text into at most `maxLines` lines of at most `maxChars` characters: after a space, hyphen,
 * slash, colon or comma where one falls in the second half of the line, else inside a word (ARNs
 * and stack names are long words), with an ellipsis on the last line when the text does not fit.
 */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  // An index into one array of characters: slicing off each line or space would copy the rest of
  // the text every time, quadratic in a long name.
  const chars = [...text.trim()];
  const lines: string[] = [];
  let start = 0;
  while (start < chars.length) {
    if (chars.length - start <= maxChars) {
      lines.push(chars.slice(start).join(''));
      break;
    }
    if (lines.length === maxLines - 1) {
      lines.push(chars.slice(start, start + Math.max(0, maxChars - 1)).join('') + ELLIPSIS);
      break;
    }
    const cut = breakPoint(chars, start, maxChars);
    lines.push(chars.slice(start, start + cut).join('').trimEnd());
    start += cut;
    while (chars[start] === ' ') start++;
  }
  return lines;
}

/** How many characters from `start` the line takes, at most `maxChars`. */
function breakPoint(chars: readonly string[], start: number, maxChars: number): number {
  if (chars[start + maxChars] === ' ') return maxChars;
  for (let i = maxChars - 1; i >= Math.ceil(maxChars / 2); i--) {
    const char = chars[start + i];
    if (char === ' ') return i;
    if ('-/:,'.includes(char)) return i + 1;
  }
  return maxChars;
}
