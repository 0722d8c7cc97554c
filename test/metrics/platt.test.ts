import { describe, expect, it } from 'vitest';
import { plattFit, plattFitGroups, plattProbability, sigmoid } from '../../src/metrics/platt';
import { scoreGroups } from '../../src/metrics/roc';
import { fixtureRows, plain, withNoise } from './accuracyGolden';

describe('plattFit against LogisticRegression(penalty=None) on the score (make_accuracy_golden.py)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { scores, outcome } = plain(f);
    const model = plattFit(scores, outcome);
    if (f.platt === null) {
      expect(model).toBeNull();
      return;
    }
    expect(Math.abs(model!.a - f.platt.a)).toBeLessThan(1e-4);
    expect(Math.abs(model!.b - f.platt.b)).toBeLessThan(1e-4);
    expect(model!.gradNorm).toBeLessThan(1e-10);
    for (const s of f.scores) {
      expect(Math.abs(plattProbability(model!, s) - sigmoid(f.platt.a * s + f.platt.b))).toBeLessThan(1e-6);
    }
    const n = withNoise(f);
    expect(plattFit(n.scores, n.outcome, n.mask)).toEqual(model);
  });

  it('is null when the maximum-likelihood fit does not exist', () => {
    expect(plattFit([], [])).toBeNull();
    expect(plattFit([1, 2, 3], [1, 1, 0])).toBeNull(); // one class among the resolved
    expect(plattFit([1, 2, 3, 4], [2, 2, 1, 1])).toBeNull(); // separated
    expect(plattFit([1, 2, 2, 4], [2, 2, 1, 1])).toBeNull(); // quasi-separated (a tie at the boundary)
    expect(plattFit([5, 5, 5, 5], [2, 1, 2, 1])).toBeNull(); // one score only
    expect(plattFit([4, 3, 2, 1], [2, 2, 1, 1])).toBeNull(); // separated the other way
  });

  it('fits a decreasing relationship with a negative slope', () => {
    const model = plattFit([1, 2, 3, 4, 2, 3], [1, 1, 2, 2, 2, 1])!;
    expect(model.a).toBeLessThan(0);
  });

  it('reaches the same optimum from a warm start (the previous fit) as from zero', () => {
    const scores = Array.from({ length: 500 }, (_, i) => (i * 37) % 101);
    const outcome = scores.map((s, i) => ((s + ((i * 13) % 40)) / 140 > 0.5 ? 1 : 2));
    const g = scoreGroups(scores, outcome);
    const cold = plattFitGroups(g)!;
    for (const start of [
      { a: cold.a * 1.3, b: cold.b - 0.5 },
      { a: 0, b: 0 },
      { a: 0.5, b: -20 },
    ]) {
      const warm = plattFitGroups(g, start)!;
      expect(Math.abs(warm.a - cold.a)).toBeLessThan(1e-9);
      expect(Math.abs(warm.b - cold.b)).toBeLessThan(1e-8);
    }
  });

  it('sigmoid does not overflow', () => {
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(0)).toBe(0.5);
  });

  it('is fast at a million leads', () => {
    const n = 1_000_000;
    const scores = new Float64Array(n);
    const outcome = new Uint8Array(n);
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < n; i++) {
      scores[i] = Math.round(rand() * 100);
      outcome[i] = rand() < sigmoid(0.05 * scores[i] - 3) ? 1 : 2;
    }
    const t0 = performance.now();
    const model = plattFit(scores, outcome)!;
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(Math.abs(model.a - 0.05)).toBeLessThan(0.01);
    expect(model.gradNorm).toBeLessThan(1e-10);
  });
});
