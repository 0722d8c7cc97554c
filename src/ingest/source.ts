// Every import format behind one call: CSV/TSV text, gzip-compressed CSV, XLSX workbooks, JSON/NDJSON and
// Parquet. Tabular formats come out as the same positional text table a CSV upload gives, so mapping,
// cell problems and everything after them work unchanged.

import { decodeTextInSteps, detectEncoding, type EncodingGuess, type EncodingName } from './encoding';
import { prepareBigFile } from './bigFile';
import { gunzip } from './gzip';
import { JsonTableError, jsonTable } from './jsonTable';
import { JsonSyntaxError } from './jsonText';
import { parquetTable } from './parquetTable';
import { IngestError, mapHeaders, prepareText, type PreparedFile, type SourceFile } from './prepare';
import type { FileKind } from './roles';
import { detectHeaderRow, HEADER_SEARCH_ROWS, sheetTable } from './sheetTable';
import { sniffFileType } from './sniff';
import type { SourceNote, TextTable } from './textTable';
import { openWorkbook, type SheetInfo, type Workbook } from './xlsx';

/** What the bytes were read as. */
export type SourceFormat = 'csv' | 'csv.gz' | 'xlsx' | 'json' | 'parquet';

export interface WorkbookSheet extends SheetInfo {
  /** What the sheet's detected header maps to; null when it does not look like a CRM table. */
  kind: FileKind | null;
  /** Excel row number of the sheet's detected header; null for an empty sheet. */
  headerRow: number | null;
}

/** An XLSX file's sheets and the choices the load used (each can be changed through SourceOptions). */
export interface WorkbookChoice {
  sheets: WorkbookSheet[];
  /** The sheet loaded: options.sheet, else the visible sheet that looks most like a CRM table. */
  sheet: string;
  /** Excel row number of the header loaded: options.headerRow, else detectedHeaderRow. */
  headerRow: number;
  /** The header row found automatically on that sheet (the UI's "auto" choice). */
  detectedHeaderRow: number | null;
  /** The workbook counts dates from 1904 (old Mac Excel); serials were converted accordingly. */
  date1904: boolean;
}

export interface SourceOptions {
  /** Text formats: read with this encoding instead of the detected one. */
  encoding?: EncodingName;
  /** XLSX: the sheet to load, by name. */
  sheet?: string;
  /** XLSX: the header's Excel row number (rows above it are skipped as title rows, and noted). */
  headerRow?: number;
}

const UTF8: EncodingGuess = { encoding: 'utf-8', bom: false, reason: 'valid-utf8' };

function unreadable(source: SourceFile, format: SourceFormat, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new IngestError(source.name, 'load-failed', `${format}: ${detail}`);
}

/** A table read in JS as a PreparedFile: checked for rows, kind detected and columns auto-mapped. */
function fromTable(
  source: SourceFile,
  format: SourceFormat,
  table: TextTable,
  extra: Pick<PreparedFile, 'encoding' | 'notes' | 'workbook'>,
): PreparedFile {
  if (table.headers.length === 0) throw new IngestError(source.name, 'empty');
  if (table.rows.length === 0) throw new IngestError(source.name, 'no-data-rows');
  const { kind, mapping } = mapHeaders(source.name, table.headers);
  return {
    source,
    delimiter: ',',
    text: '',
    headers: table.headers,
    kind,
    mapping,
    format,
    table,
    ...extra,
  };
}

interface SheetSurvey {
  sheet: WorkbookSheet;
  /** detectFileKind's score for the detected header; 0 when it maps to no kind. */
  score: number;
}

/** Each sheet's detected header and kind, judged on its first rows. */
async function surveySheets(workbook: Workbook): Promise<SheetSurvey[]> {
  const survey: SheetSurvey[] = [];
  for (const info of workbook.sheets) {
    const sample = await workbook.readSheet(info.name, HEADER_SEARCH_ROWS + 10);
    const guess = detectHeaderRow(sample.rows);
    survey.push({
      sheet: { ...info, kind: guess?.kind ?? null, headerRow: guess?.row ?? null },
      score: guess?.kind ? guess.score : 0,
    });
  }
  return survey;
}

// a leads sheet first: a workbook with leads and deals sheets is loaded for its leads (the one file kind
// a load needs); the deals sheet is another prepareSource call with options.sheet
const KIND_RANK: Record<FileKind, number> = { leads: 4, deals: 3, activities: 2, accounts: 1 };
const rank = (s: SheetSurvey) => [s.sheet.kind ? KIND_RANK[s.sheet.kind] : 0, s.score];

/** The visible sheet whose header maps best to a CRM file; else the first visible sheet with rows. */
function bestSheet(survey: readonly SheetSurvey[]): string {
  const visible = survey.filter((s) => !s.sheet.hidden && s.sheet.headerRow !== null);
  const better = (a: SheetSurvey, b: SheetSurvey) => {
    const [ka, sa] = rank(a);
    const [kb, sb] = rank(b);
    return ka > kb || (ka === kb && sa > sb);
  };
  const best = visible.reduce<SheetSurvey | null>((b, s) => (!b || better(s, b) ? s : b), null);
  return (best ?? survey.find((s) => !s.sheet.hidden) ?? survey[0]).sheet.name;
}

