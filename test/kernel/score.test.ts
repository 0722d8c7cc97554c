import { describe, expect, it } from 'vitest';
import { summarize, topTierWinShare } from '../../src/kernel/aggregate';
import type { RuleMatrix } from '../../src/kernel/matrix';
import { allocateScores, scoreAll, tierOf } from '../../src/kernel/score';
import { compilePlan } from '../../src/model/compile';
import { tinyScenario } from '../features/tinyScenario';

/**
 * The hand-made fixture's leads under the tiny model (decay none). fit max = 30 + 20 = 50,
 * behaviour max = 25 · 1 = 25 (the unsubscribe rule is negative, so it adds nothing to the max).
 *  L1 Software, DM yes, 1 demo  : fit 50 → 100, beh 25 → 100, score (40·100 + 60·100)/100 = 100 → A
 *  L2 Government, DM no, unsub  : disqualified; fit 0, beh −20 → 0, score 0 → C
 *  L3 Manufacturing, DM yes, 1 demo: fit 40 → 80, beh 100, score (3200 + 6000)/100 = 92 → A
 *  L4 Retail, DM unknown        : 0 → C
 *  L5 Software, DM no           : fit 30 → 60, score 2400/100 = 24 → C
 *  L6 Software, DM yes          : fit 100, beh 0, score 40 → B
 */
const matrix: RuleMatrix = {
  n: 6,
  caseCodes: [
    Uint8Array.from([1, 0, 2, 0, 1, 1]),
    Uint8Array.from([1, 2, 1, 0, 2, 1]),
    Uint8Array.from([0, 1, 0, 0, 0, 0]),
  ],
  eventCounts: [Float64Array.from([1, 0, 1, 0, 0, 0]), Float64Array.from([0, 1, 0, 0, 0, 0])],
};

