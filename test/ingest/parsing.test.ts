// How cell values are read, per BAD-INPUTS case (10–15, 20 and the mixed encoding of 3): each fixture goes
// through the real prepare + load on the Node engine; expected values are worked out by hand.
import { describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { buildLeadFeatures } from '../../src/features/build';
import { detectEncoding } from '../../src/ingest/encoding';
import { loadFiles, type LoadOptions, type LoadReport } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import * as make from '../fixtures/bad-inputs/make';
import type { Fixture } from '../fixtures/bad-inputs/make';

interface Loaded {
  engine: SqlEngine;
  report: LoadReport;
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
}

async function withLoaded(
  fixtures: Fixture[],
  body: (l: Loaded) => Promise<void>,
  options: LoadOptions = {},
): Promise<void> {
  const engine = await createNodeEngine();
  try {
    const report = await loadFiles(
      engine,
      fixtures.map((f) => prepareFile(f)),
      { today: '2026-01-15', ...options },
    );
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
const column = (report: LoadReport, key: string) => {
  const c = report.columns.find((x) => x.key === key);
  if (!c) throw new Error(`no column ${key}`);
  return c;
};
const dates = async (rows: Loaded['rows'], table: string, id: string, col: string) =>
  Object.fromEntries(
    (await rows(`SELECT ${id} AS id, CAST(${col} AS VARCHAR) AS d FROM ${table} ORDER BY _row`)).map((r) => [
      r.id,
      r.d,
    ]),
  );

describe('parsing, BAD-INPUTS 3: a Latin-1 file with UTF-8 lines', () => {
  it('reads the UTF-8 line as UTF-8, the rest as Windows-1252, and names the line', async () => {
    const f = make.case3().mixed;
    expect(detectEncoding(f.bytes).reason).toBe('mixed-utf8');
    await withLoaded([f], async ({ report, rows }) => {
      expect((await rows('SELECT company FROM leads ORDER BY _row')).map((r) => r.company)).toEqual([
        'José Peña Ltda',
        'Müller Straße AG',
        'Conceição & Filhos',
        'Café Ñandú',
      ]);
      // header = line 1; the fourth lead is line 5
      expect(report.mixedEncodingLines).toEqual([{ file: 'mixed.csv', lines: [5] }]);
    });
  });
});

describe('parsing, BAD-INPUTS 10: the day/month order per column', () => {
  it('ingest/date_profile.sql finds a column of values ≤ 12 ambiguous: asks instead of guessing, then reads the answer', async () => {
    const { ambiguous } = make.case10Orders();
    await withLoaded([ambiguous], async ({ report, rows }) => {
      const c = column(report, 'leads.created_at');
      expect(c.date?.detected.format).toBe('ambiguous');
      expect(c.date?.detected.candidates).toEqual(['dmy', 'mdy']);
      expect(c.date?.detected.profile.examples).toEqual(['03.02.2024', '05.01.2024']);
      expect(c.date?.used).toBeNull();
      // not guessed: the two day/month cells stay empty and are reported; the ISO date is read
      expect(await dates(rows, 'leads', 'lead_id', 'created_at')).toEqual({
        A1: null,
        A2: null,
        A3: '2024-03-01',
      });
      expect(problemsOf(report, 'ambiguous.csv')).toEqual([
        '1:created_at:ambiguous_date:05.01.2024',
        '2:created_at:ambiguous_date:03.02.2024',
      ]);
    });
    await withLoaded(
      [ambiguous],
      async ({ report, rows }) => {
        expect(column(report, 'leads.created_at').date?.used).toBe('dmy');
        expect(await dates(rows, 'leads', 'lead_id', 'created_at')).toEqual({
          A1: '2024-01-05',
          A2: '2024-02-03',
          A3: '2024-03-01',
        });
        expect(report.problems).toEqual([]);
      },
      { dateFormats: { 'leads.created_at': 'dmy' } },
    );
  });

  it('reads a month-first column as such because 12/31/2023 has 31 in the second place', async () => {
    await withLoaded([make.case10Orders().monthFirst], async ({ report, rows }) => {
      expect(column(report, 'leads.created_at').date?.detected).toMatchObject({
        format: 'mdy',
        reason: 'second-over-12',
      });
      expect(await dates(rows, 'leads', 'lead_id', 'created_at')).toEqual({
        U1: '2024-01-05',
        U2: '2023-12-31',
        U3: '2024-02-03',
      });
    });
  });
});

describe('parsing, BAD-INPUTS 11: decimal separators, suffixes and currencies', () => {
  it('ingest/number_profile.sql decides a decimal comma from 1.234,56 and 12,5, so 1.234 is one thousand two hundred and thirty-four', async () => {
    const { leads, commaDeals } = make.case11Formats();
    await withLoaded([leads, commaDeals], async ({ report, rows }) => {
      const amount = column(report, 'deals.amount').number;
      expect(amount?.used).toBe(',');
      expect(amount?.detected.reason).toBe('values');
      expect(amount?.currencies).toEqual(['EUR']);
      expect(amount?.mixedCurrencies).toBe(false);
      const got = await rows('SELECT deal_id, amount FROM deals ORDER BY _row');
      expect(got.map((r) => r.amount)).toEqual([1234.56, 12.5, 1234, 3000]);
      expect(problemsOf(report, 'deals-eu.csv')).toEqual([]);
    });
    // overridden to a decimal point, the comma values no longer fit and are reported by row
    await withLoaded(
      [leads, commaDeals],
      async ({ report }) => {
        expect(problemsOf(report, 'deals-eu.csv')).toEqual([
          '1:amount:bad_number:1.234,56',
          '2:amount:bad_number:12,5',
        ]);
      },
      { decimalSeparators: { 'deals.amount': '.' } },
    );
  });

  it('ingest/deal_currencies.sql: without a currency column, each amount’s symbol sets its deal’s currency; several are flagged', async () => {
    const { leads, symbolDeals } = make.case11Formats();
    await withLoaded([leads, symbolDeals], async ({ report, rows }) => {
      expect(await rows('SELECT deal_id, amount, currency FROM deals ORDER BY _row')).toEqual([
        { deal_id: 'D1', amount: 342090, currency: 'USD' },
        { deal_id: 'D2', amount: 12000, currency: 'CNY' },
        { deal_id: 'D3', amount: 500, currency: 'EUR' },
        { deal_id: 'D4', amount: -1000, currency: null },
      ]);
      const amount = column(report, 'deals.amount').number;
      expect(amount?.detected.profile.suffixes).toEqual(['k', '万']);
      expect(amount?.detected.profile.parentheses).toBe(1);
      expect(amount?.currencies).toEqual(['CNY', 'EUR', 'USD']);
      expect(amount?.mixedCurrencies).toBe(true);
      expect(problemsOf(report, 'deals-symbols.csv')).toEqual(['4:amount:negative_amount:(1,000)']);
    });
  });
});

describe('parsing, BAD-INPUTS 12: converted flags', () => {
  it('reads 已转化 / 未转化 as yes / no and as a won flag; an unknown spelling is still reported', async () => {
    const { leads, deals } = make.case12Converted();
    await withLoaded([leads, deals], async ({ report, rows }) => {
      expect(report.valueMaps.booleanTrue).toEqual(['已转化']);
      expect(report.valueMaps.booleanFalse).toEqual(['未转化']);
      expect(report.valueMaps.booleanUnknown).toEqual(['已跟进']);
      expect((await rows('SELECT budget_confirmed AS v FROM leads ORDER BY _row')).map((r) => r.v)).toEqual([
        true,
        false,
        null,
      ]);
      expect((await rows('SELECT outcome FROM deals ORDER BY _row')).map((r) => r.outcome)).toEqual([
        'won',
        'open',
      ]);
    });
  });
});

describe('parsing, BAD-INPUTS 13: missing-value markers', () => {
  it('ingest/missing_markers.sql, ingest/missing_marker_map.sql, ingest/clean_leads.sql and ingest/marker_counts.sql: markers are missing, not values or failures, and counted per column', async () => {
    await withLoaded([make.case13()], async ({ report, rows }) => {
      expect(
        await rows('SELECT lead_id, industry, employees, annual_revenue FROM leads ORDER BY _row'),
      ).toEqual([
        { lead_id: 'L1', industry: null, employees: null, annual_revenue: null },
        { lead_id: 'L2', industry: null, employees: null, annual_revenue: null },
        { lead_id: 'L3', industry: null, employees: null, annual_revenue: 0 },
      ]);
      // the placeholder id is a missing id: the row is reported, not loaded as a lead
      expect(problemsOf(report, 'markers.csv')).toEqual(['4:lead_id:missing_id:000000000000000AAA']);
      expect(column(report, 'leads.industry').missing).toEqual([
        { marker: 'NA', n: 1 },
        { marker: 'Select', n: 1 },
        { marker: 'unknown', n: 1 },
      ]);
      expect(column(report, 'leads.employees').missing).toEqual([
        { marker: '', n: 1 },
        { marker: '-1', n: 1 },
        { marker: 'NA', n: 1 },
      ]);
      expect(column(report, 'leads.annual_revenue').missing).toEqual([
        { marker: '-', n: 1 },
        { marker: 'null', n: 1 },
      ]);
      expect(column(report, 'leads.lead_id').missing).toEqual([{ marker: '000000000000000AAA', n: 1 }]);
    });
  });

  it('ingest/clean_deals.sql and ingest/lost_zero_amounts.sql: a lost deal’s 0 is not recorded, a won deal’s 0 stays', async () => {
    await withLoaded([make.case13(), make.case13Deals()], async ({ report, rows }) => {
      expect(await rows('SELECT deal_id, stage, outcome, amount, currency FROM deals ORDER BY _row')).toEqual(
        [
          { deal_id: 'D1', stage: 'Closed Lost', outcome: 'lost', amount: null, currency: 'USD' },
          { deal_id: 'D2', stage: 'Closed Won', outcome: 'won', amount: 0, currency: 'USD' },
          { deal_id: 'D3', stage: null, outcome: 'open', amount: null, currency: null },
        ],
      );
      expect(column(report, 'deals.amount').missing).toEqual([
        { marker: 'N/A', n: 1 },
        { marker: '0', n: 1, rule: 'lost-deal-zero' },
      ]);
      expect(column(report, 'deals.stage').missing).toEqual([{ marker: 'Select', n: 1 }]);
      expect(column(report, 'deals.currency').missing).toEqual([{ marker: 'unknown', n: 1 }]);
      expect(problemsOf(report, 'deals.csv')).toEqual([]);
    });
  });

  it('the marker list of a column can be replaced in the load options', async () => {
    await withLoaded(
      [make.case13()],
      async ({ report, rows }) => {
        // the given list replaces the defaults: NA and Select are values of industry now, unknown is missing
        expect((await rows('SELECT industry FROM leads ORDER BY _row')).map((r) => r.industry)).toEqual([
          'NA',
          'Select',
          null,
        ]);
        expect(column(report, 'leads.industry').markers).toEqual(['', 'unknown']);
      },
      { missingMarkers: { 'leads.industry': ['Unknown'] } },
    );
  });
});

describe('parsing, BAD-INPUTS 13 and 20: activities', () => {
  it('ingest/clean_activities.sql: an activity typed NA is missing, one dated 2099 is future; both reported by row', async () => {
    const activities: Fixture = {
      name: 'activities.csv',
      bytes: make.utf8(
        'activity_id,lead_id,activity_type,occurred_at\nA1,L1,email,2024-01-01 10:00\nA2,L1,NA,2024-01-02\nA3,L2,call,2099-01-01\n',
      ),
    };
    await withLoaded([make.case13(), activities], async ({ report, rows }) => {
      expect(await rows('SELECT lead_id, activity_type FROM activities')).toEqual([
        { lead_id: 'L1', activity_type: 'email' },
      ]);
      expect(problemsOf(report, 'activities.csv')).toEqual([
        '2:activity_type:missing_value:NA',
        '3:occurred_at:future_date:2099-01-01',
      ]);
    });
  });
});

describe('parsing, BAD-INPUTS 14: ids in scientific notation', () => {
  it('warns naming the row of each id Excel turned into 1.23457E+17', async () => {
    const { leads } = make.case14();
    await withLoaded([leads], async ({ report }) => {
      expect(problemsOf(report, 'leads.csv')).toEqual(['3:lead_id:scientific_id:1.23457E+17']);
    });
  });
});

describe('parsing, BAD-INPUTS 15: spelling variants and Excel-dated bands', () => {
  it('ingest/fold_groups.sql and ingest/fold_values.sql fold Google / google / ＧＯＯＧＬＥ into the commonest spelling and report it', async () => {
    await withLoaded([make.case15()], async ({ report, rows }) => {
      expect((await rows('SELECT DISTINCT lead_source FROM leads')).map((r) => r.lead_source)).toEqual([
        'Google',
      ]);
      expect(column(report, 'leads.lead_source').folded).toEqual([
        {
          value: 'Google',
          spellings: [
            { spelling: 'Google', n: 2 },
            { spelling: 'google', n: 1 },
            { spelling: 'ＧＯＯＧＬＥ', n: 1 },
          ],
        },
      ]);
      expect(problemsOf(report, 'variants.csv')).toEqual(['2:purchase_timeframe:excel_date_band:May-20']);
    });
  });
});

describe('parsing, BAD-INPUTS 20: dates and amounts that make no sense', () => {
  it('reports the future lead, the deal closed before its lead, the negative amount; 2099 does not move the data end', async () => {
    const { leads, deals } = make.case20();
    await withLoaded([leads, deals], async ({ engine, report, rows }) => {
      expect(report.today).toBe('2026-01-15');
      expect(problemsOf(report, 'leads.csv')).toEqual(['2:created_at:future_date:2099-01-01']);
      expect(problemsOf(report, 'deals.csv')).toEqual([
        '1:amount:negative_amount:-500',
        '1:closed_at:closed_before_lead:2024-02-01',
        '2:closed_at:future_date:2099-02-01',
        '2:created_at:future_date:2099-01-02',
      ]);
      expect(await dates(rows, 'leads', 'lead_id', 'created_at')).toEqual({ L1: '2024-06-01', L2: null });
      const facts = await buildLeadFeatures(engine, 180);
      expect(facts.endDate).toBe('2024-06-01');
    });
  });

  it('features/data_end_date.sql ignores an open deal’s expected close date; a 1900-01-01 placeholder and a deal closed before it was created are reported', async () => {
    const { leads, deals } = make.case20More();
    await withLoaded([leads, deals], async ({ engine, report, rows }) => {
      expect(problemsOf(report, 'leads.csv')).toEqual(['1:created_at:placeholder_date:1900-01-01']);
      expect(problemsOf(report, 'deals.csv')).toEqual(['1:closed_at:closed_before_created:2024-02-01']);
      // the open deal keeps its expected close date
      expect(await dates(rows, 'deals', 'deal_id', 'closed_at')).toEqual({
        D1: '2024-02-01',
        D2: '2099-06-30',
      });
      expect((await buildLeadFeatures(engine, 180)).endDate).toBe('2024-03-05');
    });
  });
});
