/**
 * Text for XML content and attribute values (the SVG diagrams): the five predefined entities, and the
 * characters XML 1.0 forbids dropped (a parser refuses a document with them), so a name cannot
 * close an element, add one, or make the file unreadable.
 *
 * @see https://www.w3.org/TR/xml/#charsets
 */
export function forXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // A parser turns a raw line break or tab in an attribute value into a space: character references keep them.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}
