import { inflateRawSync } from 'zlib';

/** The files of a ZIP archive, read from its local headers (enough for archives zipFiles writes). */
export function readZip(archive: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  let at = 0;
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const method = archive.readUInt16LE(at + 8);
    const compressedSize = archive.readUInt32LE(at + 18);
    const nameLength = archive.readUInt16LE(at + 26);
    const extraLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    const data = archive.subarray(start, start + compressedSize);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + compressedSize;
  }
  return files;
}
