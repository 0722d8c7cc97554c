import { describe, expect, it } from 'vitest';
import {
  betweenGroups,
  disparity,
  disparityRatio,
  DISPARITY_METRICS,
  inParityBand,
} from '../../../src/metrics/bias/disparity';
import { expectClose, golden, type GoldenFixture } from './golden';

function input(f: GoldenFixture) {
  return {
    outcome: Uint8Array.from(f.outcome),
    tier: Uint8Array.from(f.tier),
    tierCount: f.tierCount,
    segment: Int32Array.from(f.segment),
    labels: f.labels,
    missingCode: f.missingCode ?? undefined,
  };
}

describe('disparity against pandas (test/golden/make_bias_golden.py)', () => {
  it.each(golden.fixtures.map((f) => [f.name, f] as const))('%s', (_, f) => {
    const want = f.disparity;
    for (const includeTooFew of [false, true]) {
      const got = disparity(input(f), { cut: f.cut, includeTooFew });
      expect(got.reference).toBe(want.reference);
      expect(got.cut).toBe(f.cut);
      expect(got.rows.map((r) => r.code)).toEqual(want.rows.map((r) => r.code));
      got.rows.forEach((r, i) => {
        const w = want.rows[i];
        expect([r.n, r.wins, r.tooFew]).toEqual([w.n, w.wins, w.tooFew]);
        for (const m of DISPARITY_METRICS) {
          expectClose(r.values[m], w[m], `${r.label} ${m}`);
          expectClose(r.ratio[m], w.ratio[m], `${r.label} ${m} ratio`);
          expect(r.parity[m], `${r.label} ${m} parity`).toBe(w.parity[m]);
        }
      });
      const between = includeTooFew ? want.betweenAll : want.between;
      for (const m of DISPARITY_METRICS) {
        expectClose(got.between[m].difference, between[m].difference, `${m} difference`);
        expectClose(got.between[m].ratio, between[m].ratio, `${m} between ratio`);
        expect(got.between[m].groups).toBe(between[m].groups);
      }
    }
  });

  it('takes a selected reference and gives null ratios against a zero or missing one', () => {
    const f = golden.fixtures.find((g) => g.name.startsWith('700'))!;
    const gov = f.labels.indexOf('Government');
    const d = disparity(input(f), { cut: f.cut, reference: gov });
    expect(d.reference).toBe(gov);
    const ref = d.rows.find((r) => r.code === gov)!;
    expect(ref.ratio.selectionRate).toBe(ref.values.selectionRate === 0 ? null : 1);
    const empty = d.rows.find((r) => r.label === 'Education')!;
    expect(empty.values).toEqual({ selectionRate: null, winRecall: null, fnr: null });
    expect(empty.ratio).toEqual({ selectionRate: null, winRecall: null, fnr: null });
    expect(disparity(input(f), { reference: 99 }).reference).toBeNull();
  });
});

describe('disparity helpers', () => {
  it('divides by zero to null and applies the 0.8–1.25 band inclusively', () => {
    expect(disparityRatio(0.3, 0)).toBeNull();
    expect(disparityRatio(0, 0)).toBeNull();
    expect(disparityRatio(null, 0.5)).toBeNull();
    expect(disparityRatio(0, 0.5)).toBe(0);
    expect(inParityBand(0.8)).toBe(true);
    expect(inParityBand(1.25)).toBe(true);
    expect(inParityBand(0.79)).toBe(false);
    expect(inParityBand(1.26)).toBe(false);
    expect(inParityBand(null)).toBeNull();
  });

  it('counts top tiers 0…cut and the bottom tier for fnr on a hand example', () => {
    // segment 0: 4 resolved (tiers 0,1,2,2), wins in tiers 0 and 2; segment 1: 2 resolved, no wins
    const d = disparity(
      {
        outcome: [1, 2, 2, 1, 2, 2, 0],
        tier: [0, 1, 2, 2, 0, 2, 0],
        tierCount: 3,
        segment: [0, 0, 0, 0, 1, 1, 1],
        labels: ['a', 'b'],
      },
      { cut: 1, includeTooFew: true },
    );
    expect(d.rows[0].values).toEqual({ selectionRate: 0.5, winRecall: 0.5, fnr: 0.5 });
    expect(d.rows[1].values).toEqual({ selectionRate: 0.5, winRecall: null, fnr: null });
    expect(d.reference).toBe(0);
    expect(d.between.selectionRate).toEqual({ difference: 0, ratio: 1, maxCode: 0, minCode: 0, groups: 2 });
    expect(d.between.winRecall.groups).toBe(1);
    expect(betweenGroups([], 'fnr')).toEqual({
      difference: null,
      ratio: null,
      maxCode: null,
      minCode: null,
      groups: 0,
    });
  });
});
