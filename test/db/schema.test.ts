import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import type { SqlEngine } from '../../src/db/engine';
import {
  readNumericColumn,
  readOne,
  readRows,
  readStringColumn,
  readStringColumnInSteps,
  SchemaError,
} from '../../src/db/schema';
import { stringVector, TextColumnBuilder } from '../../src/db/readTextColumn';
import { textValues } from '../../src/db/textColumn';
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

  it('reads columns with few and with many distinct values alike (repeats are shared up to a limit)', async () => {
    // 30,000 rows over several Arrow chunks: a third repeat 7 labels, the rest are 20,000 distinct ids, so
    // the repeats are shared at first and the column passes the interning limit part way through
    const t = await engine.query(
      "SELECT CASE WHEN range % 3 = 0 THEN 'label ' || (range % 7) ELSE 'id-' || range END AS v FROM range(30000)",
    );
    const expected = Array.from({ length: 30000 }, (_, i) => (i % 3 === 0 ? `label ${i % 7}` : `id-${i}`));
    expect(readStringColumn(t, 'v')).toEqual(expected);
  });

  it('reads a string column in steps with the values readStringColumn gives, pausing after each step', async () => {
    const t = await engine.query(
      "SELECT CASE WHEN range % 5 = 0 THEN NULL WHEN range % 3 = 0 THEN 'label ' || (range % 7) ELSE 'ü-' || range END AS v FROM range(30000)",
    );
    const whole = readStringColumn(t, 'v');
    expect(whole[0]).toBe('');
    const chunks = t.getChild('v')!.data.map((d) => d.length);
    for (const step of [1000, 4096, 100000]) {
      let pauses = 0;
      expect(await readStringColumnInSteps(t, 'v', async () => void pauses++, step)).toEqual(whole);
      // one pause per step of each Arrow chunk
      expect(pauses).toBe(chunks.reduce((sum, n) => sum + Math.ceil(n / step), 0));
    }
  });

  it('reads a streamed string column batch by batch with the same values, none kept', async () => {
    const sql = "SELECT CASE WHEN range % 3 = 0 THEN NULL ELSE 'id-' || range END AS v FROM range(30000)";
    const expected = Array.from({ length: 30000 }, (_, i) => (i % 3 === 0 ? '' : `id-${i}`));
    const builder = new TextColumnBuilder();
    let batches = 0;
    await engine.queryBatches(sql, (batch) => {
      batches++;
      builder.addVector(stringVector(batch, 'v'));
    });
    expect(batches).toBeGreaterThan(1);
    expect(textValues(builder.finish())).toEqual(expected);
  });

  it('reads a streamed result like a materialised one, over several chunks and when empty', async () => {
    const sql = "SELECT range::INTEGER AS i, 'v' || range AS s FROM range(5000) ORDER BY range DESC";
    const streamed = await engine.queryStreamed(sql);
    const down = Array.from({ length: 5000 }, (_, k) => 4999 - k);
    expect(streamed.numRows).toBe(5000);
    expect(Array.from(readNumericColumn(streamed, 'i', 'int32'))).toEqual(down);
    expect(readStringColumn(streamed, 's')).toEqual(down.map((k) => `v${k}`));
    // no rows still has the columns
    const empty = await engine.queryStreamed('SELECT 1::INTEGER AS i WHERE false');
    expect(empty.numRows).toBe(0);
    expect(readNumericColumn(empty, 'i', 'int32')).toEqual(new Int32Array(0));
  });

  it('creates tables in the compressed in-memory database', async () => {
    await engine.query('CREATE OR REPLACE TABLE where_am_i AS SELECT 1 AS x');
    const rows = readRows(
      await engine.query("SELECT database_name FROM duckdb_tables() WHERE table_name = 'where_am_i'"),
      { database_name: { type: 'string' } },
    );
    expect(rows).toEqual([{ database_name: 'scorelab' }]);
    await engine.query('DROP TABLE where_am_i');
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

  it('reads a sliced table (chunks at an offset) as its values from that offset', async () => {
    const t = await engine.query(
      "SELECT range::INTEGER AS i, range::BIGINT AS b, CASE WHEN range % 3 = 0 THEN NULL ELSE 'é' || range END AS s FROM range(40)",
    );
    const part = t.slice(7, 29);
    const range = Array.from({ length: 22 }, (_, k) => k + 7);
    expect(Array.from(readNumericColumn(part, 'i', 'int32'))).toEqual(range);
    expect(Array.from(readNumericColumn(part, 'b', 'float64'))).toEqual(range);
    const text = range.map((v) => (v % 3 === 0 ? '' : `é${v}`));
    expect(readStringColumn(part, 's')).toEqual(text);
    const builder = new TextColumnBuilder();
    builder.addVector(stringVector(part, 's'));
    expect(textValues(builder.finish())).toEqual(text);
  });
});

describe('quoteIdent', () => {
  it('quotes allowed names and doubles embedded quotes; rejects anything not in the allow-list', () => {
    expect(quoteIdent('a"b', ['a"b'])).toBe('"a""b"');
    expect(() => quoteIdent('x; DROP TABLE leads', ['a'])).toThrow('unknown column');
  });
});
