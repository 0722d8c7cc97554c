import { describe, expect, it } from 'vitest';
import { medianInPlace } from '../../../src/metrics/roi/median';
import { quarterTopOrder } from '../../../src/metrics/roi/order';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('medianInPlace', () => {
  it('is the middle value, or the mean of the two middle values', () => {
    expect(medianInPlace(Float64Array.of(), 0, 0)).toBeNull();
    expect(medianInPlace(Float64Array.of(7), 0, 1)).toBe(7);
    expect(medianInPlace(Float64Array.of(9, 1), 0, 2)).toBe(5);
    expect(medianInPlace(Float64Array.of(3, 1, 2), 0, 3)).toBe(2);
    expect(medianInPlace(Float64Array.of(4, 4, 1, 10), 0, 4)).toBe(4);
    expect(medianInPlace(Float64Array.of(100, 5, 1, 3, 100), 1, 4)).toBe(3);
  });

  it('matches sorting on random ranges with many ties, leaving values outside the range alone', () => {
    const r = rng(7);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + Math.floor(r() * 60);
      const values = Float64Array.from(
        { length: n },
        () => Math.floor(r() * (trial % 3 === 0 ? 3 : 1000)) - 5,
      );
      const from = Math.floor(r() * n);
      const to = from + Math.floor(r() * (n - from + 1));
      const sorted = Array.from(values.subarray(from, to)).sort((a, b) => a - b);
      const m = sorted.length;
      const expected = m === 0 ? null : m % 2 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
      const outside = [...values.subarray(0, from), ...values.subarray(to)];
      expect(medianInPlace(values, from, to)).toBe(expected);
      expect([...values.subarray(0, from), ...values.subarray(to)]).toEqual(outside);
      expect(Array.from(values.subarray(from, to)).sort((a, b) => a - b)).toEqual(sorted);
    }
  });
});

describe('quarterTopOrder', () => {
  it('groups by quarter, then score descending, then lead position ascending; NaN last', () => {
    const r = rng(11);
    const T = 3;
    const Q = 4;
    const n = 3000;
    const pool = [0, -0, 1.5, -2, 100, NaN, Infinity, -Infinity, 1e-300, -1e-300];
    const score = Float64Array.from({ length: n }, () =>
      r() < 0.3 ? pool[Math.floor(r() * pool.length)] : Math.round(r() * 200) / 4 - 10,
    );
    const cell = Int32Array.from({ length: n }, () => (r() < 0.1 ? -1 : Math.floor(r() * Q * T)));
    const { order, start } = quarterTopOrder(score, cell, T, Q);
    const key = (s: number) => (Number.isNaN(s) ? -Infinity : s);
    const expected = Array.from({ length: n }, (_, i) => i)
      .filter((i) => cell[i] >= 0)
      .sort((a, b) => {
        const qa = Math.floor(cell[a] / T);
        const qb = Math.floor(cell[b] / T);
        return qa - qb || (key(score[b]) > key(score[a]) ? 1 : key(score[b]) < key(score[a]) ? -1 : a - b);
      });
    expect(Array.from(order)).toEqual(expected);
    for (let q = 0; q < Q; q++)
      for (let k = start[q]; k < start[q + 1]; k++) expect(Math.floor(cell[order[k]] / T)).toBe(q);
    expect(start[Q]).toBe(expected.length);
  });

  it('orders scores closer than float32 can tell apart, in short and long runs', () => {
    const r = rng(5);
    const n = 5000;
    // odd leads: 1 + k·1e−12 (k = −20 … 20, across a power of two) all round to one float32: long runs;
    // even leads: 100 + j + m·1e−12 share a float32 in threes: short runs
    const score = Float64Array.from({ length: n }, (_, i) =>
      i % 2 ? 1 + (Math.floor(r() * 41) - 20) * 1e-12 : 100 + Math.floor(i / 6) + Math.floor(r() * 3) * 1e-12,
    );
    const cell = Int32Array.from({ length: n }, () => Math.floor(r() * 4));
    const { order, start } = quarterTopOrder(score, cell, 2, 2);
    const expected = Array.from({ length: n }, (_, i) => i).sort(
      (a, b) => (cell[a] >> 1) - (cell[b] >> 1) || score[b] - score[a] || a - b,
    );
    expect(Array.from(order)).toEqual(expected);
    expect(Array.from(start)).toEqual([0, expected.filter((i) => cell[i] < 2).length, n]);
  });

  it('handles no lead and a single distinct score', () => {
    expect(quarterTopOrder(new Float64Array(0), new Int32Array(0), 2, 2)).toEqual({
      order: new Uint32Array(0),
      start: new Uint32Array(3),
    });
    const same = quarterTopOrder(Float64Array.of(5, 5, 5, 5), Int32Array.of(2, 0, 3, 1), 2, 2);
    expect(Array.from(same.order)).toEqual([1, 3, 0, 2]);
    expect(Array.from(same.start)).toEqual([0, 2, 4]);
  });
});
