import { describe, expect, it } from 'vitest';
import { excludedRows, TOTALS_ROW } from '../../src/ingest/excludedRows';
import type { LoadedFile, LoadReport } from '../../src/ingest/load';
import { rejectedRows } from '../../src/ingest/quality';
import { rejectedRowsCsv } from '../../src/export/rejectedRows';

const file = (name: string, over: Partial<LoadedFile>): LoadedFile => ({
  name,
  kind: 'leads',
  format: 'xlsx',
  encoding: 'utf-8',
  encodingReason: 'valid-utf8',
  delimiter: ',',
  rows: 3,
  rejectedLines: [],
  rawQuality: [],
  notes: [],
  ...over,
});

describe('rows excluded by readers', () => {
  it('lists totals rows (not title rows, merged or error cells) with their row and raw text', () => {
    const files = [
      file('book.xlsx', {
        notes: [
          { kind: 'title-row', row: 1, raw: 'Report' },
          { kind: 'merged-cells', range: 'D5:D7', raw: '华东' },
          { kind: 'error-cell', row: 6, cell: 'F6', column: '年收入', raw: '#N/A' },
          { kind: 'totals-row', row: 10, raw: '合计 | 1484567.65' },
        ],
      }),
      file('deals.csv', {
        kind: 'deals',
        format: 'csv',
        rejectedLines: [{ line: 3, errorType: 'TOO MANY COLUMNS', raw: 'a,b,c' }],
      }),
    ];
    expect(excludedRows(files)).toEqual([
      { file: 'book.xlsx', line: 10, raw: '合计 | 1484567.65', reason: TOTALS_ROW },
    ]);
    // the quality panel counts them with the CSV reader's rejected lines, and the download lists both
    const report = { files } as unknown as LoadReport;
    const rows = rejectedRows(report, excludedRows(files));
    expect(rows.map((r) => [r.file, r.line])).toEqual([
      ['book.xlsx', 10],
      ['deals.csv', 3],
    ]);
    const csv = rejectedRowsCsv(rows);
    expect(csv).toContain('合计 | 1484567.65');
    expect(csv).toContain(TOTALS_ROW);
  });
});
