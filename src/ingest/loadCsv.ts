// A CSV upload into its raw table, a record-aligned chunk at a time (csvChunks.ts): the first chunk creates
// the table, each later one is one INSERT whose _row and rejected-line numbers go on from the chunks before.
// A streamed upload (streamCsvText) instead replaces the table with each chunk in turn.

import type { SqlEngine } from '../db/engine';
import { fetchOne, fetchRows, run } from '../db/sql';
import { utf8Upload } from './bigFile';
import { blobInSteps } from './blobInSteps';
import { csvChunks, CSV_CHUNK_BYTES, type CsvChunk } from './csvChunks';
import { fieldCount, rawColumnsStruct } from './csvColumns';
import type { RejectedLine } from './load';
import { RAW_TABLE } from './mappedView';
import { IngestError, type PreparedFile } from './prepare';
import { cutUnclosedQuotes } from './unclosedQuote';
import { unchangedBytes } from './unchangedBytes';

/** How far a CSV load is: bytes of the upload read into the raw table so far, of `total`. */
export type CsvProgress = (loaded: number, total: number) => void;

/**
 * The upload as the UTF-8 DuckDB reads, copied as little as it can be: a big file is its own handle, an
 * upload whose bytes are the text is those bytes; else `text` (the browser keeps a Blob out of the JS heap).
 */
async function uploadBlob(file: PreparedFile, text: string): Promise<Blob> {
  if (file.source.file) return utf8Upload(file.source.file, file.encoding.encoding);
  const bytes = unchangedBytes(file, text);
  return blobInSteps(bytes ? (bytes as Uint8Array<ArrayBuffer>) : text);
}

/** How a chunk reaches the raw table: created by the first, appended, or replacing the chunk before. */
type ChunkMode = 'append' | 'replace';

function chunkStatement(chunk: CsvChunk, rows: number, mode: ChunkMode, read: readonly (string | number)[]) {
  if (mode === 'replace')
    return { name: 'ingest/raw_part', params: [rows, read[0], chunk.start === 0 ? 1 : 0, ...read.slice(1)] };
  if (chunk.start === 0) return { name: 'ingest/raw_file', params: [...read] };
  return { name: 'ingest/raw_chunk', params: [rows, ...read] };
}

async function loadChunk(
  engine: SqlEngine,
  file: PreparedFile,
  chunk: CsvChunk & { columns: string; upload: Blob; rows: number },
  mode: ChunkMode,
): Promise<RejectedLine[]> {
  const kind = file.kind;
  const name = `upload_${kind}.csv`;
  const rejects = `rejects_${kind}`;
  await run(engine, 'ingest/drop_rejects', { identifiers: { rejects, scan: `rejects_scan_${kind}` } });
  // the chunk's bytes, copied into DuckDB's heap: a file handle (DuckDB-wasm 1.32's BROWSER_FILEREADER) is
  // opened by writing its size through a signed pointer shift, lost once malloc returns an address past
  // 2 GiB, so a chunk read that way under a big heap came out empty or short, with no error
  await engine.registerBuffer(
    name,
    new Uint8Array(await chunk.upload.slice(chunk.start, chunk.end).arrayBuffer()),
  );
  try {
    const statement = chunkStatement(chunk, chunk.rows, mode, [
      name,
      file.delimiter,
      rejects,
      `rejects_scan_${kind}`,
    ]);
    await run(engine, statement.name, {
      identifiers: { table: RAW_TABLE[kind], columns: chunk.columns },
      params: statement.params,
    });
  } catch (error) {
    // name the user's file, not the internal one (the original bytes stay kept for a retry)
    const detail = (error instanceof Error ? error.message : String(error)).replaceAll(
      name,
      file.source.name,
    );
    throw new IngestError(file.source.name, 'load-failed', detail.split('\n')[0]);
  } finally {
    await engine.dropFile(name);
  }
  const rejected = await fetchRows(
    engine,
    'ingest/rejected_lines',
    { line: { type: 'number' }, error_type: { type: 'string' }, raw: { type: 'string', nullable: true } },
    { identifiers: { rejects } },
  );
  return rejected.map((r) => ({
    line: r.line + chunk.linesBefore,
    errorType: r.error_type,
    raw: r.raw ?? '',
  }));
}

/** The read_csv `columns` struct of a CSV upload (its commonest field count, fixed internal names). */
export function csvColumns(file: PreparedFile): string {
  return rawColumnsStruct(fieldCount(file.text, file.delimiter, file.headers.length));
}

/** One chunk of a streamed upload, in its raw table: the _row span it holds (first > last when empty). */
export interface RawPart {
  index: number;
  first: number;
  last: number;
}

/**
 * Reads a CSV upload into its raw table; returns the lines the CSV reader rejected (or a quote cut). With
 * `each`, the table holds one chunk at a time: `each` runs after every chunk, before the next replaces it.
 */
export async function loadCsvText(
  engine: SqlEngine,
  kept: PreparedFile,
  progress: CsvProgress = () => {},
  chunkBytes = CSV_CHUNK_BYTES,
  each?: (part: RawPart) => Promise<void>,
): Promise<RejectedLine[]> {
  // a kept file decodes its text on every read (keptText.ts): a copy reads it once
  const file = { ...kept };
  // one line ending for DuckDB's sniffer: Excel re-saves can mix CRLF and LF, which it cannot detect
  const quotes = cutUnclosedQuotes(file.source.file ? '' : file.text.replace(/\r\n/g, '\n'), file.delimiter);
  const upload = await uploadBlob(file, quotes.text);
  const columns = csvColumns(file);
  const rejected: RejectedLine[] = [];
  let rows = 0;
  let index = 0;
  progress(0, upload.size);
  for await (const chunk of csvChunks(upload, file.delimiter, chunkBytes)) {
    const mode: ChunkMode = each ? 'replace' : 'append';
    rejected.push(...(await loadChunk(engine, file, { ...chunk, columns, upload, rows }, mode)));
    const { n } = await fetchOne(
      engine,
      'ingest/count_rows',
      { n: { type: 'number' } },
      { identifiers: { table: RAW_TABLE[file.kind] } },
    );
    if (each) await each({ index: index++, first: rows + 1, last: rows + n });
    rows = each ? rows + n : n;
    progress(chunk.end, upload.size);
  }
  return quotes.merge(rejected);
}
