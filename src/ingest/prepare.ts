import { parseHeaderRow } from './csvHeader';
import { sniffDelimiter, type Delimiter } from './delimiter';
import { decodeText, detectEncoding, type EncodingGuess, type EncodingName } from './encoding';
import { autoMapColumns, detectFileKind, type ColumnMapping } from './mapping';
import type { FileKind } from './roles';
import { sniffFileType, type FileType } from './sniff';
import type { ValueOverrides } from './valueOverrides';
import type { SourceFormat, WorkbookChoice } from './source';
import type { SourceNote, TextTable } from './textTable';

/** An upload as the user gave it; the bytes are kept so a retry with other options loses nothing. */
export interface SourceFile {
  name: string;
  bytes: Uint8Array;
  /** A big upload (see bigFile.ts): `bytes` is only its head; DuckDB reads this through a file handle. */
  file?: Blob;
}

/** Why a file cannot be loaded, as codes the UI translates (with the file name and details). */
export type IngestErrorCode =
  | 'not-text'
  | 'empty'
  | 'no-data-rows'
  | 'one-column'
  | 'unknown-kind'
  | 'missing-roles'
  | 'duplicate-kind'
  | 'load-failed'
  /** A big file in a format read in JS (XLSX, JSON, Parquet, gzip); detail is its size. */
  | 'too-big'
  /** The load ran out of memory; detail is the file's size. */
  | 'out-of-memory'
  /** The database stopped during the load (a wasm trap) and was restarted; detail is its message. */
  | 'engine-stopped'
  /** A streamed upload read a chunk's rows differently the second time; detail names the lines. */
  | 'reread-mismatch';

export class IngestError extends Error {
  constructor(
    readonly file: string,
    readonly code: IngestErrorCode,
    readonly detail: string = '',
  ) {
    super(`${file}: ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'IngestError';
  }
}

export interface PreparedFile {
  source: SourceFile;
  encoding: EncodingGuess;
  delimiter: Delimiter;
  /** The file as UTF-8 text without BOM (what DuckDB reads). */
  text: string;
  headers: string[];
  kind: FileKind;
  /** role → column position, or null when unmapped. */
  mapping: ColumnMapping;
  /** What the user said stage or yes/no values mean, over the suggestion (import wizard). */
  values?: ValueOverrides;
  /** What the bytes were read as (prepareSource); absent means CSV text (prepareFile). */
  format?: SourceFormat;
  /** Rows read in JS (XLSX, JSON, Parquet): loaded instead of `text`, which is then ''. */
  table?: TextTable;
  /** XLSX: the sheets, and the sheet and header row loaded. */
  workbook?: WorkbookChoice;
  /** What the reader skipped, excluded or changed, by row (title rows, totals rows, error cells …). */
  notes?: SourceNote[];
}

const TEXT_TYPES: readonly FileType[] = ['text'];

function dataLineCount(text: string, max: number): number {
  let lines = 0;
  let start = 0;
  while (lines <= max) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? undefined : end);
    if (line.trim() !== '') lines++;
    if (end === -1) break;
    start = end + 1;
  }
  return lines;
}

/** Sniffs, decodes and maps one file; throws IngestError naming what is wrong. */
export function prepareFile(source: SourceFile, options: { encoding?: EncodingName } = {}): PreparedFile {
  const encoding = textEncodingOf(source, options);
  return prepareText(source, encoding, decodeText(source.bytes, encoding.encoding));
}

/** The encoding of a text file (detected, or the one asked for); throws IngestError when it is no text. */
function textEncodingOf(source: SourceFile, options: { encoding?: EncodingName } = {}): EncodingGuess {
  const type = sniffFileType(source.bytes.subarray(0, 4096));
  if (type === 'empty') throw new IngestError(source.name, 'empty');
  if (!TEXT_TYPES.includes(type)) throw new IngestError(source.name, 'not-text', type);
  const guess = detectEncoding(source.bytes);
  return options.encoding ? { ...guess, encoding: options.encoding } : guess;
}

/** prepareFile after the decode: the delimiter, header row and mapping of the file's text. */
export function prepareText(source: SourceFile, encoding: EncodingGuess, text: string): PreparedFile {
  if (dataLineCount(text, 2) < 2) throw new IngestError(source.name, 'no-data-rows');
  const { delimiter } = sniffDelimiter(text);
  const headers = parseHeaderRow(text, delimiter);
  return { source, encoding, delimiter, text, headers, ...mapHeaders(source.name, headers) };
}

/** The kind a header row belongs to and its auto-mapping; throws when it is one column or no known kind. */
export function mapHeaders(file: string, headers: string[]): { kind: FileKind; mapping: ColumnMapping } {
  if (headers.length < 2) {
    const alsoDelimited = /[,;\t|]/.test(headers[0] ?? '');
    throw new IngestError(file, 'one-column', alsoDelimited ? headers[0] : '');
  }
  const { kind } = detectFileKind(headers);
  if (!kind) throw new IngestError(file, 'unknown-kind', headers.slice(0, 8).join(', '));
  return { kind, mapping: autoMapColumns(headers, kind) };
}
