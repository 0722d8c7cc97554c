// A CSV upload whose bytes already are the text DuckDB is to read (UTF-8, LF line ends, nothing cut or
// replaced) goes to DuckDB as those bytes in a Blob read through a file handle: no UTF-8 copy of the
// decoded text is made in JS, and the file is not copied whole into DuckDB's wasm heap, which never shrinks.

import type { PreparedFile } from './prepare';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const bomAt = (bytes: Uint8Array, at: number) => UTF8_BOM.every((b, i) => bytes[at + i] === b);

/**
 * The upload's bytes (after one UTF-8 BOM) when they are exactly the UTF-8 of `text`, the text prepared
 * for DuckDB from `file.text`; else null: a big or compressed upload, another encoding, a decode that
 * replaced (U+FFFD) or dropped (NUL, repeated BOM) something, CR line ends, or lines cut out of `text`.
 */
export function unchangedBytes(file: PreparedFile, text: string): Uint8Array | null {
  if (file.source.file || (file.format ?? 'csv') !== 'csv' || file.encoding.encoding !== 'utf-8') return null;
  // the load only ever removes text (CRLF → LF, cut lines): an equal length with no CR means no change
  if (text.length !== file.text.length || file.text.includes('\r') || file.text.includes('\uFFFD'))
    return null;
  const bytes = file.source.bytes;
  const start = bomAt(bytes, 0) ? UTF8_BOM.length : 0;
  if (bomAt(bytes, start) || bytes.includes(0)) return null;
  return bytes.subarray(start);
}
