import { describe, expect, it } from 'vitest';
import { averagePrecision } from '../../src/metrics/averagePrecision';
import { scoreGroups } from '../../src/metrics/roc';
import { fixtureRows, plain, withNoise } from './accuracyGolden';

describe('averagePrecision against average_precision_score (make_accuracy_golden.py)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { scores, outcome } = plain(f);
    const ap = averagePrecision(scoreGroups(scores, outcome));
    if (f.ap === null) expect(ap).toBeNull();
    else expect(Math.abs(ap! - f.ap)).toBeLessThan(1e-9);
    const n = withNoise(f);
    expect(averagePrecision(scoreGroups(n.scores, n.outcome, n.mask))).toBe(ap);
  });

  it('is null without leads or with one class', () => {
    expect(averagePrecision(scoreGroups([], []))).toBeNull();
    expect(averagePrecision(scoreGroups([1, 2], [1, 1]))).toBeNull();
    expect(averagePrecision(scoreGroups([1, 2], [2, 2]))).toBeNull();
  });
});
