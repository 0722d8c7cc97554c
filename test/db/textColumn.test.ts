import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { readTextColumn, readTextColumnInSteps, utf8Length } from '../../src/db/readTextColumn';
import {
  DictionaryText,
  recode,
  textColumnOf,
  textValues,
  Utf8Text,
  utf8TextOf,
  type TextColumn,
} from '../../src/db/textColumn';
import { encodeSegment, OTHER_LABEL } from '../../src/features/segments';

let engine: SqlEngine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine?.close());

// U+E000 and U+FF21 sort after an emoji (a surrogate pair) in UTF-16, before it in UTF-8 byte order
const TRICKY = ['b', '\uFF21', '😀', 'a', '', 'ab', '\uE000', 'zé', 'Zé', 'b', '😀x', '\uD7FF'];
const ENCODINGS: [string, (v: string[]) => TextColumn][] = [
  ['dictionary', textColumnOf],
  ['utf8', utf8TextOf],
];

describe('readTextColumn', () => {
  it('keeps a column with few distinct values as dictionary codes, values exact, nulls blank', async () => {
    const t = await engine.query(
      "SELECT CASE WHEN range % 5 = 0 THEN NULL ELSE ['客户', 'Zürich 🚀', 'x'][range % 3 + 1] END AS v FROM range(10000)",
    );
    const column = readTextColumn(t, 'v');
    expect(column).toBeInstanceOf(DictionaryText);
    expect((column as DictionaryText).codes).toBeInstanceOf(Uint8Array);
    const labels = ['客户', 'Zürich 🚀', 'x'];
    expect(textValues(column)).toEqual(
      Array.from({ length: 10000 }, (_, i) => (i % 5 === 0 ? '' : labels[i % 3])),
    );
  });

  it('keeps a column past 65,536 distinct values as UTF-8 bytes over several chunks, nulls blank', async () => {
    const t = await engine.query(
      "SELECT CASE WHEN range % 7 = 0 THEN NULL ELSE ['é-', '客户😀', 'x'][range % 3 + 1] || range END AS v FROM range(80000)",
    );
    expect(t.batches.length).toBeGreaterThan(1);
    const column = readTextColumn(t, 'v');
    expect(column).toBeInstanceOf(Utf8Text);
    expect(column.length).toBe(80000);
    const prefixes = ['é-', '客户😀', 'x'];
    expect(textValues(column)).toEqual(
      Array.from({ length: 80000 }, (_, i) => (i % 7 === 0 ? '' : `${prefixes[i % 3]}${i}`)),
    );
  });

  it('reads a column in parts of record batches with the values readTextColumn gives, pausing after each', async () => {
    for (const distinct of [3, 100000]) {
      const t = await engine.query(
        `SELECT CASE WHEN range % 7 = 0 THEN NULL ELSE 'é-' || (range % ${distinct}) END AS v FROM range(80000)`,
      );
      let pauses = 0;
      // 999 rows a part: parts start at every offset into the batches and their validity bits
      const column = await readTextColumnInSteps(t, 'v', async () => void pauses++, 999);
      expect(pauses).toBe(t.batches.reduce((n, b) => n + Math.ceil(b.numRows / 999), 0));
      expect(pauses).toBeGreaterThan(t.batches.length);
      const whole = readTextColumn(t, 'v');
      expect(column.constructor).toBe(whole.constructor);
      expect(textValues(column)).toEqual(textValues(whole));
    }
    await expect(readTextColumnInSteps(await engine.query('SELECT 1 AS v'), 'v')).rejects.toThrow();
  });

  it("utf8Length is the length of TextEncoder's bytes, lone surrogates included", () => {
    const encoder = new TextEncoder();
    for (const text of [
      ...TRICKY,
      '',
      'a\u0080\u07FF\u0800\uFFFF',
      '\uD800',
      'x\uDC00y',
      '\uD83D',
      '😀\uD83D😀',
    ])
      expect([text, utf8Length(text)]).toEqual([text, encoder.encode(text).length]);
  });
});

describe.each(ENCODINGS)('a %s column', (_, encode) => {
  it('ranks densely in the order of `<` on strings (UTF-16 code units), equal values equal', () => {
    const distinct = [...new Set(TRICKY)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(Array.from(encode(TRICKY).ranks())).toEqual(TRICKY.map((v) => distinct.indexOf(v)));
  });

  it('ranks thousands of values sharing long prefixes, of every length, like `<` does', () => {
    // a fixed pseudo-random mix: shared 12-byte prefixes, prefixes of each other, tricky code points
    const parts = ['LEAD-2024-00', 'LEAD-2024-0', 'LEAD', '', 'é', '😀', '\uFF21', '\uE000', 'a', 'Z', '\0'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % parts.length;
    const values = Array.from({ length: 3000 }, () => parts[next()] + parts[next()] + parts[next()]);
    const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const rankOf = new Map(distinct.map((v, r) => [v, r]));
    expect(Array.from(encode(values).ranks())).toEqual(values.map((v) => rankOf.get(v)));
  });

  it('marks values containing the needle in lower case, beyond ASCII too', () => {
    // 'İ' lower-cases to 'i' + a combining dot, the Kelvin sign to 'k'
    const values = ['İSTANBUL', 'Kelvin \u212A', 'ACME Corp', 'acme', '', 'Ärger', 'mACMe'];
    for (const needle of ['i', 'k', 'acme', 'ä', 'corp', 'z', 'İ'.toLowerCase()]) {
      const mask = new Uint8Array(values.length);
      encode(values).markContaining(needle, mask);
      expect(Array.from(mask), needle).toEqual(values.map((v) => (v.toLowerCase().includes(needle) ? 1 : 0)));
    }
  });

  it('leaves marks already set', () => {
    const mask = Uint8Array.of(1, 0);
    encode(['x', 'y']).markContaining('y', mask);
    expect(Array.from(mask)).toEqual([1, 1]);
  });

  it('encodes a segment most frequent first, ties by name, past 15 values the rest folded', () => {
    const values = ['b', 'a', 'b', '', 'c', 'a', 'b'];
    expect(encodeSegment(encode(values), false)).toEqual({
      codes: Int32Array.of(0, 1, 0, 2, 3, 1, 0),
      count: 4,
      labels: ['b', 'a', '', 'c'],
    });
    const many = Array.from({ length: 20 }, (_, i) => `v${String(i).padStart(2, '0')}`);
    const folded = encodeSegment(encode([...many, 'v19', 'v19']), false);
    expect(folded.labels).toEqual(['v19', ...many.slice(0, 13), OTHER_LABEL]);
    expect(folded.codes[19]).toBe(0);
    expect(folded.codes[14]).toBe(14);
  });

  it('encodes a natural-order segment with the blank value last', () => {
    const seg = encodeSegment(encode(['2024-Q10', '', '2024-Q2', '2024-Q2']), true);
    expect(seg.labels).toEqual(['2024-Q2', '2024-Q10', '']);
    expect(Array.from(seg.codes)).toEqual([1, 2, 0, 0]);
  });
});

describe('recode', () => {
  it('maps each code through the table into the given array', () => {
    const out = recode(Uint8Array.from([2, 0, 1, 2]), [7, -1, 300], new Int32Array(4));
    expect(Array.from(out)).toEqual([300, 7, -1, 300]);
    // Uint8Array keeps the low byte, as an assignment to it does
    expect(Array.from(recode([2, 0], [7, 0, 258], new Uint8Array(2)))).toEqual([2, 7]);
  });
});
