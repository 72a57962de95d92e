import { crc32 } from 'zlib';
import { zipFiles } from '../../../lib/review/step/zip';
import { readZip } from './read-zip';

test('an archive of two files: local headers, central directory and end record agree', () => {
  const archive = zipFiles([{ name: 'a.md', content: '# A\n'.repeat(100) }, { name: 'b.json', content: '{"é":1}\n' }]);
  expect(readZip(archive)).toEqual({ 'a.md': '# A\n'.repeat(100), 'b.json': '{"é":1}\n' });
  const end = archive.length - 22;
  expect(archive.readUInt32LE(end)).toBe(0x06054b50);
  expect(archive.readUInt16LE(end + 10)).toBe(2);
  const directoryAt = archive.readUInt32LE(end + 16);
  expect(archive.readUInt32LE(directoryAt)).toBe(0x02014b50);
  expect(archive.readUInt32LE(directoryAt + 16)).toBe(crc32(Buffer.from('# A\n'.repeat(100))));
  expect(directoryAt + archive.readUInt32LE(end + 12)).toBe(end);
});

test('the same files make the same archive', () => {
  const files = [{ name: 'change-set-review.md', content: '# Review\n' }];
  expect(zipFiles(files).equals(zipFiles(files))).toBe(true);
});
