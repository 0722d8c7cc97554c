// A canonical table built from a big upload a range of rows at a time: each statement commits (and
// compresses) its rows, so DuckDB's wasm heap, which never shrinks, holds one range's transients at most.

import type { SqlEngine } from '../db/engine';
import { fetchOne } from '../db/sql';

/** How many upload rows one statement reads. */
export const ROW_RANGE = 1_000_000;

/**
 * Calls `build` for consecutive _row ranges covering the view's rows, in order (once, with an empty
 * range, when it has none); `index` 0 is the range that creates the table.
 */
export async function inRowRanges(
  engine: SqlEngine,
  view: string,
  build: (range: { index: number; first: number; last: number }) => Promise<void>,
  rows = ROW_RANGE,
): Promise<void> {
  const span = await fetchOne(
    engine,
    'ingest/row_span',
    { first: { type: 'number' }, last: { type: 'number' } },
    { identifiers: { view } },
  );
  let index = 0;
  for (let first = span.first; index === 0 || first <= span.last; first += rows)
    await build({ index: index++, first, last: first + rows - 1 });
}
