import { describe, expect, it } from 'vitest';
import { binEdges, reliabilityBins, reliabilityBinsOfGroups } from '../../src/metrics/reliability';
import { scoreGroups } from '../../src/metrics/roc';
import type { CalibrationGolden } from './accuracyGolden';
import { expectAllClose, fixtureRows, plain, withNoise } from './accuracyGolden';
import { wilsonInterval } from '../../src/metrics/wilson';

describe('reliabilityBins against calibration_curve(n_bins=10) (make_accuracy_golden.py)', () => {
  const check = (bins: ReturnType<typeof reliabilityBins>, g: CalibrationGolden) => {
    expect(bins!.map((b) => b.index)).toEqual(g.index);
    expect(bins!.map((b) => b.n)).toEqual(g.n);
    expectAllClose(
      bins!.map((b) => b.rate),
      g.probTrue,
      1e-9,
    );
    expectAllClose(
      bins!.map((b) => b.meanP),
      g.probPred,
      1e-9,
    );
    // Wilson bounds against scipy (its z is 1.959963984…, ours 1.959964)
    expectAllClose(
      bins!.map((b) => b.interval.low),
      g.low,
      1e-7,
    );
    expectAllClose(
      bins!.map((b) => b.interval.high),
      g.high,
      1e-7,
    );
  };

  it.each(fixtureRows)('%s, quantile', (_, f) => {
    const { p, outcome } = plain(f);
    check(reliabilityBins(p, outcome), f.calibration.quantile);
    const n = withNoise(f);
    expect(reliabilityBins(n.p, n.outcome, { mask: n.mask })).toEqual(reliabilityBins(p, outcome));
  });

  it.each(fixtureRows)('%s, uniform', (_, f) => {
    const { p, outcome } = plain(f);
    check(reliabilityBins(p, outcome, { strategy: 'uniform' }), f.calibration.uniform);
  });

  it('puts a p on an inner edge in the lower bin, as calibration_curve', () => {
    const bins = reliabilityBins([0.1, 0.2, 0.25, 0.3], [1, 2, 1, 2], { strategy: 'uniform' })!;
    expect(bins.map((b) => [b.index, b.n])).toEqual([
      [0, 1],
      [1, 1],
      [2, 2],
    ]);
    expect(bins[2]).toMatchObject({ wins: 1, rate: 0.5, meanP: 0.275, interval: wilsonInterval(1, 2) });
  });

  it('edges are numpy.percentile / linspace', () => {
    expect(Array.from(binEdges(Float64Array.of(0, 1), 4, 'quantile'))).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(binEdges(new Float64Array(0), 10, 'uniform')[3]).toBe(3 * 0.1);
  });

  it('is null without resolved leads or with p outside [0, 1]', () => {
    expect(reliabilityBins([0.5], [0])).toBeNull();
    expect(reliabilityBins([NaN], [1])).toBeNull();
    expect(reliabilityBins([-0.1, 0.5], [1, 2])).toBeNull();
  });
});

describe('reliabilityBinsOfGroups', () => {
  it('gives the bins of reliabilityBins from distinct-score groups when p rises with the score', () => {
    const scores = Array.from({ length: 3000 }, (_, i) => Math.round(((i * 7919) % 1000) / 10));
    const outcome = scores.map((s, i) => ((i * 31) % 100 < s ? 1 : i % 7 === 0 ? 0 : 2));
    const p = scores.map((s) => 1 / (1 + Math.exp(-(s - 50) / 12)));
    const g = scoreGroups(scores, outcome);
    const pg = g.values.map((s) => 1 / (1 + Math.exp(-(s - 50) / 12)));
    for (const strategy of ['quantile', 'uniform'] as const) {
      const direct = reliabilityBins(p, outcome, { strategy })!;
      const grouped = reliabilityBinsOfGroups(pg, g.won, g.lost, { strategy })!;
      expect(grouped.map((b) => [b.index, b.n, b.wins])).toEqual(direct.map((b) => [b.index, b.n, b.wins]));
      grouped.forEach((b, k) => {
        expect(b.meanP).toBeCloseTo(direct[k].meanP, 12);
        expect(b.low).toBe(direct[k].low);
        expect(b.high).toBe(direct[k].high);
      });
    }
  });

  it('is null when p is not ascending or there is no lead', () => {
    expect(
      reliabilityBinsOfGroups(Float64Array.of(0.5, 0.2), Float64Array.of(1, 1), Float64Array.of(0, 1)),
    ).toBeNull();
    expect(reliabilityBinsOfGroups(new Float64Array(0), new Float64Array(0), new Float64Array(0))).toBeNull();
  });
});
