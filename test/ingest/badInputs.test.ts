// One describe per case of /work/shared/BAD-INPUTS.md that the current code handles (fully or in part);
// only the handled behaviour is asserted. Status of every case: test/fixtures/bad-inputs/STATUS.md.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { safeText, toCsv } from '../../src/export/csv';
import { buildLeadFeatures } from '../../src/features/build';
import { fetchWonRevenue, revenueIn, wonRevenueRows } from '../../src/features/revenue';
import { prepareBigFile } from '../../src/ingest/bigFile';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { IngestError, prepareFile } from '../../src/ingest/prepare';
import { segmentBias } from '../../src/metrics/bias/segments';
import { defaultScenario } from '../../src/model/defaultScenario';
import { parseScenarioJson } from '../../src/model/portable';
import { DatasetState } from '../../src/state/dataset.svelte';
import { problemsCsv } from '../../src/views/data/problemsCsv';
import * as make from '../fixtures/bad-inputs/make';
import type { Fixture } from '../fixtures/bad-inputs/make';

/** The IngestError prepareFile throws for a fixture, as "code:detail"; fails when it does not throw one. */
function errorOf(f: Fixture): string {
  try {
    prepareFile(f);
  } catch (e) {
    if (!(e instanceof IngestError)) throw e;
    expect(e.file).toBe(f.name);
    expect(e.message.startsWith(`${f.name}: ${e.code}`)).toBe(true);
    return `${e.code}:${e.detail}`;
  }
  throw new Error(`${f.name} was accepted`);
}

interface Loaded {
  engine: SqlEngine;
  report: LoadReport;
  /** Runs a query and returns its rows as plain objects (BIGINT as number). */
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
}

/** Prepares and loads fixtures into a fresh engine, runs the body, closes the engine. */
async function withLoaded(fixtures: Fixture[], body: (l: Loaded) => Promise<void>): Promise<void> {
  const engine = await createNodeEngine();
  try {
    const prepared = fixtures.map((f) => prepareFile(f));
    const report = await loadFiles(engine, prepared);
    const rows = async (sql: string) =>
      (await engine.query(sql)).toArray().map((r) => {
        const o = r.toJSON() as Record<string, unknown>;
        for (const k of Object.keys(o)) if (typeof o[k] === 'bigint') o[k] = Number(o[k]);
        return o;
      });
    await body({ engine, report, rows });
  } finally {
    await engine.close();
  }
}

const problemsOf = (report: LoadReport, file: string) =>
  report.problems.filter((p) => p.file === file).map((p) => `${p.row}:${p.role}:${p.problem}:${p.raw}`);

/** Non-blank lines after the header (records here never span lines unless a test says so). */
const dataLines = (f: Fixture) =>
  new TextDecoder()
    .decode(f.bytes)
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '').length;

// ---------------------------------------------------------------------------------------------------------
// Files and encodings

describe('BAD-INPUTS 1: UTF-8 with and without BOM, UTF-16 LE/BE with BOM', () => {
  it('detects each encoding; no \\uFEFF reaches a header or the decoded text', async () => {
    for (const f of make.case1()) {
      const p = prepareFile(f);
      expect(p.headers, f.name).toEqual(['lead_id', 'company', 'industry']);
      expect(p.text.includes('\uFEFF'), f.name).toBe(false);
      expect(p.source.bytes, f.name).toBe(f.bytes); // the original bytes are kept for a retry
    }
    expect(make.case1().map((f) => prepareFile(f).encoding)).toEqual([
      { encoding: 'utf-8', bom: true, reason: 'bom' },
      { encoding: 'utf-8', bom: false, reason: 'valid-utf8' },
      { encoding: 'utf-16le', bom: true, reason: 'bom' },
      { encoding: 'utf-16be', bom: true, reason: 'bom' },
    ]);
  });

  it('loads every BOM variant with the same values as plain UTF-8', async () => {
    const [utf8bom, , utf16le, utf16be] = make.case1();
    for (const f of [utf8bom, utf16le, utf16be]) {
      await withLoaded([f], async ({ rows, report }) => {
        expect(report.files[0].rows, f.name).toBe(2);
        const values = (await rows('SELECT lead_id, company FROM leads ORDER BY _row')).map(
          (r) => `${r.lead_id}|${r.company}`,
        );
        expect(values, f.name).toEqual(['L1|Müller GmbH', 'L2|Acme']);
      });
    }
  });
});

