// What the import wizard shows of a staged file before it is loaded: the first rows, each column's kind,
// and the distinct values of the columns whose meaning the user may set.

import { decimalOf } from './columnFormats';
import { DATE_ROLES, NUMBER_ROLES } from './columns';
import { uniqueColumnNames } from './csvHeader';
import type { DateDetection } from './dateFormat';
import type { NumberDetection } from './numberFormat';
import { dateOrderOf } from './dateOrders';
import { distinctValues, previewRecords } from './csvRecords';
import { pacer } from '../kernel/tasks';
import type { Delimiter } from './delimiter';
import type { PreparedFile } from './prepare';
import { profileColumn, type ColumnProfile } from './valueKinds';

export const PREVIEW_ROWS = 20;
/** Value scans stop here; past it the load report has the final word on the values. */
export const SCAN_RECORDS = 500_000;
/** Roles whose values the user maps to a meaning (outcome or yes/no). */
export const BOOLEAN_ROLES = ['is_decision_maker', 'budget_confirmed', 'competitor_present'] as const;

export interface Preview {
  headers: string[];
  /** The names the columns get inside the app (unique, never empty), beside the originals. */
  internal: string[];
  rows: string[][];
  profiles: ColumnProfile[];
}

export interface ValueCount {
  value: string;
  n: number;
}

export interface ValueScan {
  /** Data records read. */
  records: number;
  /**
   * Whether every data record of the file was read: false for a big file (only its head is read in JS) and
   * when the scan stopped at its record limit. Counts from a partial scan describe the records read only.
   */
  complete: boolean;
  /** Stage values (deals), most frequent first. */
  stage: ValueCount[];
  /** Each mapped yes/no column's values (leads), most frequent first. */
  booleans: { role: string; values: ValueCount[] }[];
  /** Rows per lead id of the mapped lead id column, or null when none is mapped. */
  leadIds: Map<string, number> | null;
  /** Each mapped date column's day/month order as its scanned values show it (dateOrders.ts). */
  dates: { role: string; detection: DateDetection }[];
  /** Mapped number columns' decimal separators as their scanned values show them. */
  numbers: { role: string; detection: NumberDetection }[];
}

export function previewOfText(text: string, delimiter: Delimiter, rows = PREVIEW_ROWS): Preview {
  const { header, rows: records } = previewRecords(text, delimiter, rows);
  return previewOfRecords(header, records);
}

/** The preview of a header and the first data records, however they were read (CSV text or a JS table). */
export function previewOfRecords(header: readonly string[], records: readonly string[][]): Preview {
  const width = Math.max(header.length, ...records.map((r) => r.length));
  const headers = Array.from({ length: width }, (_, i) => (header[i] ?? '').trim());
  return {
    headers,
    internal: uniqueColumnNames(headers),
    rows: [...records],
    profiles: headers.map((_, i) => profileColumn(records.map((r) => r[i] ?? ''))),
  };
}

