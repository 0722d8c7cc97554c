// The cell-reading macros of queries/ingest, each on hand-checked values (BAD-INPUTS 10–15, 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { readRows } from '../../src/db/schema';
import { createIngestMacros } from '../../src/ingest/macros';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
  // unmark reads the missing_marker_map variable; give it one column's list so the macro binds
  await engine.query("SET VARIABLE missing_markers = MAP {'leads.industry': ['', 'na', 'select']}");
  await createIngestMacros(engine);
});
afterAll(() => engine?.close());

type Value = string | number | boolean | null;

/** Applies an expression of s (and $1, $2 …) to each input, in order. */
async function apply(
  expr: string,
  inputs: readonly string[],
  type: 'date' | 'number' | 'boolean' | 'string',
  params: readonly string[] = [],
): Promise<Value[]> {
  const n = params.length;
  const sql = `SELECT ${expr} AS v FROM (SELECT unnest($${n + 1}::VARCHAR[]) AS s, generate_subscripts($${n + 1}::VARCHAR[], 1) AS i) ORDER BY i`;
  const rows = readRows(await engine.query(sql, [...params, JSON.stringify(inputs)]), {
    v: { type, nullable: true },
  });
  return rows.map((r) => r.v);
}

describe('ingest date macros', () => {
  it('ingest/day_month_iso.sql reads day/month dates in the order given, two-digit years in 1970–2069', async () => {
    const inputs = ['13/5/2024', '05.01.2024', '05-01-24', '1/5/99', '31/12/2024 10:20', '2024-01-05'];
    expect(await apply("day_month_iso(s, 'dmy')", inputs, 'string')).toEqual([
      '2024-05-13',
      '2024-01-05',
      '2024-01-05',
      '1999-05-01',
      '2024-12-31',
      null,
    ]);
    expect(await apply("day_month_iso(s, 'mdy')", ['1/5/2024', '12-31-69'], 'string')).toEqual([
      '2024-01-05',
      '2069-12-31',
    ]);
    expect(await apply("day_month_iso(s, '')", ['1/5/2024'], 'string')).toEqual([null]);
  });

  it('ingest/parse_date.sql reads numeric day/month dates only in the column order; month names in any', async () => {
    const inputs = [
      '1/5/2024',
      '13/5/2024',
      '05-01-24',
      '15 Apr, 2021 00:03:00',
      'Apr 15, 2021',
      '15-Apr-21',
    ];
    expect(await apply("parse_date(s, 'dmy')", inputs, 'date')).toEqual([
      '2024-05-01',
      '2024-05-13',
      '2024-01-05',
      '2021-04-15',
      '2021-04-15',
      '2021-04-15',
    ]);
    expect(await apply("parse_date(s, 'mdy')", inputs.slice(0, 3), 'date')).toEqual([
      '2024-01-05',
      null,
      '2024-05-01',
    ]);
    // undecided: no numeric day/month date is guessed
    expect(await apply('parse_date(s)', inputs.slice(0, 3), 'date')).toEqual([null, null, null]);
    expect(await apply("parse_date(s, 'dmy')", ['30/02/2024', '2024-02-30'], 'date')).toEqual([null, null]);
  });

  it('ingest/crm_strptime.sql reads written formats and never a year below 1000', async () => {
    const rows = readRows(
      await engine.query(
        "SELECT strftime(crm_strptime(s), '%Y-%m-%d %H:%M') AS v FROM (SELECT unnest(['2024年1月5日 08:30', '15 Apr, 2021 00:03:00', '2/3/24', '15-Apr-2021']) AS s, generate_subscripts(['a', 'b', 'c', 'd'], 1) AS i) ORDER BY i",
      ),
      { v: { type: 'string', nullable: true } },
    );
    expect(rows.map((r) => r.v)).toEqual(['2024-01-05 08:30', '2021-04-15 00:03', null, '2021-04-15 00:00']);
  });

  it('ingest/parse_timestamp.sql keeps the time of day of a day/month timestamp', async () => {
    const rows = readRows(
      await engine.query(
        "SELECT strftime(parse_timestamp(s, 'dmy'), '%Y-%m-%d %H:%M') AS v FROM (SELECT unnest(['31/12/2024 10:20', '2024-01-05T08:00:00Z']) AS s, generate_subscripts(['a', 'b'], 1) AS i) ORDER BY i",
      ),
      { v: { type: 'string', nullable: true } },
    );
    expect(rows.map((r) => r.v)).toEqual(['2024-12-31 10:20', '2024-01-05 08:00']);
  });

  it('ingest/placeholder_date.sql and ingest/usable_date.sql drop placeholder and future dates', async () => {
    const inputs = ['1900-01-01', '1899-12-30', '1970-01-01', '9999-12-31', '2024-06-01', '2026-01-02'];
    expect(await apply('placeholder_date(CAST(s AS DATE))', inputs, 'boolean')).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(await apply('usable_date(CAST(s AS DATE), $1)', inputs, 'date', ['2026-01-01'])).toEqual([
      null,
      null,
      null,
      null,
      '2024-06-01',
      null,
    ]);
  });

  it('ingest/date_problem.sql names why a date cell has no value', async () => {
    expect(
      await apply("date_problem(s, '')", ['soon', '5/1/2024', '1900-01-01', '2099-01-01'], 'string'),
    ).toEqual(['bad_date', 'ambiguous_date', 'placeholder_date', 'future_date']);
    expect(await apply("date_problem(s, 'dmy')", ['5/13/2024'], 'string')).toEqual(['bad_date']);
  });
});

