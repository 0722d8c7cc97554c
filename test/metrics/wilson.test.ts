import { describe, expect, it } from 'vitest';
import { WILSON_Z, wilsonInterval } from '../../src/metrics/wilson';
import { golden } from './accuracyGolden';

describe('wilsonInterval', () => {
  // scipy's binomtest(...).proportion_ci('wilson') uses z = 1.959963984…; METRICS.md fixes 1.959964,
  // a difference of ~1e−9 in the bounds
  it.each(golden.wilson.map((w) => [`${w.wins}/${w.n}`, w] as const))('%s against scipy', (_, w) => {
    const ci = wilsonInterval(w.wins, w.n)!;
    expect(Math.abs(ci.low - w.low)).toBeLessThan(1e-7);
    expect(Math.abs(ci.high - w.high)).toBeLessThan(1e-7);
  });

  it('follows the METRICS.md formula with z = 1.959964', () => {
    const z = WILSON_Z;
    const [k, n] = [3, 10];
    const ph = k / n;
    const half = z * Math.sqrt((ph * (1 - ph)) / n + (z * z) / (4 * n * n));
    const ci = wilsonInterval(k, n)!;
    expect(ci.low).toBeCloseTo((ph + (z * z) / (2 * n) - half) / (1 + (z * z) / n), 15);
    expect(ci.high).toBeCloseTo((ph + (z * z) / (2 * n) + half) / (1 + (z * z) / n), 15);
  });

  it('is null for n = 0 and stays inside [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    const zero = wilsonInterval(0, 5)!;
    const all = wilsonInterval(5, 5)!;
    expect(zero.low).toBe(0);
    expect(all.high).toBe(1);
  });
});
