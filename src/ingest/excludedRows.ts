// Rows a reader left out before DuckDB saw them, as rejected rows of the quality panel: a totals row of a
// sheet is excluded from the data, so it is counted and listed with the lines the CSV reader rejected.

import type { LoadedFile } from './load';
import type { RejectedRow } from './quality';

/** The reason code a totals row is listed with (the panel translates it; the CSV keeps the code). */
export const TOTALS_ROW = 'totals-row';

export function excludedRows(files: readonly LoadedFile[]): RejectedRow[] {
  return files.flatMap((f) =>
    f.notes.flatMap((note) =>
      note.kind === 'totals-row' ? [{ file: f.name, line: note.row, raw: note.raw, reason: TOTALS_ROW }] : [],
    ),
  );
}