const byCount = (counts: Map<string, number>): ValueCount[] =>
  [...counts]
    .map(([value, n]) => ({ value, n }))
    .sort((a, b) => b.n - a.n || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

async function tableDistinctValues(
  rows: readonly (string | null)[][],
  columns: readonly number[],
  maxRecords: number,
  pace: () => Promise<void>,
): Promise<{ counts: Map<string, number>[]; records: number }> {
  const counts = columns.map(() => new Map<string, number>());
  const read = Math.min(rows.length, maxRecords);
  for (let r = 0; r < read; r++) {
    const row = rows[r];
    columns.forEach((column, k) => {
      const value = (row[column] ?? '').trim();
      if (value !== '') counts[k].set(value, (counts[k].get(value) ?? 0) + 1);
    });
    if ((r & 1023) === 1023) await pace();
  }
  return { counts, records: read };
}

/** The preview of a prepared file: its JS table (XLSX, JSON, Parquet) or its CSV text. */
export function previewOfFile(file: PreparedFile, rows = PREVIEW_ROWS): Preview {
  return file.table
    ? previewOfRecords(
        file.table.headers,
        file.table.rows.slice(0, rows).map((r) => r.map((c) => c ?? '')),
      )
    : previewOfText(file.text, file.delimiter, rows);
}

/**
 * One pass over the file for the stage, yes/no and lead id columns its mapping names, yielding to the page
 * every ~12 ms (half a million records of a million-lead export took ~5 s in one task).
 */
export async function scanValues(
  file: PreparedFile,
  maxRecords = SCAN_RECORDS,
  pace: () => Promise<void> = pacer(),
): Promise<ValueScan> {
  const column = (role: string) => file.mapping[role] ?? null;
  const booleanRoles = file.kind === 'leads' ? BOOLEAN_ROLES.filter((r) => column(r) !== null) : [];
  const dateRoles = DATE_ROLES[file.kind].filter((r) => column(r) !== null);
  const numberRoles = NUMBER_ROLES[file.kind].filter((r) => column(r) !== null);
  const wanted = {
    stage: file.kind === 'deals' ? column('stage') : null,
    booleans: booleanRoles.map((r) => column(r)!),
    lead: column('lead_id'),
    dates: dateRoles.map((r) => column(r)!),
    numbers: numberRoles.map((r) => column(r)!),
  };
  const columns = [
    ...(wanted.stage === null ? [] : [wanted.stage]),
    ...wanted.booleans,
    ...(wanted.lead === null ? [] : [wanted.lead]),
    ...wanted.dates,
    ...wanted.numbers,
  ];
  const { counts, records } = file.table
    ? await tableDistinctValues(file.table.rows, columns, maxRecords, pace)
    : await distinctValues(file.text, file.delimiter, columns, maxRecords, pace);
  let k = 0;
  const stage = wanted.stage === null ? new Map<string, number>() : counts[k++];
  const booleans = booleanRoles.map((role) => ({ role, values: byCount(counts[k++]) }));
  const leadIds = wanted.lead === null ? null : counts[k++];
  const dates = dateRoles.map((role) => ({ role, detection: dateOrderOf(counts[k++]) }));
  const numbers = numberRoles.map((role) => ({ role, detection: decimalOf(counts[k++]) }));
  // a scan that reached its limit may have stopped short of the end: counted as partial
  const complete = !file.source.file && records < maxRecords;
  return { records, complete, stage: byCount(stage), booleans, leadIds, dates, numbers };
}

/** Rows per lead id of a file's mapped lead id column (empty when none is mapped), and whether all were read. */
export async function leadIdsOf(file: PreparedFile): Promise<LeadIdScan> {
  const scan = await scanValues(file);
  return { ids: scan.leadIds ?? new Map(), complete: scan.complete };
}

export interface LeadIdScan {
  ids: Map<string, number>;
  complete: boolean;
}

export interface LinkStats {
  rows: number;
  /** Rows whose lead id is in the leads file. */
  matched: number;
  /** The most rows one lead of the leads file has (1 = one to one). */
  maxPerLead: number;
}

/** Child ids per step of linkStats (a few ms of lookups). */
const LINK_STEP = 16384;

/**
 * How a deals or activities file links to the leads by lead id, with a pause every `step` ids: up to 500k
 * ids of each file at a million leads, 0.1 s of lookups at once.
 */
export async function linkStats(
  leadIds: ReadonlyMap<string, number>,
  childIds: ReadonlyMap<string, number>,
  pace: () => Promise<void> = pacer(),
  step = LINK_STEP,
): Promise<LinkStats> {
  let rows = 0;
  let matched = 0;
  let maxPerLead = 0;
  let seen = 0;
  for (const [id, n] of childIds) {
    if (++seen % step === 0) await pace();
    rows += n;
    if (!leadIds.has(id)) continue;
    matched += n;
    maxPerLead = Math.max(maxPerLead, n);
  }
  return { rows, matched, maxPerLead };
}
