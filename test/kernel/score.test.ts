import { describe, expect, it } from 'vitest';
import { summarize, topTierWinShare } from '../../src/kernel/aggregate';
import type { RuleMatrix } from '../../src/kernel/matrix';
import { allocateScores, scoreAll, scoreOfPoints, tierOf } from '../../src/kernel/score';
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

describe('scoreAll against a per-lead reference', () => {
  // leads over several blocks, fractional (decayed) event counts, and every code of the tiny model's columns
  const n = 5000;
  let seed = 3;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const m: RuleMatrix = {
    n,
    caseCodes: [
      Uint8Array.from({ length: n }, () => Math.floor(rand() * 3)),
      Uint8Array.from({ length: n }, () => Math.floor(rand() * 3)),
      Uint8Array.from({ length: n }, () => (rand() < 0.05 ? 1 : 0)),
    ],
    eventCounts: [
      Float64Array.from({ length: n }, () => (rand() < 0.4 ? 0 : Math.floor(rand() * 8) / 3)),
      Float64Array.from({ length: n }, () => (rand() < 0.7 ? 0 : rand() * 2)),
    ],
  };

  /** Each lead on its own: METRICS.md's dimension points, subscores, score and tier, rule by rule. */
  function reference(plan: ReturnType<typeof compilePlan>) {
    const dims = plan.dimWeights.length;
    return Array.from({ length: n }, (_, i) => {
      const points = new Array<number>(dims).fill(0);
      let sunk = false;
      for (const r of plan.caseRules) {
        const code = m.caseCodes[r.column][i];
        if (r.disqualify) sunk ||= code !== 0;
        else points[r.dim] += r.points[code];
      }
      for (const r of plan.eventRules)
        points[r.dim] += r.perEvent * Math.min(m.eventCounts[r.column][i], r.cap);
      const score = scoreOfPoints(points, plan);
      return { score, tier: sunk ? plan.tierCount - 1 : tierOf(score, plan.thresholds, plan.tierCount) };
    });
  }

  function expectReference(plan: ReturnType<typeof compilePlan>) {
    const r = scoreAll(m, plan);
    const ref = reference(plan);
    expect(Array.from(r.score)).toEqual(ref.map((x) => x.score));
    expect(Array.from(r.tier)).toEqual(ref.map((x) => x.tier));
    plan.eventRules.forEach((rule, k) => {
      let total = 0;
      for (let i = 0; i < n; i++) total += rule.perEvent * Math.min(m.eventCounts[rule.column][i], rule.cap);
      expect(r.ruleStats.eventPoints[k]).toBeCloseTo(total, 9);
    });
  }

  it('gives every lead its own score and tier through cap and points edits (kept capped columns)', () => {
    const plan = compilePlan(tinyScenario());
    expectReference(plan);
    const edits: [number, number][] = [
      [2, 25],
      [2, 7.5],
      [0.5, 7.5],
      [1, 25],
      [2, 25],
    ];
    for (const [cap, perEvent] of edits) {
      const edited = {
        ...plan,
        eventRules: plan.eventRules.map((r, k) => (k === 0 ? { ...r, cap, perEvent } : r)),
      };
      expectReference(edited);
    }
  });

  it('assigns tiers as tierOf does for falling, equal, rising and NaN thresholds', () => {
    const plan = compilePlan(tinyScenario());
    // scores the tiny model gives exactly (100, 92, 80, 60, 40, 24) sit on some of these thresholds
    for (const thresholds of [
      [70, 30],
      [92, 40, 24],
      [60, 60],
      [30, 70],
      [80, NaN, 10],
      [100, 99.5, 0],
    ]) {
      expectReference({
        ...plan,
        thresholds: Float64Array.from(thresholds),
        tierCount: thresholds.length + 1,
      });
    }
  });
});

describe('summarize: the AUC of its one-pass class split', () => {
  it('equals a count of every won–lost pair, open leads left out', () => {
    let seed = 9;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [1, 2, 7, 300, 2500]) {
      const score = Float64Array.from({ length: n }, () => Math.floor(rand() * 40) / 4);
      const outcome = Uint8Array.from({ length: n }, () => Math.floor(rand() * 3));
      const tier = new Uint8Array(n);
      const scores = { score, tier, disqualified: new Uint8Array(n), subscores: [], ruleStats: s0 };
      let pairs = 0;
      let won = 0;
      let lost = 0;
      for (let i = 0; i < n; i++) {
        if (outcome[i] === 1) won++;
        if (outcome[i] === 2) lost++;
        for (let j = 0; j < n; j++)
          if (outcome[i] === 1 && outcome[j] === 2)
            pairs += score[i] > score[j] ? 1 : score[i] === score[j] ? 0.5 : 0;
      }
      const auc = summarize(scores, outcome, 3, null, 0).auc;
      expect(auc).toBe(won * lost > 0 ? pairs / (won * lost) : null);
    }
  });
});

const s0 = { caseFires: [], casePoints: [], eventFires: [], eventPoints: [] };
