// The column list DuckDB's CSV reader is given, so it never has to sniff the file: its sniffer fails the
// whole file on one unclosed quote, while the reader itself puts that line among the rejects.

import { csvRecords } from './csvRecords';
import type { Delimiter } from './delimiter';

/** How many records are counted; the text of a big file is only its head anyway. */
const SAMPLE_RECORDS = 5000;

/**
 * How many fields a record of the text has: the most common count among its first records (the header's
 * count on a tie), so a few ragged lines are rejected rather than setting the width.
 */
export function fieldCount(text: string, delimiter: Delimiter, headerCount: number): number {
  const counts = new Map<number, number>();
  for (const record of csvRecords(text, delimiter, SAMPLE_RECORDS))
    counts.set(record.length, (counts.get(record.length) ?? 0) + 1);
  let best = headerCount;
  for (const [width, n] of counts) if (n > (counts.get(best) ?? 0)) best = width;
  return best;
}

/** The read_csv `columns` struct: `n` text columns named column0 … (fixed internal names, no user text). */
export function rawColumnsStruct(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`bad column count: ${n}`);
  return `{${Array.from({ length: n }, (_, i) => `"column${i}": 'VARCHAR'`).join(', ')}}`;
}
