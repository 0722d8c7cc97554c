// Import formats of issue 7 through the real load: XLSX (BAD-INPUTS 6 and the XLSX half of case 4),
// gzip-compressed CSV, JSON / NDJSON and Parquet. Expected values are written out from the fixtures'
// definitions (test/fixtures/bad-inputs/formats.ts), never read back from the code under test.
import { describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { IngestError, prepareFile, type PreparedFile } from '../../src/ingest/prepare';
import { prepareSource } from '../../src/ingest/source';
import { formatNameKey, noteMessage } from '../../src/ingest/sourceNotes';
import { translate } from '../../src/i18n/translate';
import * as formats from '../fixtures/bad-inputs/formats';
import { case2 } from '../fixtures/bad-inputs/make';
import type { Fixture } from '../fixtures/bad-inputs/make';
import { excelSerial } from '../fixtures/xlsx';

interface Loaded {
  report: LoadReport;
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
}

/** Loads prepared files into a fresh Node engine, runs the body, closes the engine. */
async function withLoaded(files: PreparedFile[], body: (l: Loaded) => Promise<void>): Promise<void> {
  const engine: SqlEngine = await createNodeEngine();
  try {
    const report = await loadFiles(engine, files, { keepRawTables: true });
    const rows = async (sql: string) =>
      (await engine.query(sql)).toArray().map((r) => {
        const o = r.toJSON() as Record<string, unknown>;
        for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
    await body({ report, rows });
  } finally {
    await engine.close();
  }
}

async function ingestError(f: Fixture, options = {}): Promise<IngestError> {
  const error = await prepareSource(f, options).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof IngestError))
    throw new Error(`${f.name}: expected an IngestError, got ${String(error)}`);
  expect(error.file).toBe(f.name);
  return error;
}

const problemsOf = (report: LoadReport) =>
  report.problems.map((p) => `${p.row}:${p.role}:${p.problem}:${p.raw}`);

describe('BAD-INPUTS 6: XLSX with several sheets, title rows, merged cells, a totals row, serial dates', () => {
  it('the fixture writer puts dates where Excel does (2024-01-01 is serial 45292; 1904: 43830)', () => {
    expect(excelSerial('2024-01-01')).toBe(45292);
    expect(excelSerial('2024-01-01', true)).toBe(45292 - 1462);
  });

  it('lists every sheet with the kind it looks like and picks the visible leads sheet, header row 4', async () => {
    const { workbook } = await formats.case6();
    const p = await prepareSource(workbook);
    expect(p.format).toBe('xlsx');
    expect(p.workbook?.sheets).toEqual([
      { name: '说明', hidden: false, kind: null, headerRow: 1 },
      { name: '线索', hidden: false, kind: 'leads', headerRow: 4 },
      { name: '商机', hidden: false, kind: 'deals', headerRow: 1 },
      { name: '旧数据', hidden: true, kind: 'leads', headerRow: 1 },
    ]);
    expect(p.workbook).toMatchObject({ sheet: '线索', headerRow: 4, detectedHeaderRow: 4, date1904: false });
    expect(p.kind).toBe('leads');
    expect(p.headers).toEqual(['客户编号', '公司名称', '所属行业', '区域', '创建日期', '年收入', '决策人']);
    expect(p.source.bytes).toBe(workbook.bytes); // the original bytes are kept for a retry
  });

  it('notes the skipped title rows, the merged region, the #N/A cell and the excluded 合计 row by row', async () => {
    const p = await prepareSource((await formats.case6()).workbook);
    expect(p.notes).toEqual([
      { kind: 'title-row', row: 1, raw: '线索报表 Report generated 2024-05-01 08:30' },
      { kind: 'title-row', row: 2, raw: '筛选条件: 负责人 = 张伟' },
      { kind: 'merged-cells', range: 'D5:D7', raw: '华东' },
      { kind: 'error-cell', row: 6, cell: 'F6', column: '年收入', raw: '#N/A' },
      { kind: 'totals-row', row: 10, raw: '合计 | 1484567.65' },
    ]);
  });

  it('words every note in English and Chinese with its row and raw text (import.format.note.*)', async () => {
    const p = await prepareSource((await formats.case6()).workbook);
    const en = (p.notes ?? []).map((n) => {
      const m = noteMessage(n);
      return translate('en', m.key, m.params);
    });
    expect(en).toEqual([
      'Row 1 is above the header and was skipped as a title row: 线索报表 Report generated 2024-05-01 08:30',
      'Row 2 is above the header and was skipped as a title row: 筛选条件: 负责人 = 张伟',
      'Cells D5:D7 are merged: the value “华东” was repeated in every row of the range.',
      'Cell F6 (年收入) holds the Excel error #N/A; it was read as empty.',
      'Row 10 was excluded as a totals row: 合计 | 1484567.65',
    ]);
    const totals = noteMessage(p.notes![4]);
    expect(translate('zh-CN', totals.key, totals.params)).toBe('第 10 行是合计行，已排除：合计 | 1484567.65');
    expect(translate('zh-CN', formatNameKey('xlsx'))).toBe('Excel 工作簿（XLSX）');
  });

  it('loads the leads sheet: Excel row numbers, merged values repeated, dates only where the format is a date, the ingest/raw_table.sql shape', async () => {
    const p = await prepareSource((await formats.case6()).workbook);
    await withLoaded([p], async ({ report, rows }) => {
      expect(report.files[0]).toMatchObject({
        name: 'crm-export.xlsx',
        format: 'xlsx',
        rows: 5,
        rejectedLines: [],
      });
      expect(report.files[0].notes).toEqual(p.notes);
      expect(await rows('SELECT column_name, column_type FROM (DESCRIBE raw_leads)')).toEqual([
        { column_name: '_row', column_type: 'BIGINT' },
        ...[0, 1, 2, 3, 4, 5, 6].map((i) => ({ column_name: `column${i}`, column_type: 'VARCHAR' })),
      ]);
      // raw text as the mapping sees it: a money- or percent-formatted number stays a number
      expect(
        await rows(
          'SELECT _row, lead_id, company, region, created_at, annual_revenue, is_decision_maker FROM mapped_leads ORDER BY _row',
        ),
      ).toEqual([
        {
          _row: 5,
          lead_id: 'C001',
          company: '阿里巴巴',
          region: '华东',
          created_at: '2024-01-05',
          annual_revenue: '1234567.5',
          is_decision_maker: 'TRUE',
        },
        {
          _row: 6,
          lead_id: 'C002',
          company: '腾讯科技',
          region: '华东',
          created_at: '2024-02-01 09:30:00',
          annual_revenue: null,
          is_decision_maker: 'FALSE',
        },
        {
          _row: 7,
          lead_id: 'C003',
          company: 'Müller GmbH',
          region: '华东',
          created_at: '2024-03-15',
          annual_revenue: '250000',
          is_decision_maker: 'Yes',
        },
        {
          _row: 8,
          lead_id: 'C004',
          company: 'Acme Corp',
          region: '华北',
          created_at: '2024-04-02',
          annual_revenue: 'see notes',
          is_decision_maker: null,
        },
        {
          _row: 9,
          lead_id: '12345',
          company: '  Beta Ltd ',
          region: '华南',
          created_at: '2024-04-20',
          annual_revenue: '0.15',
          is_decision_maker: null,
        },
      ]);
      expect(
        await rows(
          'SELECT lead_id, CAST(created_at AS VARCHAR) AS created, annual_revenue, is_decision_maker FROM leads ORDER BY _row',
        ),
      ).toEqual([
        { lead_id: 'C001', created: '2024-01-05', annual_revenue: 1234567.5, is_decision_maker: true },
        { lead_id: 'C002', created: '2024-02-01', annual_revenue: null, is_decision_maker: false },
        { lead_id: 'C003', created: '2024-03-15', annual_revenue: 250000, is_decision_maker: true },
        { lead_id: 'C004', created: '2024-04-02', annual_revenue: null, is_decision_maker: null },
        { lead_id: '12345', created: '2024-04-20', annual_revenue: 0.15, is_decision_maker: null },
      ]);
      // a bad cell is reported with the row number Excel shows
      expect(problemsOf(report)).toContain('8:annual_revenue:bad_number:see notes');
    });
  });

  it('loads another sheet when asked (the deals sheet, its Total row excluded) beside the leads sheet of the same workbook', async () => {
    const { workbook } = await formats.case6();
    const deals = await prepareSource(workbook, { sheet: '商机' });
    expect(deals.kind).toBe('deals');
    expect(deals.workbook).toMatchObject({ sheet: '商机', headerRow: 1 });
    expect(deals.notes).toEqual([{ kind: 'totals-row', row: 4, raw: 'Total | 62000.5' }]);
    const leads = await prepareSource(workbook);
    await withLoaded([leads, deals], async ({ rows, report }) => {
      expect(report.counts).toMatchObject({ leads: 5, deals: 2 });
      expect(
        await rows(
          'SELECT deal_id, lead_id, amount, currency, CAST(closed_at AS VARCHAR) AS closed FROM deals ORDER BY _row',
        ),
      ).toEqual([
        { deal_id: 'D1', lead_id: 'C001', amount: 50000, currency: 'CNY', closed: '2024-03-01' },
        { deal_id: 'D2', lead_id: 'C003', amount: 12000.5, currency: 'EUR', closed: '2024-04-10' },
      ]);
      expect(report.valueMaps.stageWon).toEqual(['赢单']);
      expect(report.valueMaps.stageLost).toEqual(['Closed Lost']);
    });
  });

  it('takes the header row the user chooses: a data row as header is no CRM table, and no row is lost silently', async () => {
    const { workbook } = await formats.case6();
    const error = await ingestError(workbook, { headerRow: 5 });
    expect(error.code).toBe('unknown-kind');
    expect(error.detail).toContain('C001');
    const hidden = await prepareSource(workbook, { sheet: '旧数据' });
    expect(hidden.table?.rows).toEqual([
      ['OLD1', 'Old Co', 'Retail', 'DE', 'EU', '10', '1000', 'Web', 'Ann', '2019-01-01'],
    ]);
  });

  it('reads serial dates of a 1904 workbook (old Mac Excel) as the dates Excel shows', async () => {
    const p = await prepareSource((await formats.case6()).mac);
    expect(p.workbook?.date1904).toBe(true);
    await withLoaded([p], async ({ rows }) => {
      expect(await rows('SELECT _row, lead_id, created_at FROM mapped_leads ORDER BY _row')).toEqual([
        { _row: 2, lead_id: 'M1', created_at: '2024-01-05' },
        { _row: 3, lead_id: 'M2', created_at: '2023-12-31 18:45:00' },
      ]);
      expect(await rows('SELECT lead_id, CAST(created_at AS VARCHAR) AS d FROM leads ORDER BY _row')).toEqual(
        [
          { lead_id: 'M1', d: '2024-01-05' },
          { lead_id: 'M2', d: '2023-12-31' },
        ],
      );
    });
  });

  it('names a damaged workbook in the error and keeps a ZIP that is no workbook as not-text (zip)', async () => {
    const { workbook } = await formats.case6();
    const cut = { name: 'cut.xlsx', bytes: workbook.bytes.subarray(0, 600) };
    const error = await ingestError(cut);
    expect(error.code).toBe('load-failed');
    expect(error.detail).toMatch(/^xlsx: /);
    const zip = { name: 'photos.zip', bytes: await zipOf('photo.txt', 'not a workbook') };
    expect(await ingestError(zip)).toMatchObject({ code: 'not-text', detail: 'zip' });
  });
});

async function zipOf(name: string, text: string): Promise<Uint8Array> {
  const { writeZip } = await import('../fixtures/zip');
  return writeZip([{ name, data: new TextEncoder().encode(text) }]);
}

describe('BAD-INPUTS 4 (XLSX half): a workbook under a .csv name', () => {
  it('loads through prepareSource as the workbook it is; prepareFile, text only, still names it', async () => {
    const f = await formats.xlsxNamedCsv();
    expect(() => prepareFile(f)).toThrow('export.csv: not-text (xlsx)');
    const p = await prepareSource(f);
    expect(p).toMatchObject({ format: 'xlsx', kind: 'leads' });
    await withLoaded([p], async ({ report }) => {
      expect(report.files[0]).toMatchObject({ name: 'export.csv', format: 'xlsx', rows: 5 });
    });
  });
});

describe('gzip-compressed CSV (.csv.gz)', () => {
  it('inflates, then detects the encoding and delimiter as for any CSV; the compressed bytes are kept', async () => {
    const { utf8, gbk } = await formats.gzipCsv(case2().bytes);
    const p = await prepareSource(utf8);
    expect(p).toMatchObject({
      format: 'csv.gz',
      delimiter: ',',
      headers: ['lead_id', 'company', 'industry'],
    });
    expect(p.text).toBe(formats.GZIP_TEXT);
    expect(p.source.bytes).toBe(utf8.bytes);
    const g = await prepareSource(gbk);
    expect(g.encoding).toEqual({ encoding: 'gb18030', bom: false, reason: 'gb18030-cjk' });
    expect(g.headers).toEqual(['客户编号', '公司名称', '所属行业', '创建日期']);
    await withLoaded([p], async ({ rows, report }) => {
      expect(report.files[0]).toMatchObject({ format: 'csv.gz', rows: 2 });
      expect(await rows('SELECT lead_id, company FROM leads ORDER BY _row')).toEqual([
        { lead_id: 'L1', company: 'Müller GmbH' },
        { lead_id: 'L2', company: 'Acme' },
      ]);
    });
  });

  it('names a damaged gzip file in the error', async () => {
    const { utf8 } = await formats.gzipCsv(case2().bytes);
    const error = await ingestError({ name: 'cut.csv.gz', bytes: utf8.bytes.subarray(0, 20) });
    expect(error.code).toBe('load-failed');
    expect(error.detail).toMatch(/^csv\.gz: /);
  });
});

describe('JSON exports (array, {data: [...]} envelope, NDJSON)', () => {
  it('loads an array of records: an id above 2^53 keeps every digit, nulls are empty, bad dates reported by record', async () => {
    const p = await prepareSource(formats.jsonExports().array);
    expect(p.format).toBe('json');
    expect(p.headers).toEqual(['Lead ID', 'Company', 'Annual Revenue', 'Created Date', 'Is Decision Maker']);
    await withLoaded([p], async ({ rows, report }) => {
      expect(
        await rows(
          'SELECT _row, lead_id, company, annual_revenue, CAST(created_at AS VARCHAR) AS d, is_decision_maker FROM leads ORDER BY _row',
        ),
      ).toEqual([
        {
          _row: 1,
          lead_id: '12345678901234567891',
          company: 'Acme ÄG',
          annual_revenue: 1200000.5,
          d: '2024-01-05',
          is_decision_maker: true,
        },
        { _row: 2, lead_id: 'L2', company: 'Beta', annual_revenue: null, d: null, is_decision_maker: null },
      ]);
      expect(problemsOf(report)).toContain('2:created_at:bad_date:2024-02-30');
    });
  });

  it('finds the records inside a {data: [...]} envelope; nested objects become dotted columns, arrays JSON text', async () => {
    const p = await prepareSource(formats.jsonExports().envelope);
    expect(p.headers).toEqual(['Lead_ID', 'Company', 'Industry', 'Owner.name', 'Owner.id', 'Tags']);
    expect(p.table?.rows).toEqual([
      ['Z1', 'Zeta', 'Retail', 'Li Na', '77', null],
      ['Z2', 'Eta', null, null, null, '["vip","cn"]'],
    ]);
    await withLoaded([p], async ({ rows }) => {
      expect(await rows('SELECT lead_id, company, industry FROM leads ORDER BY _row')).toEqual([
        { lead_id: 'Z1', company: 'Zeta', industry: 'Retail' },
        { lead_id: 'Z2', company: 'Eta', industry: null },
      ]);
    });
  });

  it('reads NDJSON with line numbers as row numbers', async () => {
    const p = await prepareSource(formats.jsonExports().ndjson);
    expect(p.table?.rowNumbers).toEqual([1, 3]);
    await withLoaded([p], async ({ rows, report }) => {
      expect(await rows('SELECT _row, lead_id, employees FROM leads ORDER BY _row')).toEqual([
        { _row: 1, lead_id: 'N1', employees: 12 },
        { _row: 3, lead_id: 'N2', employees: null },
      ]);
      expect(problemsOf(report)).toContain('3:employees:bad_number:many');
    });
  });

  it('names the line and column of broken JSON; a CSV whose header starts with [ stays a CSV', async () => {
    const broken = {
      name: 'leads.json',
      bytes: new TextEncoder().encode('[\n {"lead_id": "A1",\n  "company" "Acme"}\n]'),
    };
    const error = await ingestError(broken);
    expect(error.code).toBe('load-failed');
    expect(error.detail).toBe('json: expected ":" at line 3, column 13');
    const csv = { name: 'leads.csv', bytes: new TextEncoder().encode('[Lead ID],Company\nL1,Acme\n') };
    const p = await prepareSource(csv);
    expect(p).toMatchObject({ format: 'csv', headers: ['[Lead ID]', 'Company'] });
  });
});

describe('Parquet', () => {
  it('reads every column in JS (no DuckDB extension): text, integers, doubles, INT64 digits, booleans, timestamps, nulls', async () => {
    const p = await prepareSource(formats.parquetLeads());
    expect(p.format).toBe('parquet');
    expect(p.table?.rows).toEqual([
      ['P1', 'Pi Corp', '120', '1500000', '9007199254740993', 'true', '2024-01-05 10:30:00'],
      ['P2', null, '5', '250000.25', '1', 'false', '2024-02-01 00:00:00'],
      ['P3', 'Rho GmbH', null, '0', '-2', null, null],
    ]);
    await withLoaded([p], async ({ rows, report }) => {
      expect(report.files[0]).toMatchObject({ format: 'parquet', rows: 3 });
      expect(
        await rows(
          'SELECT _row, lead_id, company, employees, annual_revenue, is_decision_maker, CAST(created_at AS VARCHAR) AS d FROM leads ORDER BY _row',
        ),
      ).toEqual([
        {
          _row: 1,
          lead_id: 'P1',
          company: 'Pi Corp',
          employees: 120,
          annual_revenue: 1500000,
          is_decision_maker: true,
          d: '2024-01-05',
        },
        {
          _row: 2,
          lead_id: 'P2',
          company: null,
          employees: 5,
          annual_revenue: 250000.25,
          is_decision_maker: false,
          d: '2024-02-01',
        },
        {
          _row: 3,
          lead_id: 'P3',
          company: 'Rho GmbH',
          employees: null,
          annual_revenue: 0,
          is_decision_maker: null,
          d: null,
        },
      ]);
    });
  });
});

describe('ingest/drop_staging.sql', () => {
  it('ingest/drop_staging.sql leaves no Arrow staging table behind, and a second load of the same kind replaces the first', async () => {
    const engine = await createNodeEngine();
    try {
      await loadFiles(engine, [await prepareSource(formats.parquetLeads())]);
      await loadFiles(engine, [await prepareSource(formats.jsonExports().ndjson)], { keepRawTables: true });
      const tables = (
        await engine.query("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'raw_%'")
      )
        .toArray()
        .map((r) => String(r.table_name));
      expect(tables).toEqual(['raw_leads']);
      expect(Number((await engine.query('SELECT count(*) AS n FROM raw_leads')).get(0)?.n)).toBe(2);
    } finally {
      await engine.close();
    }
  });
});
