import { strToU8, zipSync, Zippable } from 'fflate';

/** A file for {@link zipFiles}. */
export interface ZipEntry {
  readonly name: string;
  readonly content: string | Buffer;
}

/**
 * A ZIP archive of a few small files, deflated: CodePipeline passes artifacts between actions as ZIP
 * files, so a later action (CodeBuild, a download from the console) reads the report as it reads any
 * other artifact. Written with fflate, which the review step's bundle includes.
 *
 * @param date the files' modification time; a fixed one by default, so the same report is the same archive
 * @see https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT
 */
export function zipFiles(entries: readonly ZipEntry[], date: Date = new Date(Date.UTC(1980, 0, 1, 12))): Buffer {
  const files: Zippable = {};
  for (const entry of entries) {
    const data = typeof entry.content === 'string' ? strToU8(entry.content) : new Uint8Array(entry.content);
    files[entry.name] = [data, { mtime: date, level: 9 }];
  }
  return Buffer.from(zipSync(files));
}
