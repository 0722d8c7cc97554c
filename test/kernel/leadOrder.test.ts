import { describe, expect, it } from 'vitest';
import { orderLeads, pageOf, sortIndicesBy, type LeadOrderOptions } from '../../src/kernel/leadOrder';
import type { Scores } from '../../src/kernel/score';

/** The order the Leads view used to compute on the main thread: a comparator sort, ties by lead index. */
function reference(indices: number[], key: ArrayLike<number>, descending: boolean): number[] {
  const sign = descending ? -1 : 1;
  return [...indices].sort((a, b) => sign * (key[a] - key[b]) || a - b);
}

/** A small deterministic generator (no Math.random: failures must reproduce). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

describe('sortIndicesBy', () => {
  it('matches a comparator sort on scores with many ties, both ways', () => {
    const rnd = lcg(7);
    const key = Float64Array.from({ length: 5000 }, () => Math.round(rnd() * 400) / 4);
    const all = Array.from({ length: key.length }, (_, i) => i);
    for (const descending of [false, true])
      expect(Array.from(sortIndicesBy(Uint32Array.from(all), key, descending))).toEqual(
        reference(all, key, descending),
      );
  });

  it('orders negative, zero, fractional and huge keys as numbers; -0 ties with 0 in index order', () => {
    const key = Float64Array.of(3.5, -2, 0, -0, 1e300, -1e-300, 2 ** 40 + 0.5, -7.25, 0, 3.5);
    const all = Array.from({ length: key.length }, (_, i) => i);
    expect(Array.from(sortIndicesBy(Uint32Array.from(all), key, false))).toEqual([
      7, 1, 5, 2, 3, 8, 0, 9, 6, 4,
    ]);
    expect(Array.from(sortIndicesBy(Uint32Array.from(all), key, true))).toEqual([
      4, 6, 0, 9, 2, 3, 8, 5, 1, 7,
    ]);
  });

  it('sorts a subset given in lead order, on Float32, Uint8 and Uint32 keys', () => {
    const rnd = lcg(11);
    const n = 3000;
    const subset = Array.from({ length: n }, (_, i) => i).filter(() => rnd() < 0.4);
    const keys = [
      Float32Array.from({ length: n }, () => rnd() * 100),
      Uint8Array.from({ length: n }, () => Math.floor(rnd() * 4)),
      Uint32Array.from({ length: n }, () => Math.floor(rnd() * 70000)),
    ];
    for (const key of keys)
      for (const descending of [false, true])
        expect(Array.from(sortIndicesBy(Uint32Array.from(subset), key, descending))).toEqual(
          reference(subset, key, descending),
        );
  });

  it('puts NaN after every number and handles empty input', () => {
    const key = Float64Array.of(NaN, 2, 1);
    expect(Array.from(sortIndicesBy(Uint32Array.of(0, 1, 2), key, false))).toEqual([2, 1, 0]);
    expect(Array.from(sortIndicesBy(Uint32Array.of(0, 1, 2), key, true))).toEqual([1, 2, 0]);
    expect(sortIndicesBy(new Uint32Array(0), key, true).length).toBe(0);
  });
});

describe('orderLeads', () => {
  const scores = {
    score: Float64Array.of(50, 80, 80, 10),
    tier: Uint8Array.of(1, 0, 0, 2),
    subscores: [Float32Array.of(5, 1, 9, 3)],
  } as unknown as Scores;
  const q = (o: Partial<LeadOrderOptions>): LeadOrderOptions => ({
    key: 'k',
    tier: null,
    migration: null,
    masked: false,
    sort: 'score',
    descending: true,
    from: 0,
    count: 10,
    ...o,
  });
  const none = { mask: null, rank: null };
  const rows = (...args: Parameters<typeof orderLeads>) => Array.from(orderLeads(...args).rows);

  it('sorts by score descending with lead order breaking ties, under the query key', () => {
    expect(rows(scores, null, none, q({}))).toEqual([1, 2, 0, 3]);
    expect(orderLeads(scores, null, none, q({ key: 'mine' })).key).toBe('mine');
  });

  it('filters by tier and by the text mask', () => {
    const keys = { mask: Uint8Array.of(1, 0, 1, 0), rank: null };
    expect(rows(scores, null, keys, q({ masked: true, sort: 'sub:0', descending: false }))).toEqual([0, 2]);
    expect(rows(scores, null, keys, q({ masked: true, tier: 0 }))).toEqual([2]);
    // the mask only applies when the query says so
    expect(rows(scores, null, keys, q({ tier: 0 }))).toEqual([1, 2]);
  });

  it('sorts by a subscore, the tier, or the text rank', () => {
    expect(rows(scores, null, none, q({ sort: 'sub:0', descending: false }))).toEqual([1, 3, 0, 2]);
    expect(rows(scores, null, none, q({ sort: 'tier', descending: false }))).toEqual([1, 2, 0, 3]);
    // company "Acme", "Beta", "Acme", "Delta": dense ranks 0, 1, 0, 2; descending keeps lead order in ties
    const keys = { mask: null, rank: Uint32Array.of(0, 1, 0, 2) };
    expect(rows(scores, null, keys, q({ sort: 'rank', descending: true }))).toEqual([3, 1, 0, 2]);
  });

  it('keeps the leads of one migration cell, and ignores the cell without a baseline', () => {
    const migration = { from: 1, to: 0 };
    expect(rows(scores, Uint8Array.of(1, 1, 0, 2), none, q({ migration }))).toEqual([1]);
    expect(rows(scores, null, none, q({ migration }))).toEqual([1, 2, 0, 3]);
  });

  it('refuses a mask or rank of another data set', () => {
    expect(() =>
      orderLeads(scores, null, { mask: new Uint8Array(3), rank: null }, q({ masked: true })),
    ).toThrow(/mask/);
    expect(() => orderLeads(scores, null, none, q({ sort: 'rank' }))).toThrow(/rank/);
  });
});

describe('pageOf', () => {
  const scores = {
    score: Float64Array.of(50, 80, 70, 10, 90),
    tier: Uint8Array.of(1, 0, 0, 2, 0),
    disqualified: Uint8Array.of(0, 0, 0, 1, 0),
    subscores: [Float32Array.of(5, 1, 9, 3, 7), Float32Array.of(0.5, 0.1, 0.9, 0.3, 0.7)],
  } as unknown as Scores;
  // by score descending: leads 4, 1, 2, 0, 3
  const order = { key: 'q', rows: Uint32Array.of(4, 1, 2, 0, 3) };

  it('gives the rows at the asked positions with their own values, under the order’s key and length', () => {
    const page = pageOf(order, scores, 1, 3);
    expect(page.key).toBe('q');
    expect(page.total).toBe(5);
    expect(page.from).toBe(1);
    expect(Array.from(page.rows)).toEqual([1, 2, 0]);
    expect(Array.from(page.score)).toEqual([80, 70, 50]);
    expect(Array.from(page.tier)).toEqual([0, 0, 1]);
    expect(Array.from(page.disqualified)).toEqual([0, 0, 0]);
    expect(page.subscores.map((s) => Array.from(s))).toEqual([
      [1, 9, 5],
      [Math.fround(0.1), Math.fround(0.9), Math.fround(0.5)],
    ]);
  });

  it('ends a page that would run past the end at it, as full as the order allows', () => {
    const end = pageOf(order, scores, 3, 3);
    expect(end.from).toBe(2);
    expect(Array.from(end.rows)).toEqual([2, 0, 3]);
    expect(Array.from(end.disqualified)).toEqual([0, 0, 1]);
    // a filter left fewer rows than the page: all of them, from the first
    const past = pageOf(order, scores, 9, 10);
    expect([past.from, past.rows.length, past.total]).toEqual([0, 5, 5]);
    expect(pageOf(order, scores, -3, 2).from).toBe(0);
    expect(Array.from(pageOf(order, scores, -3, 2).rows)).toEqual([4, 1]);
    expect(pageOf({ key: 'q', rows: new Uint32Array(0) }, scores, 4, 10).rows).toHaveLength(0);
  });

  it('is a copy: the page holds nothing of the million-lead arrays', () => {
    const page = pageOf(order, scores, 0, 2);
    expect(page.score.buffer).not.toBe(scores.score.buffer);
    expect(page.rows.buffer).not.toBe(order.rows.buffer);
    expect(page.score.buffer.byteLength).toBe(2 * 8);
  });
});
