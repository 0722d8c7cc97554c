import { describe, expect, it } from 'vitest';
import { isotonicFit, isotonicPredict, pava } from '../../src/metrics/isotonic';
import { expectAllClose, fixtureRows, plain, withNoise } from './accuracyGolden';

describe("isotonicFit against IsotonicRegression(out_of_bounds='clip') (make_accuracy_golden.py)", () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { scores, outcome } = plain(f);
    const model = isotonicFit(scores, outcome);
    if (f.isotonic === null) {
      expect(model).toBeNull();
      return;
    }
    expect(Array.from(model!.x)).toEqual(f.isotonic.x);
    expectAllClose(
      f.isotonic.x.map((x) => isotonicPredict(model!, x)),
      f.isotonic.y,
      1e-9,
    );
    expectAllClose(
      f.isotonic.gridX.map((x) => isotonicPredict(model!, x)),
      f.isotonic.gridY,
      1e-9,
    );
    const n = withNoise(f);
    expect(isotonicFit(n.scores, n.outcome, n.mask)).toEqual(model);
  });

  it('averages tied scores first, weighted by their count', () => {
    // score 1: won, lost, lost (⅓); score 2: won (1); score 3: lost — 1 and 3 violate: pool to ½
    const model = isotonicFit([1, 1, 1, 2, 3], [1, 2, 2, 1, 2])!;
    expect(Array.from(model.x)).toEqual([1, 2, 3]);
    expect(Array.from(model.y)).toEqual([1 / 3, 0.5, 0.5]);
    expect(isotonicPredict(model, 1.5)).toBeCloseTo(5 / 12, 15);
    expect(isotonicPredict(model, -10)).toBe(1 / 3);
    expect(isotonicPredict(model, 10)).toBe(0.5);
  });

  it('pava pools weighted violators', () => {
    expect(Array.from(pava([1, 0, 2], [1, 3, 1]))).toEqual([0.25, 0.25, 2]);
    expect(Array.from(pava([3, 2, 1], [1, 1, 1]))).toEqual([2, 2, 2]);
    expect(Array.from(pava([], []))).toEqual([]);
  });

  it('is null without leads or with one class', () => {
    expect(isotonicFit([], [])).toBeNull();
    expect(isotonicFit([1, 2], [1, 1])).toBeNull();
  });
});
