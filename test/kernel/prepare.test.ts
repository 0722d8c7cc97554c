import { describe, expect, it } from 'vitest';
import type { KernelPlan } from '../../src/model/compile';
import type { RuleMatrix } from '../../src/kernel/matrix';
import { prepareMatrix } from '../../src/kernel/prepare';
import { scoreAll } from '../../src/kernel/score';

/** A seeded generator so the random fixture is the same on every run. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** METRICS.md's score written out lead by lead, the plainest possible way, as the reference. */
function referenceScore(m: RuleMatrix, plan: KernelPlan, i: number): { score: number; tier: number } {
  const dims = plan.dimWeights.length;
  const points = new Array<number>(dims).fill(0);
  let dq = false;
  plan.caseRules.forEach((r, k) => {
    const code = m.caseCodes[k][i];
    if (r.disqualify) dq ||= code !== 0;
    else points[r.dim] += r.points[code];
  });
  plan.eventRules.forEach((r, k) => (points[r.dim] += r.perEvent * Math.min(m.eventCounts[k][i], r.cap)));
  let weighted = 0;
  let weights = 0;
  for (let d = 0; d < dims; d++) {
    const max = plan.dimMax[d];
    const sub = max > 0 ? (Math.min(Math.max(points[d], 0), max) / max) * 100 : 0;
    weighted += plan.dimWeights[d] * sub;
    weights += plan.dimWeights[d];
  }
  const score = weights > 0 ? weighted / weights : 0;
  let tier = plan.tierCount - 1;
  if (!dq) for (let t = plan.thresholds.length - 1; t >= 0; t--) if (score >= plan.thresholds[t]) tier = t;
  return { score, tier };
}

describe('prepared matrix (pattern groups + sparse events)', () => {
  const rand = lcg(7);
  const n = 5000;
  // 8 case rules of 9 cases in dimension 0: 10^8 combinations, so they must split into several groups
  const caseRules = Array.from({ length: 8 }, (_, k) => ({
    dim: k % 4 === 3 ? 1 : 0,
    column: k,
    points: Float64Array.from({ length: 10 }, (_, c) => (c === 0 ? 0 : Math.round(rand() * 40 - 10))),
    disqualify: k === 5,
  }));
  const eventRules = Array.from({ length: 5 }, (_, k) => ({
    dim: 2,
    column: k,
    events: [`type${k}`],
    decay: { kind: 'none' } as const,
    perEvent: k === 4 ? -7 : 3 + k,
    cap: 1 + k,
  }));
  const plan: KernelPlan = {
    dimWeights: Float64Array.of(40, 25, 60),
    dimMax: Float64Array.of(120, 50, 60),
    caseRules,
    eventRules,
    thresholds: Float64Array.of(70, 45, 20),
    tierCount: 4,
  };
  const m: RuleMatrix = {
    n,
    caseCodes: caseRules.map(() => Uint8Array.from({ length: n }, () => Math.floor(rand() * 10))),
    eventCounts: eventRules.map(() =>
      Float64Array.from({ length: n }, () => (rand() < 0.3 ? Math.round(rand() * 8) / 2 : 0)),
    ),
  };

  it('splits large rule sets into groups of at most 65,536 patterns, per dimension', () => {
    const pm = prepareMatrix(m, plan);
    for (const g of pm.groups) expect(g.radix.reduce((a, b) => a * b, 1)).toBeLessThanOrEqual(65536);
    expect(pm.groups.filter((g) => g.dim === 0).length).toBeGreaterThan(1);
    expect(pm.groups.flatMap((g) => g.rules).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pm.events[0].index.length).toBe(Array.from(m.eventCounts[0]).filter((v) => v !== 0).length);
  });

  it('scores every lead exactly as the lead-by-lead reference', () => {
    const s = scoreAll(m, plan);
    for (let i = 0; i < n; i++) {
      const ref = referenceScore(m, plan, i);
      expect(s.score[i]).toBeCloseTo(ref.score, 9);
      expect(s.tier[i]).toBe(ref.tier);
    }
    expect(new Set(s.tier).size).toBeGreaterThanOrEqual(3);
  });

  it('re-prepares when the structure changes and not when points change', () => {
    const first = scoreAll(m, plan).score.slice();
    const changed = {
      ...plan,
      caseRules: plan.caseRules.map((r, k) => (k === 0 ? { ...r, points: r.points.map((p) => p * 2) } : r)),
    };
    const second = scoreAll(m, changed);
    expect(Array.from(second.score)).not.toEqual(Array.from(first));
    for (let i = 0; i < 50; i++) expect(second.score[i]).toBeCloseTo(referenceScore(m, changed, i).score, 9);
  });
});
