/**
 * A file's text as CloudFormation reads it: UTF-8, or UTF-16 (little- or big-endian) when the file
 * starts with its byte order mark, as editors on Windows save JSON. A UTF-8 byte order mark is
 * dropped: it is not part of the document, and JSON.parse rejects it.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return swapBytes(bytes.subarray(2)).toString('utf16le');
  const text = bytes.toString('utf-8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Big-endian UTF-16 as little-endian (Node decodes only the latter); an odd last byte is dropped. */
function swapBytes(bytes: Buffer): Buffer {
  const swapped = Buffer.alloc(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return swapped;
}
