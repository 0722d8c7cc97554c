import { describe, expect, it } from 'vitest';
import { brierOfGroups, ece, logLossOfGroups } from '../../src/metrics/probabilityScores';
import { fixtureRows, plain, withNoise } from './accuracyGolden';

describe('ece vs calibration_curve (accuracy golden)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { p, outcome } = plain(f);
    expect(Math.abs(ece(p, outcome)! - f.calibration.quantile.ece)).toBeLessThan(1e-9);
    expect(Math.abs(ece(p, outcome, { strategy: 'uniform' })! - f.calibration.uniform.ece)).toBeLessThan(
      1e-9,
    );
  });

  it.each(fixtureRows)('%s: open and masked-out leads never count', (_, f) => {
    const { p, outcome } = plain(f);
    const n = withNoise(f);
    expect(ece(n.p, n.outcome, { mask: n.mask })).toBe(ece(p, outcome));
  });

  it('is null without resolved leads or with p outside [0, 1]', () => {
    expect(ece([0.5], [0])).toBeNull();
    expect(ece([1.5], [1])).toBeNull();
  });
});

/** The resolved leads grouped by distinct p: p ascending, won and lost counts per p. */
function groupByP(p: ArrayLike<number>, outcome: ArrayLike<number>) {
  const counts = new Map<number, [number, number]>();
  for (let i = 0; i < outcome.length; i++) {
    if (outcome[i] !== 1 && outcome[i] !== 2) continue;
    const c = counts.get(p[i]) ?? [0, 0];
    c[outcome[i] === 1 ? 0 : 1]++;
    counts.set(p[i], c);
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return {
    p: keys,
    won: keys.map((k) => counts.get(k)![0]),
    lost: keys.map((k) => counts.get(k)![1]),
  };
}

describe('brierOfGroups, logLossOfGroups vs brier_score_loss, log_loss (accuracy golden)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const n = withNoise(f);
    const g = groupByP(
      n.p,
      Array.from(n.outcome, (o, i) => (n.mask[i] ? o : 0)),
    );
    expect(Math.abs(brierOfGroups(g.p, g.won, g.lost)! - f.brier)).toBeLessThan(1e-9);
    expect(Math.abs(logLossOfGroups(g.p, g.won, g.lost)! - f.logLoss)).toBeLessThan(1e-9);
  });

  it('clips p as logLoss does, counts each group by its size, and is null without resolved leads', () => {
    // two won leads at p = 0 (clipped to 1e−15) and one lost at p = 1 (clipped to 1 − 1e−15)
    // two won leads at p = 0 and one lost at p = 1, each clipped to 1e−15 from the wrong end
    expect(logLossOfGroups([0, 1], [2, 0], [0, 1])).toBeCloseTo(
      -(2 * Math.log(1e-15) + Math.log(1 - (1 - 1e-15))) / 3,
      12,
    );
    // 3 won at 0.25: 3 · 0.75²; 1 lost at 0.25: 0.25²; 2 lost at 0.5: 2 · 0.5² → 2.25 / 6
    expect(brierOfGroups([0.25, 0.5], [3, 0], [1, 2])).toBe(0.375);
    expect(brierOfGroups([0.3], [0], [0])).toBeNull();
    expect(logLossOfGroups([], [], [])).toBeNull();
  });
});
