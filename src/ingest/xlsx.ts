// Reads an XLSX workbook: its sheets, and each cell as typed text (dates only where the format is a date).

import { dateKindOf, serialToIso, type DateKind } from './excelDate';
import { scanXml } from './xml';
import { inflateEntry, readZip, type ZipEntry } from './zip';

export interface SheetInfo {
  name: string;
  /** Hidden or very hidden in Excel; listed, but never the default choice. */
  hidden: boolean;
}

export type CellType = 'string' | 'number' | 'date' | 'boolean' | 'error';

export interface Cell {
  /** 0-based column (A = 0). */
  col: number;
  type: CellType;
  /** strings as written (rich-text runs joined); dates as ISO; booleans TRUE/FALSE; errors as #N/A … */
  text: string;
}

export interface SheetRow {
  /** The row number Excel shows (1-based). */
  row: number;
  cells: Cell[];
}

/** A merged range: rows as Excel numbers them, columns 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  rows: SheetRow[];
  merges: CellRange[];
}

export interface Workbook {
  sheets: SheetInfo[];
  /** workbook.xml `date1904`: serials count days from 1904-01-01 (old Mac Excel). */
  date1904: boolean;
  /** The sheet's non-empty rows in order; with maxRows only the first rows (to judge a sheet quickly). */
  readSheet(name: string, maxRows?: number): Promise<SheetData>;
}

export class WorkbookError extends Error {
  override name = 'WorkbookError';
}

const UTF8 = new TextDecoder('utf-8');

/** Column letters of a reference such as "AB12" → 27 (0-based). */
export function columnIndex(ref: string): number {
  let col = 0;
  for (const ch of ref) {
    const code = ch.toUpperCase().charCodeAt(0);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return col - 1;
}

function rowOfRef(ref: string): number {
  return Number(ref.replace(/^[A-Za-z$]+/, '').replace(/\$/g, ''));
}

export function parseRange(ref: string): CellRange | null {
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const top = rowOfRef(a);
  const bottom = rowOfRef(b);
  const left = columnIndex(a);
  const right = columnIndex(b);
  if (!(top > 0 && bottom >= top && left >= 0 && right >= left)) return null;
  return { top, left, bottom, right };
}

/** Excel escapes control characters in strings as _xHHHH_. */
const unescapeExcel = (text: string) =>
  text.includes('_x')
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;

/** Collects the text of a string item (<si> or <is>): its <t> runs, without phonetic guides (<rPh>). */
class StringItemText {
  #depthInPhonetic = 0;
  #inT = false;
  value = '';
  open(name: string) {
    if (name === 'rPh') this.#depthInPhonetic++;
    else if (name === 't' && this.#depthInPhonetic === 0) this.#inT = true;
  }
  close(name: string) {
    if (name === 'rPh') this.#depthInPhonetic--;
    else if (name === 't') this.#inT = false;
  }
  text(value: string) {
    if (this.#inT) this.value += value;
  }
}

function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let item: StringItemText | null = null;
  scanXml(xml, {
    open(name) {
      if (name === 'si') item = new StringItemText();
      else item?.open(name);
    },
    close(name) {
      if (name === 'si' && item) {
        strings.push(unescapeExcel(item.value));
        item = null;
      } else item?.close(name);
    },
    text(value) {
      item?.text(value);
    },
  });
  return strings;
}

/** Per cell style index (the `s` attribute), what its number format shows. */
function parseStyles(xml: string): (DateKind | null)[] {
  const codes = new Map<number, string>();
  const kinds: (DateKind | null)[] = [];
  let inCellXfs = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'numFmt') codes.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        kinds.push(dateKindOf(id, codes.get(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return kinds;
}

function parseRelationships(xml: string, base: string): { id: string; type: string; target: string }[] {
  const rels: { id: string; type: string; target: string }[] = [];
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'Relationship' && attrs.Target && attrs.TargetMode !== 'External')
        rels.push({ id: attrs.Id ?? '', type: attrs.Type ?? '', target: resolvePath(base, attrs.Target) });
    },
  });
  return rels;
}