describe('scoreAll', () => {
  const plan = compilePlan(tinyScenario());
  const s = scoreAll(matrix, plan);

  it('computes dimension subscores and weighted scores as METRICS.md defines them', () => {
    expect(Array.from(s.subscores[0])).toEqual([100, 0, 80, 0, 60, 100]);
    expect(Array.from(s.subscores[1])).toEqual([100, 0, 100, 0, 0, 0]);
    expect(Array.from(s.score)).toEqual([100, 0, 92, 0, 24, 40]);
  });

  it('puts disqualified leads in the lowest tier and keeps their score', () => {
    expect(Array.from(s.tier)).toEqual([0, 2, 0, 2, 2, 1]);
    expect(Array.from(s.disqualified)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('caps event counts and lets a disqualifier sink even a top score', () => {
    const m: RuleMatrix = {
      n: 1,
      caseCodes: [Uint8Array.of(1), Uint8Array.of(1), Uint8Array.of(1)],
      eventCounts: [Float64Array.of(7), Float64Array.of(0)],
    };
    const r = scoreAll(m, plan);
    expect(r.score[0]).toBe(100);
    expect(r.tier[0]).toBe(2);
  });

  it('moves tiers when a weight changes (behaviour 0 → fit alone decides)', () => {
    const p = compilePlan(tinyScenario());
    p.dimWeights[1] = 0;
    const r = scoreAll(matrix, p);
    expect(Array.from(r.score)).toEqual([100, 0, 80, 0, 60, 100]);
    expect(Array.from(r.tier)).toEqual([0, 2, 0, 2, 1, 0]);
  });

  it('reports per rule the leads it fires on and the points it adds in total', () => {
    // industry: Software ×3 (30) + Manufacturing ×1 (20) = 110 on 4 leads; decision maker: yes ×3 (20), no ×2 (0)
    // = 60 on 5 leads; the disqualifier fires on 1 and adds nothing; demo 2 × 25; unsubscribe 1 × −20
    expect(s.ruleStats).toEqual({
      caseFires: [4, 5, 1],
      casePoints: [110, 60, 0],
      eventFires: [2, 1],
      eventPoints: [50, -20],
    });
  });

  it('reuses a dimension only while its rules are unchanged: every edit scores as a fresh matrix would', () => {
    const fresh = (p: typeof plan) =>
      scoreAll({ ...matrix, caseCodes: matrix.caseCodes.map((c) => c.slice()) }, p);
    const edits = [
      (p: typeof plan) => (p.dimWeights[0] = 10),
      (p: typeof plan) => (p.caseRules[0].points[2] = 5),
      (p: typeof plan) => (p.eventRules[0].perEvent = 5),
      (p: typeof plan) => (p.eventRules[1].cap = 3),
      (p: typeof plan) => (p.caseRules[2].disqualify = false),
      () => undefined,
    ];
    for (const edit of edits) {
      const p = compilePlan(tinyScenario());
      edit(p);
      const cached = scoreAll(matrix, p);
      const expected = fresh(p);
      expect(Array.from(cached.score)).toEqual(Array.from(expected.score));
      expect(Array.from(cached.tier)).toEqual(Array.from(expected.tier));
      expect(Array.from(cached.disqualified)).toEqual(Array.from(expected.disqualified));
      expect(cached.subscores.map((x) => Array.from(x))).toEqual(
        expected.subscores.map((x) => Array.from(x)),
      );
      expect(cached.ruleStats).toEqual(expected.ruleStats);
    }
    // the unchanged plan after all edits still gives the fixture's hand-computed scores
    expect(Array.from(scoreAll(matrix, compilePlan(tinyScenario())).score)).toEqual([100, 0, 92, 0, 24, 40]);
  });

  it('writes every element of the arrays it is given (a pool hands back old results)', () => {
    // all bits set: an element left unwritten would stay NaN (Float64/Float32) or 255
    const dirty = allocateScores(matrix.n, plan.dimWeights.length, (bytes) => {
      const b = new ArrayBuffer(bytes);
      new Uint8Array(b).fill(0xff);
      return b;
    });
    const r = scoreAll(matrix, plan, dirty);
    expect(Array.from(r.score)).toEqual(Array.from(s.score));
    expect(Array.from(r.tier)).toEqual(Array.from(s.tier));
    expect(Array.from(r.disqualified)).toEqual(Array.from(s.disqualified));
    expect(r.subscores.map((x) => Array.from(x))).toEqual(s.subscores.map((x) => Array.from(x)));
  });

  it('tierOf uses ≥ at each threshold', () => {
    const t = Float64Array.of(70, 30);
    expect([tierOf(70, t, 3), tierOf(69.999, t, 3), tierOf(30, t, 3), tierOf(29.9, t, 3)]).toEqual([
      0, 1, 1, 2,
    ]);
  });
});

describe('summarize', () => {
  it('counts tiers, outcomes per tier, histogram bins and tier by segment in one pass', () => {
    const s = scoreAll(matrix, compilePlan(tinyScenario()));
    const outcome = Uint8Array.from([1, 2, 1, 0, 0, 0]);
    const segment = Int32Array.from([0, 1, 0, 1, 0, 0]);
    const sum = summarize(s, outcome, 3, segment, 2);
    expect(sum.tierCounts).toEqual([2, 1, 3]);
    expect(sum.tierOutcomes).toEqual([
      [0, 2, 0],
      [1, 0, 0],
      [2, 0, 1],
    ]);
    expect(sum.disqualified).toBe(1);
    // scores 100, 0, 92, 0, 24, 40 → bins 49 (100 is clamped into the last), 0, 46, 0, 12, 20
    const nonEmpty = sum.histogram.flatMap((c, b) => (c > 0 ? [[b, c]] : []));
    expect(nonEmpty).toEqual([
      [0, 2],
      [12, 1],
      [20, 1],
      [46, 1],
      [49, 1],
    ]);
    // won L1 (100) and L3 (92) both above lost L2 (0); the open leads do not count
    expect(sum.auc).toBe(1);
    expect(topTierWinShare(sum)).toBe(1);
    expect(sum.segmentTiers).toEqual([
      [2, 1, 1],
      [0, 0, 2],
    ]);
  });
});
