// An upload the load reads a chunk at a time, as often as it needs (once for the column profiles, once for
// the canonical rows): its raw table only ever holds one chunk, so a file of any size fits DuckDB's heap.
// A table read in JS (XLSX, JSON, Parquet) is one chunk.

import type { SqlEngine } from '../db/engine';
import { fetchOne, run } from '../db/sql';
import type { RejectedLine } from './load';
import { csvColumns, loadCsvText, type CsvProgress, type RawPart } from './loadCsv';
import { loadTextTable } from './loadTable';
import { RAW_TABLE } from './mappedView';
import { IngestError, type PreparedFile } from './prepare';

export interface StreamedUpload {
  /** Loads each chunk into the raw table in turn and runs `each` on it before the next replaces it. */
  forEach(each: (part: RawPart) => Promise<void>): Promise<void>;
  /** The rows of every chunk and the lines the CSV reader rejected, as the first pass found them. */
  readonly rows: number;
  readonly rejectedLines: RejectedLine[];
  /** Leaves the raw table empty (its columns stay, for the views over it). */
  close(): Promise<void>;
}

export interface StreamOptions {
  progress?: CsvProgress;
  chunkBytes?: number;
}

/** Opens `file` for streaming: its raw table is created with the first chunk's rows. */
export async function openStreamedUpload(
  engine: SqlEngine,
  file: PreparedFile,
  options: StreamOptions = {},
): Promise<StreamedUpload> {
  const table = RAW_TABLE[file.kind];
  const countRows = async () =>
    (await fetchOne(engine, 'ingest/count_rows', { n: { type: 'number' } }, { identifiers: { table } })).n;
  let passes = 0;
  // each chunk's rows as the first pass read them: a later pass must read the same
  const partRows: number[] = [];
  const upload = {
    rows: 0,
    rejectedLines: [] as RejectedLine[],
    async forEach(each: (part: RawPart) => Promise<void>) {
      const pass = passes++;
      if (file.table) {
        if (pass > 0) await loadTextTable(engine, table, file.table);
        await each({ index: 0, first: 1, last: upload.rows });
        return;
      }
      let rows = 0;
      // one progress bar over both passes
      const progress: CsvProgress = (loaded, total) => options.progress?.(pass * total + loaded, 2 * total);
      const rejected = await loadCsvText(engine, file, progress, options.chunkBytes, async (part) => {
        const n = part.last - part.first + 1;
        if (pass === 0) partRows.push(n);
        else if (partRows[part.index] !== n)
          throw new IngestError(
            file.source.name,
            'reread-mismatch',
            `${part.first}: ${partRows[part.index] ?? 0} → ${n}`,
          );
        rows = part.last;
        await each(part);
      });
      if (pass === 0) {
        upload.rows = rows;
        upload.rejectedLines = rejected;
      }
    },
    async close() {
      await run(engine, 'ingest/empty_raw', { identifiers: { table } });
    },
  };
  // the views over the raw table need its columns before the first pass
  if (file.table) {
    await loadTextTable(engine, table, file.table);
    upload.rows = await countRows();
  } else await run(engine, 'ingest/raw_shape', { identifiers: { table, columns: csvColumns(file) } });
  return upload;
}
