import type { SqlEngine } from '../db/engine';
import { fetchOne, fetchRows, run } from '../db/sql';
import { readRows } from '../db/schema';
import { quoteIdent } from '../db/ident';
import { emptyMappedViewSql, mappedViewSql, RAW_TABLE } from './mappedView';
import { loadTextTable } from './loadTable';
import { IngestError, type PreparedFile } from './prepare';
import type { FileKind } from './roles';
import type { SourceFormat } from './source';
import type { SourceNote } from './textTable';
import { parseBoolean, stageOutcomes } from './values';
import { buildCanonicalTables, foldCategories } from './canonical';
import { linkAccounts, type AccountLinkReport } from './accountLink';
import {
  activityPartProblems,
  byRowThenRole,
  cellProblems,
  unknownActivityLeads,
  type RowProblem,
} from './cellProblems';
import { CLEAN_VIEW, createCleanViews, dateColumnsOf, profileColumns, type ParseOptions } from './columnPlan';
import { columnReports, type ColumnReport } from './columnReport';
import { createIngestMacros } from './macros';
import { utf8Lines } from './encoding';
import { overrideBooleans, overrideOutcomes } from './valueOverrides';
import { loadCsvText, type CsvProgress } from './loadCsv';
import { countRawTable, type StreamedColumnStats } from './qualityStream';
import { profileStreamedUpload } from './streamedProfile';
import { openStreamedUpload } from './streamedUpload';

export interface RejectedLine {
  line: number;
  errorType: string;
  raw: string;
}
export interface CellProblem {
  file: string;
  row: number;
  role: string;
  raw: string;
  problem: string;
}
export interface LoadedFile {
  name: string;
  kind: FileKind;
  /** What the bytes were read as (CSV, gzip-compressed CSV, XLSX, JSON, Parquet). */
  format: SourceFormat;
  encoding: string;
  encodingReason: string;
  delimiter: string;
  rows: number;
  rejectedLines: RejectedLine[];
  /** Rows the reader skipped or excluded and cells it changed (XLSX title/totals rows, error cells …). */
  notes: SourceNote[];
  /** The raw columns' statistics (the quality panel's), counted during the load: its raw table is emptied. */
  rawQuality: StreamedColumnStats[];
}
export interface ValueMaps {
  stageWon: string[];
  stageLost: string[];
  stageOpen: string[];
  booleanTrue: string[];
  booleanFalse: string[];
  booleanUnknown: string[];
}
export interface LoadReport {
  files: LoadedFile[];
  problems: CellProblem[];
  valueMaps: ValueMaps;
  counts: { leads: number; deals: number; activities: number; accounts: number };
  /** How the leads link to a loaded accounts file; null when none was loaded. */
  accountLink: AccountLinkReport | null;
  /** Per mapped column: missing-marker counts, date order, number format, folded spellings. */
  columns: ColumnReport[];
  /** The load day (YYYY-MM-DD) dates were checked against. */
  today: string;
  /** Files read as Windows-1252 with some lines in UTF-8 (encoding reason 'mixed-utf8'): those lines. */
  mixedEncodingLines: { file: string; lines: number[] }[];
}

/** How cells are read (date orders, decimal separators, missing markers per column); see columnPlan.ts. */
export type LoadOptions = ParseOptions & {
  /** Hears how far each CSV upload is read into its raw table. */
  progress?: (file: string, ...at: Parameters<CsvProgress>) => void;
  /** How big a CSV's chunks are (csvChunks.ts); tests force small ones. */
  chunkBytes?: number;
  /** Keeps the raw tables of the uploads not streamed (tests read their rows); the app frees them. */
  keepRawTables?: boolean;
};

const KINDS: FileKind[] = ['leads', 'deals', 'activities', 'accounts'];
const BOOLEAN_ROLES = ['is_decision_maker', 'budget_confirmed', 'competitor_present'];

async function rawColumns(engine: SqlEngine, table: string): Promise<string[]> {
  const rows = readRows(await engine.query(`DESCRIBE ${table}`), { column_name: { type: 'string' } });
  return rows.map((r) => r.column_name).filter((c) => c !== '_row');
}

