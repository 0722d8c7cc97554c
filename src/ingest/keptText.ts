// A loaded CSV is kept for retries and re-mapping as its bytes; its decoded text is not kept next to them
// (as much memory again, for a million leads ~190 MB): the kept file decodes it anew from the bytes each
// time it is read, exactly as prepareFile decoded it.

import { decodeText } from './encoding';
import type { PreparedFile } from './prepare';

/** Whether `file.text` is the decode of its whole bytes (a plain CSV read in memory). */
function decodable(file: PreparedFile): boolean {
  return !file.source.file && !file.table && (file.format ?? 'csv') === 'csv';
}

/**
 * Lets go of a loaded file's decoded text: from now on `text` is decoded from the bytes on each read (a
 * spread copy reads it once). Other files (a big file's head, gzip, tables read in JS) are left as they are.
 */
export function dropText(file: PreparedFile): void {
  if (!decodable(file)) return;
  const { source, encoding } = file;
  Object.defineProperty(file, 'text', {
    get: () => decodeText(source.bytes, encoding.encoding),
    enumerable: true,
    configurable: true,
  });
}