describe('BAD-INPUTS 2: GBK / GB18030 CSV from Excel on Chinese Windows', () => {
  it('detects GBK before any single-byte fallback, transcodes it and maps the Chinese headers', async () => {
    const f = make.case2();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(f.bytes)).toThrow();
    const p = prepareFile(f);
    expect(p.encoding).toEqual({ encoding: 'gb18030', bom: false, reason: 'gb18030-cjk' });
    expect(p.text).toBe(make.CASE2_TEXT);
    expect(p.headers).toEqual(['客户编号', '公司名称', '所属行业', '创建日期']);
    expect(p.kind).toBe('leads');
    // role → column position
    expect([p.mapping.lead_id, p.mapping.company, p.mapping.industry, p.mapping.created_at]).toEqual([
      0, 1, 2, 3,
    ]);
    await withLoaded([f], async ({ rows, report }) => {
      expect(report.files[0]).toMatchObject({ encoding: 'gb18030', encodingReason: 'gb18030-cjk', rows: 2 });
      expect(report.problems).toEqual([]);
      expect(
        await rows(
          'SELECT lead_id, company, industry, CAST(created_at AS VARCHAR) AS d FROM leads ORDER BY _row',
        ),
      ).toEqual([
        { lead_id: 'C001', company: '阿里巴巴', industry: '互联网', d: '2024-01-05' },
        { lead_id: 'C002', company: '腾讯科技', industry: '软件', d: '2024-02-01' },
      ]);
    });
  });

  it('lets the caller override the encoding; the original bytes stay for another try', () => {
    const f = make.case2();
    const forced = prepareFile(f, { encoding: 'gb18030' });
    expect(forced.headers[1]).toBe('公司名称');
    // Read as Windows-1252 the same bytes are nonsense, so the headers are no longer recognised.
    let error: unknown = null;
    try {
      prepareFile(f, { encoding: 'windows-1252' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('unknown-kind');
    expect((error as IngestError).detail).toContain('¿Í»§±àºÅ'); // 客户编号 as Windows-1252
    expect(f.bytes).toEqual(make.gbk(make.CASE2_TEXT));
  });
});

describe('BAD-INPUTS 3: Latin-1 / Windows-1252 exports, NUL bytes inside quoted fields', () => {
  it('reads accented Spanish/Portuguese/German names from a Latin-1 file', async () => {
    const f = make.case3().latin1;
    const p = prepareFile(f);
    expect(p.encoding).toEqual({ encoding: 'windows-1252', bom: false, reason: 'single-byte-fallback' });
    expect(p.text).toBe(make.CASE3_TEXT);
    await withLoaded([f], async ({ rows }) => {
      expect(
        (await rows('SELECT company, country FROM leads ORDER BY _row')).map(
          (r) => `${r.company}/${r.country}`,
        ),
      ).toEqual(['José Peña Ltda/España', 'Müller Straße AG/Österreich', 'Conceição & Filhos/Portugal']);
    });
  });

  it('drops NUL bytes inside quoted fields instead of calling the file binary', async () => {
    const f = make.case3().nul;
    expect(Array.from(f.bytes).filter((b) => b === 0)).toHaveLength(3);
    await withLoaded([f], async ({ rows, report }) => {
      expect(report.files[0].rejectedLines).toEqual([]);
      expect(await rows('SELECT lead_id, company FROM leads ORDER BY _row')).toEqual([
        { lead_id: 'L1', company: 'Acme' },
        { lead_id: 'L2', company: 'Beta' },
      ]);
    });
  });
});

describe('BAD-INPUTS 4: not a CSV under a .csv name', () => {
  it('sniffs the first bytes and names the real type in the error', () => {
    const fixtures = make.case4();
    for (const [type, f] of Object.entries(fixtures)) expect(errorOf(f), f.name).toBe(`not-text:${type}`);
    let message = '';
    try {
      prepareFile(fixtures.xlsx);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('export.csv: not-text (xlsx)');
  });
});

describe('BAD-INPUTS 5: empty file, header-only file', () => {
  it('says "empty" or "no data rows" instead of producing an empty dashboard', () => {
    const f = make.case5();
    expect(errorOf(f.empty)).toBe('empty:');
    expect(errorOf(f.bomOnly)).toBe('empty:');
    expect(errorOf(f.headerOnly)).toBe('no-data-rows:');
    expect(errorOf(f.headerBlankLines)).toBe('no-data-rows:');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Structure

describe('BAD-INPUTS 7: delimiters, quoting, embedded newlines, trailing delimiter, no final newline', () => {
  it('reads , ; tab | with "" escapes and delimiters/newlines inside quotes, losing nothing', async () => {
    const expected = [
      { lead_id: 'L1', company: 'Acme, Inc; "North"', industry: 'Software' },
      { lead_id: 'L2', company: 'Beta|Gamma\nsecond line', industry: 'Retail\tOnline' },
      { lead_id: 'L3', company: 'Delta', industry: 'Energy' },
    ];
    const files = make.case7().slice(0, 4);
    expect(files.map((f) => prepareFile(f).delimiter)).toEqual([',', ';', '\t', '|']);
    for (const f of files) {
      await withLoaded([f], async ({ rows, report }) => {
        expect(report.files[0].rejectedLines, f.name).toEqual([]);
        expect(report.files[0].rows, f.name).toBe(3);
        expect(await rows('SELECT lead_id, company, industry FROM leads ORDER BY _row'), f.name).toEqual(
          expected,
        );
      });
    }
  });

  it('keeps a trailing delimiter as an extra unnamed empty column and reads a last line without newline', async () => {
    const f = make.case7()[4];
    const p = prepareFile(f);
    expect(p.headers).toEqual(['lead_id', 'company', 'industry', '']);
    await withLoaded([f], async ({ rows, report }) => {
      expect(report.files[0]).toMatchObject({ rows: 2, rejectedLines: [] });
      expect(await rows('SELECT lead_id, industry FROM leads ORDER BY _row')).toEqual([
        { lead_id: 'L1', industry: 'Software' },
        { lead_id: 'L2', industry: 'Retail' },
      ]);
    });
  });
});

describe('BAD-INPUTS 7: mixed line endings', () => {
  it('loads a file whose lines end in CRLF and LF alike (Excel re-saves), every row kept', async () => {
    const f: Fixture = {
      name: 'mixed-endings.csv',
      bytes: make.utf8('lead_id,company,industry\r\nL1,Acme,Software\r\nL2,Beta,Retail\nL3,Gamma,Energy\n'),
    };
    await withLoaded([f], async ({ report, rows }) => {
      expect(report.files[0].rejectedLines).toEqual([]);
      expect(report.counts.leads).toBe(3);
      expect(await rows('SELECT lead_id, industry FROM leads ORDER BY lead_id')).toEqual([
        { lead_id: 'L1', industry: 'Software' },
        { lead_id: 'L2', industry: 'Retail' },
        { lead_id: 'L3', industry: 'Energy' },
      ]);
    });
  });
});

describe('BAD-INPUTS 8: ragged rows, an unclosed quote; one column', () => {
  it('reports each rejected line, the unclosed quote included, with its line number and raw text; the good lines load', async () => {
    const f = make.case8().ragged;
    await withLoaded([f], async ({ report, rows }) => {
      const file = report.files[0];
      // header = line 1; L5 on line 6 opens a quote that never closes
      expect(file.rejectedLines).toEqual([
        { line: 3, errorType: 'MISSING COLUMNS', raw: 'L2,Beta' },
        { line: 4, errorType: 'TOO MANY COLUMNS', raw: 'L3,Gamma,Retail,extra' },
        { line: 6, errorType: 'UNQUOTED VALUE', raw: 'L5,"Epsilon,Retail' },
      ]);
      expect(await rows('SELECT lead_id, industry FROM leads ORDER BY _row')).toEqual([
        { lead_id: 'L1', industry: 'Software' },
        { lead_id: 'L4', industry: 'Energy' },
      ]);
      expect(file.rows).toBe(2);
      expect(file.rows + file.rejectedLines.length).toBe(dataLines(f));
      expect(report.counts.leads).toBe(2);
    });
  });

  it('an unclosed quote mid-file is rejected at its line alone; the lines after it load and keep their numbers', async () => {
    const f: Fixture = {
      name: 'midquote.csv',
      bytes: make.utf8(
        'lead_id,company,industry\nL1,Acme,Software\nL2,Beta,Retail\nL3,"Gamma,Retail\nL4,Delta\nL5,Zeta,Retail\n',
      ),
    };
    await withLoaded([f], async ({ report, rows }) => {
      const file = report.files[0];
      // lines: 1 header, 2 L1, 3 L2, 4 L3 (its quote never closes), 5 L4 (too few), 6 L5
      expect(file.rejectedLines).toEqual([
        { line: 4, errorType: 'UNQUOTED VALUE', raw: 'L3,"Gamma,Retail' },
        { line: 5, errorType: 'MISSING COLUMNS', raw: 'L4,Delta' },
      ]);
      expect((await rows('SELECT lead_id FROM leads ORDER BY _row')).map((r) => r.lead_id)).toEqual([
        'L1',
        'L2',
        'L5',
      ]);
      expect(file.rows + file.rejectedLines.length).toBe(dataLines(f));
    });
  });

  it('a big CRLF upload read by DuckDB itself (no JS cut) rejects its unclosed last line the same way', async () => {
    const text = 'lead_id,company,industry\r\nL1,Acme,Software\r\nL2,Beta,Retail\r\nL3,"Gamma,Energy\r\n';
    const f: Fixture = { name: 'crlf-quote.csv', bytes: make.utf8(text) };
    const engine = await createNodeEngine();
    try {
      // a File kept on the source is what a big upload looks like: loadFiles registers it, not the text
      const report = await loadFiles(engine, [await prepareBigFile({ ...f, file: new Blob([text]) }, {})]);
      const file = report.files[0];
      expect(file.rejectedLines).toEqual([{ line: 4, errorType: 'UNQUOTED VALUE', raw: 'L3,"Gamma,Energy' }]);
      expect(file.rows).toBe(2);
      expect(file.rows + file.rejectedLines.length).toBe(dataLines(f));
    } finally {
      await engine.close();
    }
  });

  it('stops on a file that comes out as one column instead of collapsing it silently', () => {
    expect(errorOf(make.case8().oneColumn)).toBe('one-column:');
  });
});

describe('BAD-INPUTS 9: duplicate, empty, case-variant, keyword, long, quoted and multi-line headers', () => {
  it('loads by position: every odd header survives, mapping takes the first match, no row is lost', async () => {
    const f = make.case9();
    const p = prepareFile(f);
    expect(p.headers).toEqual([
      'lead_id',
      'Company',
      'company',
      '',
      'select',
      'from "x"',
      'two\nlines',
      make.CASE9_LONG_HEADER,
      'industry',
      'industry',
    ]);
    // role → column position: the first `industry` of two is position 8
    expect([p.mapping.lead_id, p.mapping.company, p.mapping.industry]).toEqual([0, 1, 8]);
    await withLoaded([f], async ({ rows, report }) => {
      // the header record spans two lines; the data starts after it
      expect(report.files[0]).toMatchObject({ rows: 2, rejectedLines: [] });
      expect(report.problems).toEqual([]);
      expect(await rows('SELECT lead_id, company, industry FROM leads ORDER BY _row')).toEqual([
        { lead_id: 'L1', company: 'Acme', industry: 'Software' },
        { lead_id: 'L2', company: 'Beta', industry: 'Retail' },
      ]);
      // no header text reaches SQL: the raw table has positional names only
      const columns = (await rows('DESCRIBE raw_leads')).map((r) => r.column_name);
      expect(columns).toEqual(['_row', ...p.headers.map((_, i) => `column${i}`)]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Values

describe('BAD-INPUTS 10: dates', () => {
  it('parses every listed format, day first for the whole column because 13/5/2024 says so, and reports the impossible date by row', async () => {
    await withLoaded([make.case10()], async ({ rows, report }) => {
      const parsed = await rows(
        'SELECT lead_id, CAST(created_at AS VARCHAR) AS d FROM leads WHERE created_at IS NOT NULL',
      );
      const byId = Object.fromEntries(parsed.map((r) => [r.lead_id, r.d]));
      // D1 ISO, D4 05-01-2024 and D5 05-01-24 day first, D6 2024/1/5, D7 2024年1月5日, D9 ISO with time,
      // D10 ISO with time zone
      for (const id of ['D1', 'D4', 'D5', 'D6', 'D7', 'D9', 'D10']) expect(byId[id], id).toBe('2024-01-05');
      // 13/5/2024 has a day above 12 in the first place, so 1/5/2024 in the same column is the 1st of May
      expect([byId.D2, byId.D3, byId.D8]).toEqual(['2024-05-01', '2024-05-13', '2021-04-15']);
      expect(report.columns.find((c) => c.key === 'leads.created_at')?.date?.used).toBe('dmy');
      expect(problemsOf(report, 'dates.csv')).toEqual(['11:created_at:bad_date:2024-02-30']);
      // the lead rows themselves are kept
      expect(report.counts.leads).toBe(make.CASE10_DATES.length);
    });
  });
});

describe('BAD-INPUTS 11: money and numbers', () => {
  it('parses $ and ¥ amounts with grouping, reports unparsed ones by row, keeps currencies apart', async () => {
    const { leads, deals } = make.case11();
    await withLoaded([leads, deals], async ({ engine, rows, report }) => {
      const amounts = Object.fromEntries(
        (await rows('SELECT deal_id, amount, currency FROM deals')).map((r) => [
          r.deal_id,
          `${r.amount} ${r.currency}`,
        ]),
      );
      expect([amounts.D1, amounts.D2, amounts.D7, amounts.D8]).toEqual([
        '22700 USD',
        '1234 CNY',
        'null USD',
        '500 USD',
      ]);
      // the column reads with a decimal point ($22,700.00, $342.09K): 1.234,56 does not fit it and is
      // reported; (1,234) is read as -1234 and reported as a negative amount
      expect(problemsOf(report, 'deals.csv')).toEqual([
        '3:amount:bad_number:1.234,56',
        '6:amount:negative_amount:(1,234)',
      ]);
      expect([amounts.D4, amounts.D5, amounts.D6]).toEqual(['342090 USD', '12000 CNY', '-1234 USD']);
      // won revenue per lead and currency: USD and CNY are never summed together
      await buildLeadFeatures(engine, 180);
      const revenue = await fetchWonRevenue(engine);
      expect(wonRevenueRows(revenue).find((r) => r.currency === 'CNY' && r.amount === 1234)).toBeDefined();
      const usd = revenueIn(revenue, report.counts.leads, 'USD', null);
      // ¥1,234 and 1.2万 (12000) are CNY, never added to USD
      expect(usd.excluded).toEqual([{ currency: 'CNY', leads: 2, amount: 13234 }]);
    });
  });
});

describe('BAD-INPUTS 12: booleans and outcome spellings', () => {
  it('reads a Salesforce IsWon column (True/False) as a won flag: True = won, False = not won', async () => {
    const leads: Fixture = {
      name: 'leads.csv',
      bytes: make.utf8('lead_id,company\nL1,Acme\nL2,Beta\nL3,Gamma\n'),
    };
    const deals: Fixture = {
      name: 'opportunities.csv',
      bytes: make.utf8('Id,Lead_Id,IsWon,Amount\nD1,L1,True,100\nD2,L2,False,50\nD3,L3,true,70\n'),
    };
    await withLoaded([leads, deals], async ({ rows, report }) => {
      expect(report.valueMaps.stageWon.sort()).toEqual(['True', 'true']);
      expect(report.valueMaps.stageLost).toEqual([]);
      const outcomes = await rows('SELECT deal_id, outcome FROM deals ORDER BY deal_id');
      expect(outcomes).toEqual([
        { deal_id: 'D1', outcome: 'won' },
        { deal_id: 'D2', outcome: 'open' },
        { deal_id: 'D3', outcome: 'won' },
      ]);
    });
  });

  it('shows which values count as true/false and won/lost, and reports the unmapped ones', async () => {
    const { leads, deals } = make.case12();
    await withLoaded([leads, deals], async ({ rows, report }) => {
      const maps = report.valueMaps;
      // 已转化 ("converted") is a yes
      expect([...maps.booleanTrue].sort()).toEqual(['1', 'TRUE', 'Y', 'Yes', '已转化', '是']);
      expect([...maps.booleanFalse].sort()).toEqual(['0', 'False', 'N', 'no', '否']);
      expect(maps.booleanUnknown).toEqual([]);
      expect([...maps.stageWon].sort()).toEqual(['CLOSED_WON', 'Closed Won', '赢单']);
      expect([...maps.stageLost].sort()).toEqual(['Closed Lost', '输单']);
      expect(maps.stageOpen).toEqual(['Negotiation']);
      const dm = await rows('SELECT lead_id, is_decision_maker AS v FROM leads ORDER BY _row');
      expect(dm.map((r) => r.v)).toEqual([
        true,
        false,
        true,
        false,
        true,
        false,
        true,
        false,
        true,
        false,
        true,
      ]);
      const outcomes = await rows('SELECT outcome FROM deals ORDER BY _row');
      expect(outcomes.map((r) => r.outcome)).toEqual(['won', 'lost', 'won', 'lost', 'open', 'won']);
    });
  });
});

describe('BAD-INPUTS 14: long IDs and integers above 2^53', () => {
  it('keeps IDs as text end to end, digit for digit, and joins deals on them', async () => {
    const { leads, deals } = make.case14();
    await withLoaded([leads, deals], async ({ rows, report }) => {
      expect((await rows('SELECT lead_id FROM leads ORDER BY _row')).map((r) => r.lead_id)).toEqual([
        ...make.CASE14_IDS,
      ]);
      expect((await rows('SELECT lead_id FROM deals ORDER BY _row')).map((r) => r.lead_id)).toEqual([
        ...make.CASE14_IDS,
      ]);
      // every deal found its lead; the id Excel wrote in scientific notation is named by row
      expect(problemsOf(report, 'deals.csv')).toEqual([
        '3:deal_id:scientific_id:1.23457E+172',
        '3:lead_id:scientific_id:1.23457E+17',
      ]);
    });
  });
});

describe('BAD-INPUTS 15: spacing and full-width variants', () => {
  it('trims padded values, reads full-width digits, folds case and width variants into one spelling', async () => {
    await withLoaded([make.case15()], async ({ rows, report }) => {
      const r = await rows('SELECT lead_id, lead_source, employees FROM leads ORDER BY _row');
      expect(r.map((x) => `${x.lead_id}:${x.lead_source}:${x.employees}`)).toEqual([
        'L1:Google:50',
        'L2:Google:12',
        'L3:Google:7',
        'L4:Google:3',
      ]);
      // the band Excel turned into a date is reported, not silently kept as a category
      expect(problemsOf(report, 'variants.csv')).toEqual(['2:purchase_timeframe:excel_date_band:May-20']);
    });
  });
});

describe('BAD-INPUTS 16: HTML, script and formula-looking text', () => {
  it('loads such cells as plain text, unchanged', async () => {
    await withLoaded([make.case16()], async ({ rows, report }) => {
      expect(prepareFile(make.case16()).headers[2]).toBe('=cmd|calc');
      expect((await rows('SELECT company FROM leads ORDER BY _row')).map((r) => r.company)).toEqual([
        ...make.CASE16_CELLS,
      ]);
      // the formula in a number column is reported with its raw text and exported with a leading '
      expect(problemsOf(report, 'formulas.csv')).toEqual(['1:employees:bad_number:=1+2']);
      expect(problemsCsv(report).split('\r\n')[1]).toBe("formulas.csv,row,1,employees,'=1+2,bad_number");
    });
  });

  it("prefixes formula-looking cells and headers with ' in exported CSV", () => {
    expect(make.CASE16_CELLS.map(safeText)).toEqual([
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1+2",
      "'-3+4",
      "'@SUM(A1)",
      "'\tTAB",
      '<script>alert(1)</script>',
    ]);
    expect(toCsv(['=cmd|calc', 'n'], [['@x', -3]])).toBe("\uFEFF'=cmd|calc,n\r\n'@x,-3\r\n");
    expect(safeText('\rCR')).toBe("'\rCR");
  });

  it('no source file renders raw HTML ({@html}, innerHTML, insertAdjacentHTML)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (
          /\.(ts|svelte)$/.test(name) &&
          /\{@html|innerHTML|outerHTML|insertAdjacentHTML/.test(readFileSync(path, 'utf8'))
        )
          offenders.push(path);
      }
    };
    walk('src');
    expect(offenders).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Meaning

describe('BAD-INPUTS 17: no outcome column', () => {
  it('loads a leads file without deals: every lead is open and losses come from aging', async () => {
    await withLoaded([make.case1()[1]], async ({ engine, report }) => {
      expect(report.counts).toEqual({ leads: 2, deals: 0, activities: 0, accounts: 0 });
      expect(report.valueMaps.stageWon).toEqual([]);
      const facts = await buildLeadFeatures(engine, 180);
      expect(facts.outcomes).toEqual({ won: 0, lost: 0, open: 2 });
      expect(facts.lossRule).toBe('aging');
    });
  });
});

describe('BAD-INPUTS 18: segments with very few leads or wins', () => {
  it('marks a tiny segment "too few to judge" with its n and never flags it', () => {
    // 200 leads in "Big" at p = 0.2 with 40 wins; 3 leads in "Tiny" at p = 0.05, all won (O/E = 20)
    const p: number[] = [];
    const outcome: number[] = [];
    const segment: number[] = [];
    for (let i = 0; i < 200; i++) {
      p.push(0.2);
      outcome.push(i < 40 ? 1 : 2);
      segment.push(0);
    }
    for (let i = 0; i < 3; i++) {
      p.push(0.05);
      outcome.push(1);
      segment.push(1);
    }
    const { rows, flagged } = segmentBias({ p, outcome, segment, labels: ['Big', 'Tiny'] });
    const tiny = rows.find((r) => r.label === 'Tiny')!;
    expect([tiny.n, tiny.wins, tiny.flag, tiny.pAdjusted]).toEqual([3, 3, 'too-few', null]);
    expect(flagged).toBe(0);
  });
});

describe('BAD-INPUTS 19: deals without a lead, several deals per lead, duplicate lead ids', () => {
  it('reports the orphan deal and the duplicate id by row; a lead with a lost and a won deal is won', async () => {
    const { leads, deals } = make.case19();
    await withLoaded([leads, deals], async ({ engine, rows, report }) => {
      expect(problemsOf(report, 'leads.csv')).toEqual(['4:lead_id:duplicate_id:L1']);
      expect(problemsOf(report, 'deals.csv')).toEqual(['3:lead_id:unknown_lead:L404']);
      // the first occurrence of a duplicate id wins; the row is reported, not silently merged
      expect(await rows("SELECT company FROM leads WHERE lead_id = 'L1'")).toEqual([
        { company: 'Acme GmbH' },
      ]);
      expect(report.counts).toEqual({ leads: 3, deals: 3, activities: 0, accounts: 0 });
      await buildLeadFeatures(engine, 180);
      expect(await rows('SELECT lead_id, outcome FROM lead_features ORDER BY lead_id')).toEqual([
        { lead_id: 'L1', outcome: 'won' },
        { lead_id: 'L2', outcome: 'open' },
        { lead_id: 'L3', outcome: 'open' },
      ]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Scale and failure

describe('BAD-INPUTS 22: several files at once, one bad', () => {
  it('loads the good files and keeps the bad one with its own error', async () => {
    const engine = await createNodeEngine();
    try {
      let kernelLoads = 0;
      const state = new DatasetState(
        async () => engine,
        () => void kernelLoads++,
      );
      await state.load(make.case22(), 'drop', (withUrgency) => defaultScenario({ withUrgency }));
      expect(state.status).toBe('ready');
      expect(state.errors.map((e) => [e.file, e.code, e.detail])).toEqual([
        ['activities.csv', 'not-text', 'html'],
      ]);
      expect(state.files.map((f) => f.source.name)).toEqual(['leads.csv', 'deals.csv']);
      expect(state.report?.counts).toEqual({ leads: 2, deals: 1, activities: 0, accounts: 0 });
      expect(kernelLoads).toBe(1);
    } finally {
      await engine.close();
    }
  });
});

describe('BAD-INPUTS 23: malformed scenario JSON', () => {
  const text = (f: Fixture) => new TextDecoder().decode(f.bytes);
  const fixtures = make.case23(defaultScenario({ withUrgency: false }));
  const pathsOf = (f: Fixture) => {
    const r = parseScenarioJson(text(f));
    expect(r.ok, f.name).toBe(false);
    return r.ok ? [] : r.errors.map((e) => e.path);
  };

  it('rejects each document as a whole and lists the paths', () => {
    expect(pathsOf(fixtures.wrongVersion)).toEqual(['$.version']);
    expect(pathsOf(fixtures.badWeights)).toEqual(['$.dimensions[0].weight', '$.dimensions[1].weight']);
    expect(pathsOf(fixtures.unknownKeys)).toEqual(['$.extra']);
    expect(pathsOf(fixtures.proto)).toEqual(['$.__proto__']);
    expect(pathsOf(fixtures.huge)).toEqual(['$']);
    expect(pathsOf(fixtures.notJson)).toEqual(['$']);
    // nothing leaked onto Object.prototype
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