function progressOf(file: PreparedFile, options: LoadOptions): CsvProgress {
  return (...at) => options.progress?.(file.source.name, ...at);
}

function loadedFile(
  file: PreparedFile,
  rows: number,
  rejectedLines: RejectedLine[],
  rawQuality: StreamedColumnStats[] = [],
): LoadedFile {
  return {
    name: file.source.name,
    kind: file.kind,
    format: file.format ?? 'csv',
    encoding: file.encoding.encoding,
    encodingReason: file.encoding.reason,
    delimiter: file.delimiter,
    rows,
    rejectedLines,
    notes: file.notes ?? [],
    rawQuality,
  };
}

/** The view that names the raw table's columns by role. */
async function mapRaw(engine: SqlEngine, file: PreparedFile): Promise<void> {
  const columns = await rawColumns(engine, RAW_TABLE[file.kind]);
  await engine.query(mappedViewSql(file.kind, file.mapping, columns));
}

async function loadRaw(engine: SqlEngine, file: PreparedFile, options: LoadOptions): Promise<LoadedFile> {
  const kind = file.kind;
  // tables read in JS (XLSX, JSON, Parquet) have no CSV reader and so no rejected lines
  const rejectedLines = file.table
    ? []
    : await loadCsvText(engine, file, progressOf(file, options), options.chunkBytes);
  if (file.table) await loadTextTable(engine, RAW_TABLE[kind], file.table);
  await mapRaw(engine, file);
  const { n } = await fetchOne(
    engine,
    'ingest/count_rows',
    { n: { type: 'number' } },
    { identifiers: { table: RAW_TABLE[kind] } },
  );
  return loadedFile(file, n, rejectedLines);
}

async function distinctValues(engine: SqlEngine, kind: FileKind, role: string): Promise<string[]> {
  // missing-value markers are not values to map
  const view = CLEAN_VIEW[kind];
  const rows = await fetchRows(
    engine,
    'ingest/distinct_values',
    { value: { type: 'string' }, n: { type: 'number' } },
    { identifiers: { view, column: quoteIdent(role, [role]) } },
  );
  return rows.map((r) => r.value);
}

/**
 * Classifies the data's own stage and boolean spellings with the one definition in values.ts, then lays
 * the user's choices from the import wizard (the file's `values`) over that suggestion.
 */
async function valueMaps(engine: SqlEngine, files: readonly PreparedFile[]): Promise<ValueMaps> {
  const stages = await distinctValues(engine, 'deals', 'stage');
  const booleans = [
    ...new Set((await Promise.all(BOOLEAN_ROLES.map((r) => distinctValues(engine, 'leads', r)))).flat()),
  ];
  const chosen = (kind: FileKind) => files.find((f) => f.kind === kind)?.values;
  const outcomes = overrideOutcomes(stageOutcomes(stages), chosen('deals')?.stage);
  const yesNo = overrideBooleans(booleans, parseBoolean, chosen('leads')?.booleans);
  return {
    stageWon: outcomes.won,
    stageLost: outcomes.lost,
    stageOpen: outcomes.open,
    booleanTrue: yesNo.yes,
    booleanFalse: yesNo.no,
    booleanUnknown: yesNo.unknown,
  };
}

/**
 * Loads prepared files (at most one per kind; leads required) into the canonical leads, deals and
 * activities tables, and reports every rejected line and cell.
 */
