import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import type { SqlEngine } from '../../src/db/engine';
import { readNumericColumn, readOne, readRows, readStringColumn, SchemaError } from '../../src/db/schema';
import { quoteIdent } from '../../src/db/ident';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine?.close());

describe('result schema checks', () => {
  it('converts BIGINT to number, dates to ISO text and keeps long ids as strings', async () => {
    const t = await engine.query(
      "SELECT 12::BIGINT AS n, DATE '2024-02-29' AS d, '123456789012345678901' AS id, NULL::VARCHAR AS blank",
    );
    expect(
      readOne(t, {
        n: { type: 'number' },
        d: { type: 'date' },
        id: { type: 'string' },
        blank: { type: 'string', nullable: true },
      }),
    ).toEqual({ n: 12, d: '2024-02-29', id: '123456789012345678901', blank: null });
  });

  it('rejects a result that does not match: wrong type, missing column, unexpected null, unsafe integer', async () => {
    const t = await engine.query("SELECT 'x' AS a, NULL::INTEGER AS b, 9007199254740993::BIGINT AS c");
    expect(() => readRows(t, { a: { type: 'number' } })).toThrow(SchemaError);
    expect(() => readRows(t, { z: { type: 'string' } })).toThrow('missing column z');
    expect(() => readRows(t, { b: { type: 'number' } })).toThrow('unexpected nulls');
    expect(() => readRows(t, { c: { type: 'number' } })).toThrow('does not fit');
  });

  it('reads string columns with multi-byte text, emoji and nulls exactly', async () => {
    const values = ['abc', '客户编号', '', 'Zürich 🚀 x', 'end'];
    const t = await engine.query(
      `SELECT v FROM (SELECT unnest(?::VARCHAR[]) AS v, generate_subscripts(?::VARCHAR[], 1) AS i) ORDER BY i`,
      [JSON.stringify(values), JSON.stringify(values)],
    );
    expect(readStringColumn(t, 'v')).toEqual(values);
    const withNull = await engine.query("SELECT unnest(['a', NULL, 'ü']) AS v");
    expect(readStringColumn(withNull, 'v')).toEqual(['a', '', 'ü']);
  });

  it('copies numeric columns into typed arrays', async () => {
    const t = await engine.query(
      'SELECT range::INTEGER AS i, range * 0.5::DOUBLE AS f, range * 0.5 AS dec FROM range(5)',
    );
    expect(Array.from(readNumericColumn(t, 'i', 'int32'))).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(readNumericColumn(t, 'f', 'float64'))).toEqual([0, 0.5, 1, 1.5, 2]);
    // DECIMAL is not silently converted: queries cast to DOUBLE where a number is meant
    expect(() => readNumericColumn(t, 'dec', 'float64')).toThrow('expected number, got Decimal');
  });
});

describe('quoteIdent', () => {
  it('quotes allowed names and doubles embedded quotes; rejects anything not in the allow-list', () => {
    expect(quoteIdent('a"b', ['a"b'])).toBe('"a""b"');
    expect(() => quoteIdent('x; DROP TABLE leads', ['a'])).toThrow('unknown column');
  });
});
