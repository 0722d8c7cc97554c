// Turns a worksheet into a CRM table: finds the header row, skips title rows above it, excludes totals
// rows, repeats merged values, and notes every such step.

import { detectFileKind } from './mapping';
import type { FileKind } from './roles';
import type { SourceNote, TextTable } from './textTable';
import type { Cell, CellRange, SheetData, SheetRow } from './xlsx';

/** Rows looked at to find the header (report titles and filter lines are a handful of rows). */
export const HEADER_SEARCH_ROWS = 30;

// the label alone, or followed by a colon or a parenthesis ("Grand Totals (57 records)", "合计：");
// Chinese reports often pad a two-character label with a space ("合 计")
const TOTALS = /^(?:(?:grand\s+)?(?:sub-?\s*)?(?:totals?|sum)|[合总總小]\s*[计計])(?:\s*[:：(（].*)?$/i;

/** Whether a cell text marks a totals row (Total, Grand Totals (57 records), 合计, 总计：…). */
export const isTotalsLabel = (text: string) => TOTALS.test(text.trim());

export function columnLetters(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const rangeText = (r: CellRange) => `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;

const filled = (cells: readonly Cell[]) => cells.filter((c) => c.text.trim() !== '');

/** The row's texts by column from A, '' where no cell. */
function denseTexts(row: SheetRow): string[] {
  const texts: string[] = [];
  for (const c of row.cells) texts[c.col] = c.text.trim();
  return Array.from(texts, (t) => t ?? '');
}

export interface HeaderGuess {
  /** Excel row number of the header. */
  row: number;
  kind: FileKind | null;
  /** How well the header maps to the kind's roles (detectFileKind's score). */
  score: number;
}

/**
 * The header row: the first of the top rows whose texts map to a leads, deals or activities file; else
 * the first row about as wide as the table with only text cells; else the first row.
 */
export function detectHeaderRow(rows: readonly SheetRow[]): HeaderGuess | null {
  const sample = rows.slice(0, HEADER_SEARCH_ROWS);
  if (sample.length === 0) return null;
  for (const row of sample) {
    if (filled(row.cells).length < 2) continue;
    const { kind, scores } = detectFileKind(denseTexts(row));
    if (kind) return { row: row.row, kind, score: scores[kind] };
  }
  const width = Math.max(...sample.map((r) => filled(r.cells).length));
  const header =
    sample.find((r) => {
      const cells = filled(r.cells);
      return cells.length >= Math.max(2, Math.ceil(width * 0.6)) && cells.every((c) => c.type === 'string');
    }) ?? sample[0];
  return { row: header.row, kind: null, score: 0 };
}

/** Repeats each merged range's top-left value over the range, for ranges below the header. */
function fillMerges(
  byRow: Map<number, Map<number, Cell>>,
  merges: readonly CellRange[],
  headerRow: number,
  notes: SourceNote[],
) {
  for (const range of merges) {
    if (range.top <= headerRow) continue;
    const origin = byRow.get(range.top)?.get(range.left);
    if (!origin || origin.text.trim() === '') continue;
    for (let r = range.top; r <= range.bottom; r++) {
      const cells = byRow.get(r);
      if (!cells) continue; // a row with nothing but the merged range carries no other data
      for (let c = range.left; c <= range.right; c++) if (!cells.has(c)) cells.set(c, { ...origin, col: c });
    }
    notes.push({ kind: 'merged-cells', range: rangeText(range), raw: origin.text });
  }
}

const rawText = (cells: Iterable<Cell>) =>
  [...cells]
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text)
    .filter((t) => t.trim() !== '')
    .join(' | ');

/** The first two non-empty text cells: where a report writes its "Total" / "合计" label. */
function isTotalsRow(cells: Map<number, Cell>): boolean {
  const first = [...cells.values()]
    .filter((c) => c.text.trim() !== '')
    .sort((a, b) => a.col - b.col)
    .slice(0, 2);
  return first.some((c) => c.type === 'string' && isTotalsLabel(c.text));
}

/** The sheet as a positional text table with the given header row (an Excel row number). */
export function sheetTable(sheet: SheetData, headerRow: number): { table: TextTable; notes: SourceNote[] } {
  const notes: SourceNote[] = [];
  const byRow = new Map(sheet.rows.map((r) => [r.row, new Map(r.cells.map((c) => [c.col, c]))]));
  for (const row of sheet.rows) {
    if (row.row < headerRow) notes.push({ kind: 'title-row', row: row.row, raw: rawText(row.cells) });
  }
  fillMerges(byRow, sheet.merges, headerRow, notes);

  const header = byRow.get(headerRow) ?? new Map<number, Cell>();
  const data = sheet.rows.filter((r) => r.row > headerRow);
  let left = Infinity;
  let right = -1;
  for (const cells of [header, ...data.map((r) => byRow.get(r.row)!)]) {
    for (const c of cells.values()) {
      if (c.text.trim() === '') continue;
      left = Math.min(left, c.col);
      right = Math.max(right, c.col);
    }
  }
  if (right < 0) return { table: { headers: [], rows: [], rowNumbers: [] }, notes };

  const headers: string[] = [];
  for (let c = left; c <= right; c++) headers.push(header.get(c)?.text.trim() ?? '');
  const table: TextTable = { headers, rows: [], rowNumbers: [] };
  for (const { row } of data) {
    const cells = byRow.get(row)!;
    if (isTotalsRow(cells)) {
      notes.push({ kind: 'totals-row', row, raw: rawText(cells.values()) });
      continue;
    }
    const values: (string | null)[] = [];
    for (let c = left; c <= right; c++) {
      const cell = cells.get(c);
      if (cell?.type === 'error') {
        notes.push({
          kind: 'error-cell',
          row,
          cell: `${columnLetters(c)}${row}`,
          column: headers[c - left],
          raw: cell.text,
        });
      }
      values.push(!cell || cell.type === 'error' || cell.text === '' ? null : cell.text);
    }
    table.rows.push(values);
    table.rowNumbers.push(row);
  }
  return { table, notes };
}
