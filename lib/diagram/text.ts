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
  const lines: string[] = [];
  let rest = [...text.trim()];
  while (rest.length > 0) {
    if (rest.length <= maxChars) {
      lines.push(rest.join(''));
      break;
    }
    if (lines.length === maxLines - 1) {
      lines.push(truncate(rest.join(''), maxChars));
      break;
    }
    const cut = breakPoint(rest, maxChars);
    lines.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  return lines;
}

/** Where to end a line of at most `maxChars` characters. */
function breakPoint(chars: readonly string[], maxChars: number): number {
  if (chars[maxChars] === ' ') return maxChars;
  for (let i = maxChars - 1; i >= Math.ceil(maxChars / 2); i--) {
    if (chars[i] === ' ') return i;
    if ('-/:,'.includes(chars[i])) return i + 1;
  }
  return maxChars;
}