async function prepareXlsx(source: SourceFile, bytes: Uint8Array, options: SourceOptions) {
  const workbook = await openWorkbook(bytes);
  const survey = await surveySheets(workbook);
  const sheets = survey.map((s) => s.sheet);
  const sheet = options.sheet ?? bestSheet(survey);
  const data = await workbook.readSheet(sheet);
  const detectedHeaderRow = detectHeaderRow(data.rows)?.row ?? null;
  const headerRow = options.headerRow ?? detectedHeaderRow ?? 1;
  const { table, notes } = sheetTable(data, headerRow);
  const choice: WorkbookChoice = { sheets, sheet, headerRow, detectedHeaderRow, date1904: workbook.date1904 };
  return fromTable(source, 'xlsx', table, { encoding: UTF8, notes, workbook: choice });
}

const looksLikeJson = (head: string) => /^[\s\uFEFF]*[[{]/.test(head);
const JSON_NAME = /\.(json|ndjson|jsonl)(\.gz)?$/i;

/** The JSON as a table, or why it is not one. */
function readJson(text: string): TextTable | JsonSyntaxError | JsonTableError {
  try {
    return jsonTable(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError || error instanceof JsonTableError) return error;
    throw error;
  }
}

async function prepareBytes(
  source: SourceFile,
  bytes: Uint8Array,
  options: SourceOptions,
  compressed: boolean,
): Promise<PreparedFile> {
  const type = sniffFileType(bytes.subarray(0, 4096));
  if (type === 'empty') throw new IngestError(source.name, 'empty');
  if (type === 'gzip' && !compressed) {
    const inflated = await gunzip(bytes).catch((error: unknown) => {
      throw unreadable(source, 'csv.gz', error);
    });
    const file = await prepareBytes(source, inflated, options, true);
    return file.format === 'csv' ? { ...file, format: 'csv.gz' } : file;
  }
  if (type === 'xlsx' || type === 'zip') {
    try {
      return await prepareXlsx(source, bytes, options);
    } catch (error) {
      // a ZIP that is no workbook keeps the sniffed type in its message
      if (type === 'zip' && !(error instanceof IngestError))
        throw new IngestError(source.name, 'not-text', 'zip');
      throw unreadable(source, 'xlsx', error);
    }
  }
  if (type === 'parquet') {
    const table = await parquetTable(bytes).catch((error: unknown) => {
      throw unreadable(source, 'parquet', error);
    });
    return fromTable(source, 'parquet', table, { encoding: UTF8, notes: [] });
  }
  if (type !== 'text') throw new IngestError(source.name, 'not-text', type);

  const guess = detectEncoding(bytes);
  const encoding = options.encoding ? { ...guess, encoding: options.encoding } : guess;
  const text = await decodeTextInSteps(bytes, encoding.encoding);
  if (looksLikeJson(text)) {
    const json = readJson(text);
    if (!(json instanceof Error)) return fromTable(source, 'json', json, { encoding, notes: [] });
    // a CSV whose first header happens to start with [ or { is still a CSV
    if (JSON_NAME.test(source.name)) throw unreadable(source, 'json', json);
  }
  const file = prepareText({ name: source.name, bytes }, encoding, text);
  return { ...file, source, format: 'csv', notes: [] };
}

/**
 * Reads one upload in whatever format it really is (sniffed from its bytes, not its name) and maps it.
 *
 * - CSV/TSV/TXT: as prepareFile (encoding detected or `options.encoding`, delimiter sniffed).
 * - `.csv.gz` (gzip magic 1f 8b): inflated, then the text path; `format` is 'csv.gz'.
 * - XLSX: `workbook` lists the sheets (with the kind each looks like) and the chosen sheet and header row;
 *   pass `options.sheet` / `options.headerRow` to choose others. Title rows above the header are skipped,
 *   totals rows (合计 / 总计 / Total / Sum / Grand Total) excluded, merged values repeated over their
 *   range, date-formatted serials turned into ISO text (1900 or 1904 system), error cells read as empty:
 *   each of these is a `notes` entry with its row number and raw text. Row numbers (`_row`, problems) are
 *   Excel's own.
 * - JSON (array of records, {data|records|results: [...]}, NDJSON) and Parquet: read in JS; numbers keep
 *   their digits, nested objects become dotted columns; row numbers are record (NDJSON: line) numbers.
 *
 * The returned file keeps the original bytes (`source`), so a retry with other options loses nothing.
 * A big upload (`source.file`, see bigFile.ts) is read as CSV from its head; other formats are refused.
 * Throws IngestError: 'empty', 'no-data-rows', 'not-text' (with the sniffed type), 'one-column',
 * 'unknown-kind', or 'load-failed' with "<format>: <what is wrong>" for a damaged file.
 */
export function prepareSource(source: SourceFile, options: SourceOptions = {}): Promise<PreparedFile> {
  if (source.file) return prepareBigFile(source, options);
  return prepareBytes(source, source.bytes, options, false);
}

export type { SourceNote, TextTable };
