// Parquet files as a text table, read in JS with hyparquet (DuckDB-wasm has no parquet extension offline).

import { parquetMetadata, parquetRead, parquetSchema, type ParquetParsers } from 'hyparquet';
import type { TextTable } from './textTable';

const pad = (n: number | bigint, width = 2) => String(n).padStart(width, '0');

function isoDate(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** A timestamp in some unit since the epoch as `YYYY-MM-DD HH:MM:SS[.fraction]`, digit for digit. */
function isoTimestamp(value: bigint, perSecond: bigint): string {
  let seconds = value / perSecond;
  let fraction = value % perSecond;
  if (fraction < 0n) {
    fraction += perSecond;
    seconds -= 1n;
  }
  const days = Number(seconds / 86400n) - (seconds % 86400n < 0n ? 1 : 0);
  const inDay = Number(seconds - BigInt(days) * 86400n);
  const time = `${pad(Math.floor(inDay / 3600))}:${pad(Math.floor(inDay / 60) % 60)}:${pad(inDay % 60)}`;
  const digits = String(perSecond).length - 1;
  const frac = fraction === 0n ? '' : `.${pad(fraction, digits)}`.replace(/0+$/, '');
  return `${isoDate(days)} ${time}${frac}`;
}

// dates and timestamps straight to the text the CSV path would see, without a Date in between
const PARSERS: Partial<ParquetParsers> = {
  dateFromDays: isoDate,
  timestampFromMilliseconds: (v: bigint) => isoTimestamp(v, 1000n),
  timestampFromMicroseconds: (v: bigint) => isoTimestamp(v, 1_000_000n),
  timestampFromNanoseconds: (v: bigint) => isoTimestamp(v, 1_000_000_000n),
};

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date)
    return value
      .toISOString()
      .replace('T', ' ')
      .replace(/(\.000)?Z$/, '');
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}

/** Reads every row of a Parquet file; row numbers count from 1. */
export async function parquetTable(bytes: Uint8Array): Promise<TextTable> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(file);
  const headers = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows = await new Promise<unknown[][]>((resolve, reject) => {
    parquetRead({ file, metadata, parsers: PARSERS, rowFormat: 'array', onComplete: resolve }).catch(reject);
  });
  return {
    headers,
    rows: rows.map((row) => headers.map((_, i) => cellText(row[i]))),
    rowNumbers: rows.map((_, i) => i + 1),
  };
}
