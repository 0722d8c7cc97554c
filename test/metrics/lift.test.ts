import { describe, expect, it } from 'vitest';
import { cumulativeGains, liftTable, topOrder } from '../../src/metrics/lift';
import { expectAllClose, fixtureRows, plain, withNoise } from './accuracyGolden';

describe('liftTable against pandas from the METRICS.md definition (make_accuracy_golden.py)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { scores, outcome } = plain(f);
    const order = topOrder(scores, outcome);
    for (const step of [1, 5, 10] as const) {
      const rows = liftTable(scores, outcome, order, step)!;
      const golden = f.lift[String(step) as '1' | '5' | '10'];
      expect(
        rows.map(({ percent, count, threshold, tp, fp }) => ({ percent, count, threshold, tp, fp })),
      ).toEqual(
        golden.map(({ percent, count, threshold, tp, fp }) => ({ percent, count, threshold, tp, fp })),
      );
      expectAllClose(
        rows.map((r) => r.precision),
        golden.map((r) => r.precision),
        1e-12,
      );
      expect(rows.map((r) => r.recall === null)).toEqual(golden.map((r) => r.recall === null));
      expect(rows.map((r) => r.lift === null)).toEqual(golden.map((r) => r.lift === null));
      expectAllClose(
        rows.map((r) => r.recall ?? 0),
        golden.map((r) => r.recall ?? 0),
        1e-12,
      );
      expectAllClose(
        rows.map((r) => r.lift ?? 0),
        golden.map((r) => r.lift ?? 0),
        1e-12,
      );
    }
    const n = withNoise(f);
    expect(liftTable(n.scores, n.outcome, topOrder(n.scores, n.outcome, n.mask))).toEqual(
      liftTable(scores, outcome, order),
    );
  });

  it('orders by score descending, then lead position ascending, negatives and zeros included', () => {
    const scores = [2, -1, 5, 2, 0, -0, 5, 0.5, -3.25, 2];
    const outcome = [1, 2, 1, 0, 2, 1, 2, 1, 2, 2];
    expect(Array.from(topOrder(scores, outcome))).toEqual([2, 6, 0, 9, 7, 4, 5, 1, 8]);
    expect(Array.from(topOrder(scores, outcome, [1, 1, 0, 1, 1, 1, 1, 1, 1, 1]))).toEqual([
      6, 0, 9, 7, 4, 5, 1, 8,
    ]);
  });

  it('takes a precomputed order (e.g. ties broken by lead id), skipping open leads in it', () => {
    const scores = [9, 9, 1, 1];
    const outcome = [2, 1, 1, 0];
    const rows = liftTable(scores, outcome, [1, 0, 3, 2], 10)!;
    expect(rows[0]).toMatchObject({ count: 1, tp: 1, threshold: 9, precision: 1, recall: 0.5, lift: 1.5 });
    expect(rows[9]).toMatchObject({ count: 3, tp: 2, fp: 1, threshold: 1 });
  });

  it('cumulative gains with random and perfect curves', () => {
    const scores = [4, 3, 2, 1];
    const outcome = [1, 2, 1, 2];
    const gains = cumulativeGains(liftTable(scores, outcome, topOrder(scores, outcome), 10))!;
    expect(gains.x[0]).toBe(0);
    expect(Array.from(gains.x.slice(1))).toEqual([1, 1, 2, 2, 2, 3, 3, 4, 4, 4].map((c) => c / 4));
    expect(Array.from(gains.model.slice(1))).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2].map((c) => c / 2));
    expect(gains.random).toEqual(gains.x);
    expect(Array.from(gains.perfect.slice(1))).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 2, 2].map((c) => c / 2));
    expect(cumulativeGains(liftTable([1, 2], [2, 2], [0, 1]))).toBeNull();
    expect(liftTable([1], [0], [0])).toBeNull();
  });

  it('orders a million leads fast', () => {
    const n = 1_000_000;
    const scores = new Float64Array(n);
    const outcome = new Uint8Array(n);
    let seed = 3;
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      scores[i] = Math.round((seed / 2147483647) * 1000) / 10;
      outcome[i] = 1 + (i % 2);
    }
    const t0 = performance.now();
    const order = topOrder(scores, outcome);
    const rows = liftTable(scores, outcome, order, 1)!;
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(rows.length).toBe(100);
    for (let k = 1; k < n; k++) {
      const a = order[k - 1];
      const b = order[k];
      if (scores[a] < scores[b] || (scores[a] === scores[b] && a > b))
        throw new Error(`order broken at ${k}`);
    }
  });
});