function resolvePath(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

const dirOf = (path: string) => path.slice(0, path.lastIndexOf('/') + 1);
const relsOf = (path: string) => `${dirOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

interface WorkbookPart {
  sheets: (SheetInfo & { path: string })[];
  date1904: boolean;
}

function parseWorkbook(xml: string, rels: { id: string; target: string }[]): WorkbookPart {
  const sheets: (SheetInfo & { path: string })[] = [];
  let date1904 = false;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
      else if (name === 'sheet') {
        const relId = Object.entries(attrs).find(([k]) => k === 'id' || k.endsWith(':id'))?.[1];
        const rel = rels.find((r) => r.id === relId);
        if (rel)
          sheets.push({
            name: attrs.name ?? '',
            hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden',
            path: rel.target,
          });
      }
    },
  });
  return { sheets, date1904 };
}

interface SheetContext {
  strings: readonly string[];
  styles: readonly (DateKind | null)[];
  date1904: boolean;
}

function cellOf(
  type: string,
  style: number,
  value: string,
  inline: string | null,
  ctx: SheetContext,
): Omit<Cell, 'col'> | null {
  switch (type) {
    case 's': {
      const text = ctx.strings[Number(value)];
      return text === undefined ? null : { type: 'string', text };
    }
    case 'inlineStr':
      return inline === null ? null : { type: 'string', text: unescapeExcel(inline) };
    case 'str':
      return { type: 'string', text: unescapeExcel(value) };
    case 'b':
      return { type: 'boolean', text: value.trim() === '1' || value.trim() === 'true' ? 'TRUE' : 'FALSE' };
    case 'e':
      return { type: 'error', text: value.trim() };
    case 'd': {
      // ISO 8601 date cells (written by some tools, rarely by Excel)
      const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value.trim());
      if (!m) return { type: 'string', text: value };
      return { type: 'date', text: m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : m[1] };
    }
    default: {
      const text = value.trim();
      if (text === '') return null;
      const kind = ctx.styles[style] ?? null;
      const iso = kind ? serialToIso(Number(text), kind, ctx.date1904) : null;
      return iso === null ? { type: 'number', text } : { type: 'date', text: iso };
    }
  }
}

function parseSheet(xml: string, ctx: SheetContext, maxRows: number): SheetData {
  const rows: SheetRow[] = [];
  const merges: CellRange[] = [];
  let row: SheetRow | null = null;
  let lastRow = 0;
  let lastCol = -1;
  let cell: { col: number; type: string; style: number } | null = null;
  let value = '';
  let inValue = false;
  let inline: StringItemText | null = null;
  scanXml(xml, {
    open(name, attrs) {
      if (name === 'row') {
        if (rows.length >= maxRows) return false;
        lastRow = attrs.r ? Number(attrs.r) : lastRow + 1;
        row = { row: lastRow, cells: [] };
        lastCol = -1;
      } else if (name === 'c') {
        lastCol = attrs.r ? columnIndex(attrs.r) : lastCol + 1;
        cell = { col: lastCol, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0) };
        value = '';
        inline = null;
      } else if (name === 'v' && cell) {
        inValue = true;
      } else if (name === 'is' && cell) {
        inline = new StringItemText();
      } else if (inline) {
        inline.open(name);
      } else if (name === 'mergeCell' && attrs.ref) {
        const range = parseRange(attrs.ref);
        if (range) merges.push(range);
      }
    },
    close(name) {
      if (name === 'v') inValue = false;
      else if (name === 'c' && cell && row) {
        const parsed = cellOf(cell.type, cell.style, value, inline?.value ?? null, ctx);
        if (parsed) row.cells.push({ col: cell.col, ...parsed });
        cell = null;
        inline = null;
      } else if (inline) {
        // the inline string's text stays collected until its cell closes
        if (name !== 'is') inline.close(name);
      } else if (name === 'row' && row) {
        if (row.cells.some((c) => c.text !== '')) rows.push(row);
        row = null;
      }
    },
    text(text) {
      if (inValue) value += text;
      else inline?.text(text);
    },
  });
  return { rows, merges };
}

async function entryText(entries: Map<string, ZipEntry>, path: string): Promise<string | null> {
  const entry = entries.get(path) ?? entries.get(`/${path}`);
  return entry ? UTF8.decode(await inflateEntry(entry)) : null;
}

/** Opens an XLSX (or XLSM) workbook; throws WorkbookError naming what is missing. */
export async function openWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const entries = readZip(bytes);
  const rootRels = await entryText(entries, '_rels/.rels');
  const main =
    (rootRels && parseRelationships(rootRels, '').find((r) => r.type.endsWith('/officeDocument'))?.target) ||
    'xl/workbook.xml';
  const workbookXml = await entryText(entries, main);
  if (workbookXml === null) throw new WorkbookError(`no workbook part (${main})`);
  const rels = parseRelationships((await entryText(entries, relsOf(main))) ?? '', dirOf(main));
  const { sheets, date1904 } = parseWorkbook(workbookXml, rels);
  if (sheets.length === 0) throw new WorkbookError('the workbook has no worksheets');

  const partOf = (suffix: string, fallback: string) =>
    rels.find((r) => r.type.endsWith(suffix))?.target ?? `${dirOf(main)}${fallback}`;
  const stringsXml = await entryText(entries, partOf('/sharedStrings', 'sharedStrings.xml'));
  const stylesXml = await entryText(entries, partOf('/styles', 'styles.xml'));
  const ctx: SheetContext = {
    strings: stringsXml ? parseSharedStrings(stringsXml) : [],
    styles: stylesXml ? parseStyles(stylesXml) : [],
    date1904,
  };
  return {
    sheets: sheets.map(({ name, hidden }) => ({ name, hidden })),
    date1904,
    async readSheet(name, maxRows = Infinity) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new WorkbookError(`no sheet named ${name}`);
      const xml = await entryText(entries, sheet.path);
      if (xml === null) throw new WorkbookError(`sheet ${name} has no part (${sheet.path})`);
      return parseSheet(xml, ctx, maxRows);
    },
  };
}