export async function loadFiles(
  engine: SqlEngine,
  files: PreparedFile[],
  options: LoadOptions = {},
): Promise<LoadReport> {
  for (const kind of KINDS) {
    const same = files.filter((f) => f.kind === kind);
    if (same.length > 1) throw new IngestError(same[1].source.name, 'duplicate-kind', kind);
  }
  if (!files.some((f) => f.kind === 'leads'))
    throw new IngestError(files[0]?.source.name ?? '', 'missing-roles', 'leads');

  await createIngestMacros(engine);
  const loaded: LoadedFile[] = [];
  // the activities upload (the biggest by far) streams: its raw table holds one chunk at a time
  const activitiesFile = files.find((f) => f.kind === 'activities');
  const activities = activitiesFile
    ? await openStreamedUpload(engine, activitiesFile, {
        progress: progressOf(activitiesFile, options),
        chunkBytes: options.chunkBytes,
      })
    : null;
  for (const kind of KINDS) {
    const file = files.find((f) => f.kind === kind);
    if (!file) await engine.query(emptyMappedViewSql(kind));
    else if (kind === 'activities') await mapRaw(engine, file);
    else loaded.push(await loadRaw(engine, file, options));
  }

  const mappedRoles = Object.fromEntries(
    files.map((f) => [f.kind, Object.keys(f.mapping).filter((role) => f.mapping[role] != null)]),
  );
  const columns = await createCleanViews(engine, mappedRoles, options);
  const streamed =
    activities &&
    (await profileStreamedUpload(engine, 'activities', activities, dateColumnsOf(columns, 'activities')));
  if (activitiesFile && activities && streamed) {
    loaded.push(loadedFile(activitiesFile, activities.rows, activities.rejectedLines, streamed.quality));
    loaded.sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  }
  const plan = await profileColumns(engine, columns, options, streamed?.dates);
  const maps = await valueMaps(engine, files);
  const activityProblems: RowProblem[] = [];
  await buildCanonicalTables(
    engine,
    plan,
    maps,
    activities ? (build) => activities.forEach(build) : (build) => build({ index: 0, first: 1, last: 0 }),
    async (part) => void activityProblems.push(...(await activityPartProblems(engine, plan, part))),
  );
  await activities?.close();

  // problems first: they compare the cells as written with the canonical values, before accounts fill them
  const problems: CellProblem[] = [];
  for (const kind of KINDS) {
    const file = loaded.find((f) => f.kind === kind);
    if (!file) continue;
    const rows =
      kind === 'activities'
        ? [...activityProblems, ...(await unknownActivityLeads(engine))].sort(byRowThenRole)
        : await cellProblems(engine, plan, kind);
    problems.push(...rows.map((r) => ({ file: file.name, ...r })));
  }
  let accountLink: AccountLinkReport | null = null;
  if (loaded.some((f) => f.kind === 'accounts')) {
    const link = await linkAccounts(engine);
    accountLink = link.report;
    const leadsName = loaded.find((f) => f.kind === 'leads')!.name;
    // the leads file's problems come first (KINDS order); its unknown account ids join them by row
    let leadsEnd = 0;
    while (leadsEnd < problems.length && problems[leadsEnd].file === leadsName) leadsEnd++;
    const leadProblems = [
      ...problems.slice(0, leadsEnd),
      ...link.unknownIds.map((r) => ({ file: leadsName, ...r })),
    ];
    leadProblems.sort((a, b) => a.row - b.row || a.role.localeCompare(b.role));
    problems.splice(0, leadsEnd, ...leadProblems);
  }
  const folds = await foldCategories(engine);
  const counts = await fetchOne(engine, 'ingest/canonical_counts', {
    leads: { type: 'number' },
    deals: { type: 'number' },
    activities: { type: 'number' },
    accounts: { type: 'number' },
  });
  const columnReport = await columnReports(engine, plan, folds, { activities: streamed?.markers });
  // the raw tables are no longer read: count the quality panel's statistics, then free them
  for (const file of loaded) {
    if (file.kind === 'activities') continue;
    const table = RAW_TABLE[file.kind];
    const whole = files.find((f) => f.kind === file.kind)!.table ? null : file.rows;
    file.rawQuality = await countRawTable(engine, table, whole);
    if (!options.keepRawTables) await run(engine, 'ingest/empty_raw', { identifiers: { table } });
  }
  const mixedEncodingLines = files
    .filter((f) => f.encoding.reason === 'mixed-utf8')
    .map((f) => ({ file: f.source.name, lines: utf8Lines(f.source.bytes) }));
  return {
    files: loaded,
    problems,
    valueMaps: maps,
    counts,
    accountLink,
    columns: columnReport,
    today: plan.today,
    mixedEncodingLines,
  };
}
