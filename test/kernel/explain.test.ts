import { describe, expect, it } from 'vitest';
import { explainLead } from '../../src/kernel/explain';
import type { RuleMatrix } from '../../src/kernel/matrix';
import { scoreAll } from '../../src/kernel/score';
import { compilePlan } from '../../src/model/compile';
import { tinyScenario } from '../features/tinyScenario';

// the hand-made leads of score.test.ts (fit max 50, behaviour max 25; weights 40 / 60; tiers A ≥ 70 > B ≥ 30 > C)
const m: RuleMatrix = {
  n: 6,
  caseCodes: [
    Uint8Array.of(1, 0, 2, 0, 1, 1),
    Uint8Array.of(1, 2, 1, 0, 2, 1),
    Uint8Array.of(0, 1, 0, 0, 0, 0),
  ],
  eventCounts: [Float64Array.of(1, 0, 1, 0, 0, 0), Float64Array.of(0, 1, 0, 0, 0, 0)],
};
const plan = compilePlan(tinyScenario());

describe('explainLead', () => {
  it('takes a score apart into rule contributions that add up to it', () => {
    const scores = scoreAll(m, plan);
    for (let i = 0; i < m.n; i++) {
      const e = explainLead(m, plan, i);
      expect(e.score).toBeCloseTo(scores.score[i], 12);
      expect(e.tier).toBe(scores.tier[i]);
      const units = e.dimensions.reduce(
        (s, d) => s + d.rules.reduce((t, r) => t + r.scoreUnits, 0) + d.clampAdjustment,
        0,
      );
      expect(units).toBeCloseTo(e.score, 9);
    }
  });

  it('L3 (Manufacturing, decision maker, one demo): 20 + 20 fit points → 80, behaviour 25 → 100, score 92', () => {
    const e = explainLead(m, plan, 2);
    expect(e.dimensions[0]).toMatchObject({ points: 40, max: 50, subscore: 80 });
    // each fit point is worth 40/100 × 100/50 = 0.8 score units; each behaviour point 60/100 × 100/25 = 2.4
    expect(e.dimensions[0].rules.map((r) => r.scoreUnits)).toEqual([16, 16]);
    expect(e.dimensions[1].rules.map((r) => [r.count, r.counted, r.points, r.scoreUnits])).toEqual([
      [1, 1, 25, 60],
      [0, 0, -0, -0],
    ]);
    expect(e.score).toBe(92);
    expect(e.move).toEqual({ kind: 'top' });
  });

  it('finds the fewest extra events that reach the next tier, or says why none can', () => {
    // L6: Software + decision maker (fit 100 → 40 score units), no behaviour: score 40, tier B.
    // One demo adds 25 behaviour points = 60 score units → 100 ≥ 70: tier A with one event.
    expect(explainLead(m, plan, 5).move).toEqual({ kind: 'events', rule: 0, events: 1, score: 100, tier: 0 });
    // L2 is disqualified by the Government rule (case rule 2)
    expect(explainLead(m, plan, 1).move).toEqual({ kind: 'disqualified', rules: [2] });
    // L4 (C, no points at all): one demo gives 60 score units ≥ B's 30 → tier B with one event
    expect(explainLead(m, plan, 3).move).toMatchObject({ kind: 'events', events: 1, tier: 1 });
  });

  it('reports an unreachable tier when even every behaviour at its cap falls short', () => {
    const p = compilePlan(tinyScenario());
    p.thresholds = Float64Array.of(99, 30);
    // L5 (Software, not a decision maker: fit 30/50 → 24 score units) sits in C; the next tier up is B
    // (30), which one demo reaches (24 + 60 = 84); with B at 90 even that is not enough → unreachable
    expect(explainLead(m, p, 4).move).toEqual({ kind: 'events', rule: 0, events: 1, score: 84, tier: 1 });
    expect(explainLead(m, p, 5).move).toEqual({ kind: 'events', rule: 0, events: 1, score: 100, tier: 0 });
    const p2 = compilePlan(tinyScenario());
    p2.thresholds = Float64Array.of(99, 90);
    expect(explainLead(m, p2, 4).move).toEqual({ kind: 'unreachable', bestScore: 84, target: 90 });
  });
});
