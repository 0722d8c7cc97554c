import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  erfc,
  normalCdf,
  twoSidedP,
  wilsonInterval,
  WILSON_Z,
} from '../../../src/metrics/bias/stats';
import { expectClose, golden } from './golden';

describe('normal tail against scipy (test/golden/make_bias_golden.py)', () => {
  it.each(golden.erfc.map((g) => [g.x, g.erfc] as const))('erfc(%s)', (x, expected) => {
    const got = erfc(x);
    expect(Math.abs(got - expected) / expected).toBeLessThanOrEqual(1e-12);
  });

  it.each(golden.normal.map((g) => [g.z, g] as const))('z = %s: two-sided p and Φ', (z, g) => {
    const p = twoSidedP(z)!;
    expect(Math.abs(p - g.p)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(p - g.p) / g.p).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(normalCdf(z) - g.cdf)).toBeLessThanOrEqual(1e-15);
    if (g.cdf > 0) expect(Math.abs(normalCdf(z) - g.cdf) / g.cdf).toBeLessThanOrEqual(1e-12);
  });

  it('has the edge values of a p-value', () => {
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(Infinity)).toBe(0);
    expect(twoSidedP(-Infinity)).toBe(0);
    expect(twoSidedP(null)).toBeNull();
    expect(twoSidedP(NaN)).toBeNull();
    expect(twoSidedP(-1.5)).toBe(twoSidedP(1.5));
  });
});

describe('Benjamini–Hochberg against the textbook definition (golden)', () => {
  it.each(golden.bh.map((g, i) => [i, g] as const))('case %i', (_, g) => {
    const adj = benjaminiHochberg(g.p);
    expect(adj.length).toBe(g.p.length);
    g.adjusted.forEach((a, i) => expectClose(adj[i], a, `p[${i}]`, 1e-15));
  });

  it('is empty for an empty family, never exceeds 1, and keeps ties equal', () => {
    expect(benjaminiHochberg([]).length).toBe(0);
    // m·p/rank in floating point, as statsmodels: 3 × 0.95 / 3 = 0.9499999999999998
    for (const a of benjaminiHochberg([0.9, 0.8, 0.95])) expect(a).toBeCloseTo(0.95, 15);
    for (const a of benjaminiHochberg([0.5, 1, 1])) expect(a).toBeLessThanOrEqual(1);
    const adj = benjaminiHochberg([0.04, 0.01, 0.04]);
    expect(adj[0]).toBe(adj[2]);
    expect(adj[1]).toBeCloseTo(0.03, 15);
  });
});

describe('Wilson interval (METRICS.md, z = 1.959964)', () => {
  it('matches the formula on a worked value and is null at n = 0', () => {
    // 7/20: scipy binomtest(7, 20).proportion_ci('wilson') = (0.18119…, 0.56714…) with z = 1.95996398…
    const ci = wilsonInterval(7, 20)!;
    expect(ci.low).toBeCloseTo(0.1811918, 6);
    expect(ci.high).toBeCloseTo(0.5671457, 6);
    expect(WILSON_Z).toBe(1.959964);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('stays in [0, 1] at 0 and n wins', () => {
    const zero = wilsonInterval(0, 12)!;
    const all = wilsonInterval(12, 12)!;
    expect(zero.low).toBe(0);
    expect(zero.high).toBeGreaterThan(0);
    expect(all.high).toBe(1);
    expect(all.low).toBeLessThan(1);
  });
});
