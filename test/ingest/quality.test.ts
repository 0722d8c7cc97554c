// The data-quality panel's statistics (src/ingest/quality.ts) on a small hand-made file, through the real
// load and the Node build of the browser's DuckDB. Expected values are counted by hand from the fixture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { fetchRows, run } from '../../src/db/sql';
import { rejectedRowsCsv } from '../../src/export/rejectedRows';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { prepareFile, type PreparedFile } from '../../src/ingest/prepare';
import { fileQuality, loadQuality, rejectedRows, type ColumnQuality } from '../../src/ingest/quality';
import { qualityLeads } from '../fixtures/bad-inputs/make';

let engine: SqlEngine;
let report: LoadReport;
let prepared: PreparedFile;
let columns: ColumnQuality[];

const source = (f: PreparedFile) => ({
  name: f.source.name,
  kind: f.kind,
  headers: f.headers,
  mapping: f.mapping,
});
const byHeader = (header: string) => columns.find((c) => c.header === header)!;

beforeAll(async () => {
  engine = await createNodeEngine();
  prepared = prepareFile(qualityLeads());
  report = await loadFiles(engine, [prepared], { keepRawTables: true });
  columns = await loadQuality(engine, [source(prepared)], report);
});
afterAll(async () => {
  await engine.close();
});

describe('data-quality panel statistics', () => {
  it('lists every raw column in file order with its header and role (quality/raw_columns.sql)', () => {
    expect(columns.map((c) => [c.index, c.header, c.roles])).toEqual([
      [0, 'lead_id', ['lead_id']],
      [1, 'Company Name', ['company']],
      [2, 'Employees', ['employees']],
      [3, 'created_at', ['created_at']],
      [4, 'Notes', []],
    ]);
    expect(new Set(columns.map((c) => c.column)).size).toBe(5);
    expect(columns.every((c) => c.file === 'quality.csv' && c.kind === 'leads' && c.rows === 5)).toBe(true);
  });

  it('counts missing cells and distinct values of every column in one scan (quality/value_counts.sql, quality/column_stats.sql)', () => {
    // rows that loaded: L1, L2, L3, L5, L6 (L4 and the short last line are rejected)
    expect(columns.map((c) => [c.header, c.missing, c.distinct])).toEqual([
      ['lead_id', 0, 5],
      ['Company Name', 1, 4],
      ['Employees', 1, 4],
      ['created_at', 1, 4],
      ['Notes', 1, 2],
    ]);
    expect(byHeader('Notes').missingShare).toBeCloseTo(0.2, 10);
  });

  it('gives the five most frequent values with counts, ties by value (quality/top_values.sql)', () => {
    expect(byHeader('Notes').top).toEqual([
      { value: 'ok', n: 3 },
      { value: '=HYPERLINK("x")', n: 1 },
    ]);
    expect(byHeader('Employees').top).toEqual(
      [
        { value: '5', n: 1 },
        { value: '10', n: 1 },
        { value: '7', n: 1 },
        { value: 'many', n: 1 },
      ].sort((a, b) => (a.value < b.value ? -1 : 1)),
    );
    expect(byHeader('lead_id').top.map((t) => t.value)).toEqual(['L1', 'L2', 'L3', 'L5', 'L6']);
  });

  it('counts the cast failures the load reported, per column and problem', () => {
    expect(columns.map((c) => [c.header, c.failureCount, c.failures])).toEqual([
      ['lead_id', 0, {}],
      ['Company Name', 0, {}],
      ['Employees', 1, { bad_number: 1 }],
      ['created_at', 1, { bad_date: 1 }],
      ['Notes', 0, {}],
    ]);
  });

  it('frees its temp table and can run again with the same answer (quality/drop_counts.sql)', async () => {
    const countsColumns = () =>
      fetchRows(engine, 'quality/raw_columns', { name: { type: 'string' } }, { params: ['quality_counts'] });
    await run(engine, 'quality/value_counts', { identifiers: { table: 'raw_leads' }, params: [1, 100, ''] });
    expect((await countsColumns()).map((c) => c.name)).toEqual(['col', 'value', 'n']);
    await run(engine, 'quality/drop_counts');
    expect(await countsColumns()).toEqual([]);
    const again = await fileQuality(engine, source(prepared), report.files[0], report.problems);
    expect(again).toEqual(columns);
  });

  it('lists rejected lines and reader-excluded rows with line and raw text, and downloads them formula-safe', () => {
    const rows = rejectedRows(report, [
      { file: 'quality.csv', line: 7, raw: 'Total,6', reason: 'totals_row' },
    ]);
    expect(rows.map((r) => [r.line, r.raw])).toEqual([
      [5, 'L4,Beta,5,2024-01-07,ok,EXTRA'],
      [7, 'Total,6'],
      [8, '@SUM(1+1),x'],
    ]);
    const csv = rejectedRowsCsv(rows);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFfile,line,reason,raw_text',
      `quality.csv,5,${rows[0].reason},"L4,Beta,5,2024-01-07,ok,EXTRA"`,
      'quality.csv,7,totals_row,"Total,6"',
      `quality.csv,8,${rows[2].reason},"'@SUM(1+1),x"`,
      '',
    ]);
  });
});
