import type { RejectedRow } from '../ingest/quality';
import { toCsv } from './csv';

/** The rejected rows as a CSV download: file, line, reason and the raw text (formula-safe cells). */
export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  return toCsv(
    ['file', 'line', 'reason', 'raw_text'],
    rows.map((r) => [r.file, r.line, r.reason, r.raw]),
  );
}
