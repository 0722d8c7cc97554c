// Files too big to copy into a JS string: only a head slice is read in JS (sniffing, encoding, the wizard's
// preview and mapping); the load reads the rest from the kept handle a chunk at a time (loadCsv.ts).

import { formatBytes, type LoadPath } from '../db/headroom';
import { detectEncoding, type EncodingName } from './encoding';
import { IngestError, prepareFile, type PreparedFile, type SourceFile } from './prepare';
import { sniffFileType } from './sniff';

/** Above this size a file is read through a handle instead of being copied into memory. */
export const BIG_FILE_BYTES = 200 * 1024 * 1024;
/** How much of a big file is read in JS. */
export const HEAD_BYTES = 4 * 1024 * 1024;
/** How much a non-UTF-8 big file is decoded at a time. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/** The bytes up to and including the last line break (a partial last line would preview as a bad row). */
export function wholeLines(head: Uint8Array): Uint8Array {
  const end = head.lastIndexOf(0x0a);
  return end < 0 ? head : head.subarray(0, end + 1);
}

/** An upload as a SourceFile: a small one read whole, a big one as its head with the file kept. */
export async function readUpload(file: Blob & { name: string }): Promise<SourceFile> {
  if (file.size <= BIG_FILE_BYTES)
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  const head = new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  return { name: file.name, bytes: wholeLines(head), file };
}

/** The file's text as UTF-8, decoded a chunk at a time (a multi-byte character may span two chunks). */
export async function transcodeToUtf8(
  file: Blob,
  encoding: EncodingName,
  chunkBytes = CHUNK_BYTES,
): Promise<Blob> {
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let at = 0; at < file.size; at += chunkBytes) {
    const chunk = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
    parts.push(encoder.encode(decoder.decode(chunk, { stream: true })));
  }
  parts.push(encoder.encode(decoder.decode()));
  return new Blob(parts);
}

/**
 * A big upload as the UTF-8 DuckDB reads: UTF-8 (and ASCII) files as they are, others decoded to a UTF-8
 * Blob first (which the browser may keep on disk). A UTF-8 BOM is left for DuckDB's CSV reader to skip.
 */
export async function utf8Upload(file: Blob, encoding: EncodingName): Promise<Blob> {
  return encoding === 'utf-8' ? file : transcodeToUtf8(file, encoding);
}

/**
 * A big upload read as CSV from its head: encoding, delimiter, header and mapping come from the head, and
 * the wizard previews it. Formats read in JS (XLSX, JSON, Parquet, gzip) would need the whole file in
 * memory, so a big one is refused with its size ('too-big': convert it to CSV).
 */
export async function prepareBigFile(
  source: SourceFile,
  options: { encoding?: EncodingName },
): Promise<PreparedFile> {
  const type = sniffFileType(source.bytes.subarray(0, 4096));
  const json =
    type === 'text' && /^[\s\uFEFF]*[[{]/.test(new TextDecoder().decode(source.bytes.subarray(0, 64)));
  if (['gzip', 'xlsx', 'zip', 'parquet'].includes(type) || json)
    throw new IngestError(source.name, 'too-big', formatBytes(source.file?.size ?? source.bytes.length));
  return { ...prepareFile(source, options), format: 'csv', notes: [] };
}

/** How an upload will reach DuckDB, for the memory estimate. */
export function loadPathOf(source: SourceFile): LoadPath {
  if (!source.file || sniffFileType(source.bytes.subarray(0, 4096)) !== 'text') return 'in-memory';
  return detectEncoding(source.bytes).encoding === 'utf-8' ? 'handle' : 'transcoded';
}
