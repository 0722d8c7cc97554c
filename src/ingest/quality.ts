import type { SqlEngine } from '../db/engine';
import { fetchRows } from '../db/sql';
import type { CellProblem, LoadedFile, LoadReport } from './load';
import { RAW_TABLE } from './mappedView';
import { DISTINCT_CAP } from './qualityStream';
import type { FileKind } from './roles';

export interface ValueCount {
  value: string;
  n: number;
}

/** One column of one loaded file as the data-quality panel shows it. */
export interface ColumnQuality {
  file: string;
  kind: FileKind;
  /** Position in the file (0-based) and DuckDB's internal name for it. */
  index: number;
  column: string;
  /** The header as written ('' when the file has none for this position). */
  header: string;
  /** Roles mapped to this column (usually one, none when unmapped). */
  roles: string[];
  rows: number;
  /** Empty or blank cells. */
  missing: number;
  missingShare: number;
  /** Distinct filled values (trimmed); DISTINCT_CAP when distinctOverCap. */
  distinct: number;
  /** A streamed upload's column with more than DISTINCT_CAP distinct values: they were not counted. */
  distinctOverCap: boolean;
  /** The five most frequent filled values. */
  top: ValueCount[];
  /** Cell problems the load reported for this column's roles, by problem code. */
  failures: Record<string, number>;
  failureCount: number;
}

/** What the panel needs of a prepared file: its name, kind, headers and role → column mapping. */
export interface QualitySource {
  name: string;
  kind: FileKind;
  headers: readonly string[];
  /** role → column position (null when unmapped). */
  mapping: Readonly<Record<string, number | null>>;
}

/** A row that never reached a table: a line DuckDB rejected or a row a reader left out (totals …). */
export interface RejectedRow {
  file: string;
  line: number;
  raw: string;
  /** DuckDB's error type (e.g. TOO_MANY_COLUMNS) or the reader's reason. */
  reason: string;
}

/** Every rejected line of a load plus the rows readers excluded, in file and line order. */
export function rejectedRows(report: LoadReport, excluded: readonly RejectedRow[] = []): RejectedRow[] {
  const rows = report.files.flatMap((f: LoadedFile) =>
    f.rejectedLines.map((l) => ({ file: f.name, line: l.line, raw: l.raw, reason: l.errorType })),
  );
  return [...rows, ...excluded].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
}

function rolesByColumn(mapping: QualitySource['mapping']): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [role, index] of Object.entries(mapping)) {
    if (index === null) continue;
    out.set(index, [...(out.get(index) ?? []), role]);
  }
  return out;
}

function failuresOf(problems: readonly CellProblem[], file: string, roles: readonly string[]) {
  const failures: Record<string, number> = {};
  let count = 0;
  for (const p of problems) {
    if (p.file !== file || !roles.includes(p.role)) continue;
    failures[p.problem] = (failures[p.problem] ?? 0) + 1;
    count++;
  }
  return { failures, failureCount: count };
}

/**
 * Per-column statistics of one loaded file's raw table: one scan counts every value of every column
 * (queries/quality/value_counts.sql), two small queries read the statistics and top values from it.
 */
export async function fileQuality(
  engine: SqlEngine,
  source: QualitySource,
  loaded: LoadedFile,
  problems: readonly CellProblem[],
): Promise<ColumnQuality[]> {
  const table = RAW_TABLE[source.kind];
  const columns = await fetchRows(
    engine,
    'quality/raw_columns',
    { name: { type: 'string' } },
    { params: [table] },
  );
  const stats = loaded.rawQuality;
  const statOf = new Map(stats.map((s) => [s.col, s]));
  const roles = rolesByColumn(source.mapping);
  return columns.map(({ name }, index) => {
    const filled = statOf.get(name)?.filled ?? 0;
    const columnRoles = roles.get(index) ?? [];
    const distinct = statOf.get(name) ? statOf.get(name)!.distinct : 0;
    return {
      file: loaded.name,
      kind: source.kind,
      index,
      column: name,
      header: source.headers[index] ?? '',
      roles: columnRoles,
      rows: loaded.rows,
      missing: loaded.rows - filled,
      missingShare: loaded.rows > 0 ? (loaded.rows - filled) / loaded.rows : 0,
      distinct: distinct ?? DISTINCT_CAP,
      distinctOverCap: distinct === null,
      top: statOf.get(name)?.top ?? [],
      ...failuresOf(problems, loaded.name, columnRoles),
    };
  });
}

/** The panel's columns for every loaded file (files run one after another: the scan uses one temp table). */
export async function loadQuality(
  engine: SqlEngine,
  sources: readonly QualitySource[],
  report: LoadReport,
): Promise<ColumnQuality[]> {
  const out: ColumnQuality[] = [];
  for (const loaded of report.files) {
    const source = sources.find((s) => s.kind === loaded.kind && s.name === loaded.name);
    if (source) out.push(...(await fileQuality(engine, source, loaded, report.problems)));
  }
  return out;
}
