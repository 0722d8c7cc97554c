// Reads CSV records in JS for the import preview and value scans (DuckDB reads the file on load).

import type { Delimiter } from './delimiter';

/**
 * The records of a CSV text, RFC 4180 quoting with "" escapes (quoted fields may span lines), blank lines
 * skipped, at most `limit` records (the header included). Fields are kept as written, untrimmed.
 */
export function* csvRecords(text: string, delimiter: Delimiter, limit = Infinity): Generator<string[]> {
  let count = 0;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atFieldStart = true;
  const endRecord = function* () {
    fields.push(field);
    const blank = fields.length === 1 && fields[0].trim() === '';
    const record = fields;
    fields = [];
    field = '';
    atFieldStart = true;
    if (!blank) {
      count++;
      yield record;
    }
  };
  for (let i = 0; i < text.length && count < limit; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      yield* endRecord();
    } else if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (count < limit && (field !== '' || fields.length > 0)) yield* endRecord();
}

/** The header and the first `rows` data records. */
export function previewRecords(
  text: string,
  delimiter: Delimiter,
  rows: number,
): { header: string[]; rows: string[][] } {
  const [header = [], ...data] = csvRecords(text, delimiter, rows + 1);
  return { header, rows: data };
}

/**
 * Counts of each distinct trimmed, non-empty value of some columns over the data records. `pace` is awaited
 * every 1,024 records (a pacer: it yields to the page once a slice of time has passed), so a scan of half a
 * million records never blocks the page for long.
 */
export async function distinctValues(
  text: string,
  delimiter: Delimiter,
  columns: readonly number[],
  maxRecords = Infinity,
  pace: () => Promise<void> = async () => {},
): Promise<{ counts: Map<string, number>[]; records: number }> {
  const counts = columns.map(() => new Map<string, number>());
  let records = -1;
  for (const record of csvRecords(text, delimiter, maxRecords + 1)) {
    if (records++ < 0) continue; // the header
    columns.forEach((column, k) => {
      const value = (record[column] ?? '').trim();
      if (value !== '') counts[k].set(value, (counts[k].get(value) ?? 0) + 1);
    });
    if ((records & 1023) === 0) await pace();
  }
  return { counts, records: Math.max(records, 0) };
}
