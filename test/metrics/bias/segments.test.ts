import { describe, expect, it } from 'vitest';
import { segmentBias } from '../../../src/metrics/bias/segments';
import { compareSegments, golden, type GoldenFixture } from './golden';

function input(f: GoldenFixture) {
  return {
    p: Float64Array.from(f.p),
    outcome: Uint8Array.from(f.outcome),
    segment: Int32Array.from(f.segment),
    labels: f.labels,
    missingCode: f.missingCode ?? undefined,
    scores: Float64Array.from(f.scores),
  };
}

describe('segmentBias against pandas/scipy/sklearn (test/golden/make_bias_golden.py)', () => {
  it.each(golden.fixtures.map((f) => [f.name, f] as const))('%s', (_, f) => {
    compareSegments(segmentBias(input(f)), f.segments);
  });

  it('finds the two planted effects in the 5000-lead fixture and nothing else', () => {
    const f = golden.fixtures.find((g) => g.name.startsWith('5000'))!;
    const r = segmentBias(input(f));
    const flagged = r.rows.filter((x) => x.flag !== 'none').map((x) => [x.label, x.flag]);
    expect(flagged).toEqual([
      ['Referral', 'under'],
      ['Cold Outreach', 'over'],
    ]);
  });

  it('keeps too-few segments out of the BH family but still reports their raw z and p', () => {
    const f = golden.fixtures.find((g) => g.name.startsWith('700'))!;
    const r = segmentBias(input(f));
    const energy = r.rows.find((x) => x.label === 'Energy')!;
    expect(energy.flag).toBe('too-few');
    expect(energy.z).not.toBeNull();
    expect(energy.p).not.toBeNull();
    expect(energy.pAdjusted).toBeNull();
    expect(r.family).toBe(2);
    // the dedicated missing code is summarised apart, the empty segment is all nulls
    expect(r.rows.some((x) => x.label === '(blank)')).toBe(false);
    const empty = r.rows.find((x) => x.label === 'Education')!;
    expect([empty.actual, empty.actualCi, empty.expected, empty.gap, empty.oe, empty.z, empty.p]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('gives null, never NaN or ∞, when Σp(1−p) or Σp is 0', () => {
    const r = segmentBias({
      p: [0, 0, 0, 1, 1],
      outcome: [1, 2, 2, 1, 0],
      segment: [0, 0, 0, 1, 1],
      labels: ['zero p', 'one p'],
    });
    expect(r.rows[0].z).toBeNull();
    expect(r.rows[0].oe).toBeNull();
    expect(r.rows[0].p).toBeNull();
    expect(r.rows[1].z).toBeNull();
    expect(r.rows[1].oe).toBe(1);
    expect(r.rows[1].leads).toBe(2);
    for (const row of r.rows)
      for (const v of Object.values(row)) if (typeof v === 'number') expect(isFinite(v)).toBe(true);
  });

  it('handles a million leads in 50 segments in one pass', () => {
    const n = 1_000_000;
    const p = new Float64Array(n);
    const outcome = new Uint8Array(n);
    const segment = new Uint16Array(n);
    const scores = new Float64Array(n);
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (let i = 0; i < n; i++) {
      segment[i] = i % 50;
      scores[i] = Math.round(rand() * 100);
      p[i] = 1 / (1 + Math.exp(-(scores[i] - 60) / 10));
      const r = rand();
      outcome[i] = r < 0.3 ? 0 : rand() < p[i] ? 1 : 2;
    }
    const labels = Array.from({ length: 50 }, (_, i) => `s${i}`);
    const t0 = performance.now();
    const r = segmentBias({ p, outcome, segment, labels, scores });
    const ms = performance.now() - t0;
    expect(r.rows).toHaveLength(50);
    expect(r.rows.reduce((s, x) => s + x.leads, 0)).toBe(n);
    expect(r.rows.every((x) => x.auc !== null && x.auc > 0.6)).toBe(true);
    expect(ms).toBeLessThan(5000);
  });
});
