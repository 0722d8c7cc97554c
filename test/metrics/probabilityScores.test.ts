import { describe, expect, it } from 'vitest';
import { brier, ece, logLoss } from '../../src/metrics/probabilityScores';
import { fixtureRows, plain, withNoise } from './accuracyGolden';

describe('brier, logLoss, ece vs brier_score_loss, log_loss, calibration_curve (accuracy golden)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { p, outcome } = plain(f);
    expect(Math.abs(brier(p, outcome)! - f.brier)).toBeLessThan(1e-9);
    expect(Math.abs(logLoss(p, outcome)! - f.logLoss)).toBeLessThan(1e-9);
    expect(Math.abs(ece(p, outcome)! - f.calibration.quantile.ece)).toBeLessThan(1e-9);
    expect(Math.abs(ece(p, outcome, { strategy: 'uniform' })! - f.calibration.uniform.ece)).toBeLessThan(
      1e-9,
    );
  });

  it.each(fixtureRows)('%s: open and masked-out leads never count', (_, f) => {
    const { p, outcome } = plain(f);
    const n = withNoise(f);
    expect(brier(n.p, n.outcome, n.mask)).toBe(brier(p, outcome));
    expect(logLoss(n.p, n.outcome, n.mask)).toBe(logLoss(p, outcome));
    expect(ece(n.p, n.outcome, { mask: n.mask })).toBe(ece(p, outcome));
  });

  it('clips p to [1e−15, 1 − 1e−15] and is null without resolved leads', () => {
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-15), 12);
    expect(logLoss([1, 0], [1, 2])).toBeCloseTo(-Math.log(1 - 1e-15), 20);
    expect(brier([0.3], [0])).toBeNull();
    expect(logLoss([], [])).toBeNull();
    expect(ece([0.5], [0])).toBeNull();
    expect(ece([1.5], [1])).toBeNull();
  });
});
