// A CSV goes to DuckDB in record-aligned chunks, one INSERT each: every INSERT commits and compresses its
// rows, so DuckDB's wasm heap (which never shrinks) holds one chunk's rows uncompressed, not the file's.
// A chunk never ends inside a quoted field, by the app's quoting rules (csvRecords.ts): a quote opens a
// field only at its start, and "" inside quotes is a quote.

import type { Delimiter } from './delimiter';

/** A chunk ends at the first record end at or after this many bytes. */
export const CSV_CHUNK_BYTES = 32 * 1024 * 1024;
/** How much of the upload is read at a time while looking for record ends. */
const SCAN_BYTES = 4 * 1024 * 1024;

export interface CsvChunk {
  /** Byte range [start, end) of the upload. */
  start: number;
  end: number;
  /**
   * Record ends (line feeds outside quotes) before `start`: a chunk's line n, as DuckDB's CSV reader numbers
   * a rejected line (by records, not by physical lines), is the upload's line n + linesBefore.
   */
  linesBefore: number;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

/** The quoting state carried from one slice of the upload to the next. */
class RecordEnds {
  #inQuotes = false;
  /** Inside quotes, a quote was just read: it closes the field unless another quote follows. */
  #quoteSeen = false;
  #atFieldStart = true;
  /** Record ends scanned so far. */
  lines = 0;

  constructor(private readonly delimiter: number) {}

  /**
   * Scans `bytes` from `from`; returns the index just past the first line feed at or after `min` that ends
   * a record, or -1 when the slice ends first.
   */
  next(bytes: Uint8Array, from: number, min: number): number {
    for (let i = from; i < bytes.length; i++) {
      const b = bytes[i];
      if (this.#quoteSeen) {
        this.#quoteSeen = false;
        if (b === QUOTE) continue;
        this.#inQuotes = false;
      } else if (this.#inQuotes) {
        if (b === QUOTE) this.#quoteSeen = true;
        continue;
      }
      if (b === LF) {
        this.lines++;
        this.#atFieldStart = true;
        if (i >= min) return i + 1;
      } else if (b === this.delimiter || b === CR) this.#atFieldStart = true;
      else if (b === QUOTE && this.#atFieldStart) {
        this.#inQuotes = true;
        this.#atFieldStart = false;
      } else this.#atFieldStart = false;
    }
    return -1;
  }
}

/**
 * The upload's record-aligned chunks of at least `chunkBytes` (the last may be shorter), found while the
 * upload is read a slice at a time. After a quote that never closes, the rest of the upload is one chunk.
 */
export async function* csvChunks(
  upload: Blob,
  delimiter: Delimiter,
  chunkBytes = CSV_CHUNK_BYTES,
  scanBytes = SCAN_BYTES,
): AsyncGenerator<CsvChunk> {
  const ends = new RecordEnds(delimiter.charCodeAt(0));
  let start = 0;
  let linesBefore = 0;
  for (let at = 0; at < upload.size; at += scanBytes) {
    const bytes = new Uint8Array(await upload.slice(at, at + scanBytes).arrayBuffer());
    for (let i = 0; ;) {
      const end = ends.next(bytes, i, start + chunkBytes - 1 - at);
      if (end < 0) break;
      yield { start, end: at + end, linesBefore };
      start = at + end;
      linesBefore = ends.lines;
      i = end;
    }
  }
  if (start < upload.size) yield { start, end: upload.size, linesBefore };
}
