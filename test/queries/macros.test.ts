import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import { createIngestMacros } from '../../src/ingest/macros';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await createIngestMacros(engine);
});
afterAll(() => engine?.close());

async function apply(
  expr: string,
  inputs: string[],
  type: 'date' | 'number' | 'boolean',
): Promise<(string | number | boolean | null)[]> {
  const rows = readRows(
    await engine.query(
      `SELECT ${expr} AS v FROM (SELECT unnest(?::VARCHAR[]) AS s, generate_subscripts(?::VARCHAR[], 1) AS i) ORDER BY i`,
      [JSON.stringify(inputs), JSON.stringify(inputs)],
    ),
    { v: { type, nullable: true } },
  );
  return rows.map((r) => r.v);
}

describe('ingest parsing macros', () => {
  it('ingest/parse_date.sql reads ISO, slashed, Chinese and dotted dates; impossible dates are NULL', async () => {
    expect(
      await apply(
        'parse_date(s)',
        ['2024-01-05', '2024/1/5', '2024年1月5日', '2024.01.05', ' 2024-03-01 ', '2024-02-30', 'soon', ''],
        'date',
      ),
    ).toEqual(['2024-01-05', '2024-01-05', '2024-01-05', '2024-01-05', '2024-03-01', null, null, null]);
  });

  it('ingest/parse_timestamp.sql keeps the time of day', async () => {
    const rows = readRows(
      await engine.query(
        "SELECT strftime(parse_timestamp(s), '%Y-%m-%d %H:%M') AS v FROM (SELECT unnest(['2024-01-05 13:45:00', '2024/1/5 8:05', '2024-01-05', 'x']) AS s, generate_subscripts(['a','b','c','d'], 1) AS i) ORDER BY i",
      ),
      { v: { type: 'string', nullable: true } },
    );
    expect(rows.map((r) => r.v)).toEqual(['2024-01-05 13:45', '2024-01-05 08:05', '2024-01-05 00:00', null]);
  });

  it('ingest/parse_number.sql strips grouping commas, currency symbols and spaces', async () => {
    expect(
      await apply(
        'parse_number(s)',
        ['$22,700.00', '¥1,234', ' 42 ', '-3.5', 'USD 10', 'many', ''],
        'number',
      ),
    ).toEqual([22700, 1234, 42, -3.5, 10, null, null]);
  });

  it('ingest/parse_number.sql reads a decimal comma only where it cannot be a thousands separator', async () => {
    expect(
      await apply(
        'parse_number(s)',
        ['1.234,56', '€ 1.234.567,8', '-1.234,5', '12,5', '1234,56', '1,234', '1.234', '1,234,567'],
        'number',
      ),
    ).toEqual([1234.56, 1234567.8, -1234.5, 12.5, 1234.56, 1234, 1.234, 1234567]);
  });

  it('ingest/parse_bool.sql maps the data’s own spellings passed as lists', async () => {
    const t = ['Yes', '是'].join('\u001f');
    const f = ['No', '否'].join('\u001f');
    const rows = readRows(
      await engine.query(
        'SELECT parse_bool(s, $1, $2) AS v FROM (SELECT unnest($3::VARCHAR[]) AS s, generate_subscripts($3::VARCHAR[], 1) AS i) ORDER BY i',
        [t, f, JSON.stringify([' Yes', '否', 'yes', 'maybe'])],
      ),
      { v: { type: 'boolean', nullable: true } },
    );
    // exact (trimmed) spellings only: 'yes' was not among the data's values, so it stays unknown
    expect(rows.map((r) => r.v)).toEqual([true, false, null, null]);
  });
});