describe('ingest number macros', () => {
  it('ingest/halfwidth.sql makes full-width digits, letters and signs ASCII', async () => {
    expect(await apply('halfwidth(s)', ['５０', 'ＧＯＯＧＬＥ', '￥１，２３４', 'Ａ　Ｂ'], 'string')).toEqual(
      ['50', 'GOOGLE', '¥1,234', 'A B'],
    );
  });

  it('ingest/number_text.sql, ingest/number_digits.sql and ingest/number_scale.sql strip money down to digits', async () => {
    const inputs = ['$342.09K', 'USD 1,000', '1 234,5 €', '1.2万元', '(1,234)', 'RMB3亿', "1'000"];
    expect(await apply('number_text(s)', inputs, 'string')).toEqual([
      '342.09K',
      '1,000',
      '1234,5',
      '1.2万',
      '(1,234)',
      '3亿',
      '1000',
    ]);
    expect(await apply('number_digits(number_text(s))', inputs, 'string')).toEqual([
      '342.09',
      '1,000',
      '1234,5',
      '1.2',
      '1,234',
      '3',
      '1000',
    ]);
    expect(await apply('number_scale(number_text(s))', inputs, 'number')).toEqual([
      1e3, 1, 1, 1e4, 1, 1e8, 1,
    ]);
  });

  it('ingest/parse_number.sql reads suffixes, parentheses and full-width digits, with the column separator', async () => {
    const inputs = ['$342.09K', '1.2万', '(1,234)', '５０', '¥1,234', '$22,700.00', '2.5M', '-$5'];
    expect(await apply("parse_number(s, '.')", inputs, 'number')).toEqual([
      342090, 12000, -1234, 50, 1234, 22700, 2500000, -5,
    ]);
    // with a decimal comma the same shapes read the other way; a value of the other convention fails
    expect(
      await apply("parse_number(s, ',')", ['1.234,56', '1,234', '12,5', '1.234', '$22,700.00'], 'number'),
    ).toEqual([1234.56, 1.234, 12.5, 1234, null]);
    expect(await apply("parse_number(s, '.')", ['1.234,56', '1,23,4', 'NaN', 'inf'], 'number')).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it('ingest/amount_currency.sql names the currency of a symbol or code', async () => {
    expect(
      await apply(
        'amount_currency(s)',
        ['$5', '¥1,234', '1.2万元', '€ 3', '£2', 'HK$9', '10 EUR', '500', 'RMB 8'],
        'string',
      ),
    ).toEqual(['USD', 'CNY', 'CNY', 'EUR', 'GBP', 'HKD', 'EUR', null, 'CNY']);
  });
});

describe('ingest value macros', () => {
  it('ingest/unmark.sql reads a column’s markers as NULL, whatever their case and padding', async () => {
    expect(await apply("unmark(s, 'leads.industry')", [' NA ', 'Select', 'Software', ''], 'string')).toEqual([
      null,
      null,
      'Software',
      null,
    ]);
    // spaces of every width at the edges (ideographic, no-break) and blank cells; other cells untouched
    expect(
      await apply(
        "unmark(s, 'leads.industry')",
        ['\u3000NA', 'na\u00a0', '   ', '软件', ' Software ', 'N A'],
        'string',
      ),
    ).toEqual([null, null, null, '软件', ' Software ', 'N A']);
  });

  it('ingest/fold_key.sql folds case, width and spacing', async () => {
    expect(
      await apply('fold_key(s)', ['Google', ' google ', 'ＧＯＯＧＬＥ', 'Google  Ads'], 'string'),
    ).toEqual(['google', 'google', 'google', 'google ads']);
  });

  it('ingest/scientific_id.sql and ingest/excel_date_band.sql spot Excel damage', async () => {
    expect(
      await apply('scientific_id(s)', ['1.23457E+17', '1E+15', '123456789012345678', 'E17'], 'boolean'),
    ).toEqual([true, true, false, false]);
    expect(
      await apply(
        'excel_date_band(s)',
        ['May-20', '10-Jan', '1月10日', '5-20', '1-3 months', 'Mayday'],
        'boolean',
      ),
    ).toEqual([true, true, true, false, false, false]);
  });
});
