// A table read in JS (XLSX, JSON, Parquet) in the shape of a raw CSV upload: text cells by position.

import { Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';

export interface TextTable {
  headers: string[];
  /** One array per row, a cell per header position; null for an empty cell. */
  rows: (string | null)[][];
  /** Per row the number the user knows it by: the Excel row, the JSON record or the Parquet row (1-based). */
  rowNumbers: number[];
}

/** Something the reader did to the file that the user must be told about (nothing is dropped silently). */
export type SourceNote =
  /** A non-empty row above the header row, skipped (a report title, a filter description). */
  | { kind: 'title-row'; row: number; raw: string }
  /** A row whose first cells say 合计 / Total / Sum …: a sum of the rows above, excluded. */
  | { kind: 'totals-row'; row: number; raw: string }
  /** An Excel error value (#N/A, #VALUE! …), read as an empty cell. */
  | { kind: 'error-cell'; row: number; cell: string; column: string; raw: string }
  /** A merged range below the header: its top-left value is repeated in every cell of the range. */
  | { kind: 'merged-cells'; range: string; raw: string };

/**
 * A text column as an Arrow Utf8 vector, laid out by hand: Arrow's builders (vectorFromArray) compile
 * their null check with `new Function`, which the app's Content-Security-Policy forbids
 * (apache/arrow-js#54).
 */
function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const encoder = new TextEncoder();
  const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
  const data = new Uint8Array(encoded.reduce((n, b) => n + (b?.length ?? 0), 0));
  const valueOffsets = new Int32Array(values.length + 1);
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  let at = 0;
  let nullCount = 0;
  encoded.forEach((bytes, i) => {
    if (bytes === null) nullCount++;
    else {
      data.set(bytes, at);
      at += bytes.length;
      nullBitmap[i >> 3] |= 1 << (i & 7);
    }
    valueOffsets[i + 1] = at;
  });
  return makeVector(
    makeData({ type: new Utf8(), length: values.length, nullCount, nullBitmap, valueOffsets, data }),
  );
}

/**
 * The raw-table columns as an Arrow IPC stream: `_row` (the row numbers) then column0 … as VARCHAR,
 * the same shape queries/ingest/raw_file.sql gives a CSV upload.
 */
export function textTableToArrowIpc(table: TextTable): Uint8Array {
  const columns: Record<string, Vector> = {
    _row: makeVector(Int32Array.from(table.rowNumbers)),
  };
  table.headers.forEach((_, i) => {
    columns[`column${i}`] = utf8Vector(table.rows.map((r) => r[i] ?? null));
  });
  return tableToIPC(new Table(columns), 'stream');
}

/** Named text columns of equal length as an Arrow IPC stream (a small lookup table made in JS). */
export function textColumnsToArrowIpc(columns: Record<string, readonly (string | null)[]>): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const [name, values] of Object.entries(columns)) vectors[name] = utf8Vector(values);
  return tableToIPC(new Table(vectors), 'stream');
}
