import { describe, expect, it } from 'vitest';
import { funnelByTier } from '../../src/kernel/funnel';
import { roiOf } from '../../src/kernel/roi';
import type { Scores } from '../../src/kernel/score';

describe('funnelByTier', () => {
  // six leads: tiers A A B B B C; steps none, deal, won, deal, none, won; stages 0/1 or none
  const tier = Uint8Array.of(0, 0, 1, 1, 1, 2);
  const deals = {
    step: Uint8Array.of(0, 1, 2, 1, 0, 2),
    stage: Int32Array.of(-1, 0, 1, 0, -1, 1),
    stageCount: 2,
  };

  it('counts leads, deals, wins and latest stages per tier', () => {
    expect(funnelByTier(tier, deals, 3)).toEqual([
      { leads: 2, deal: 1, won: 0, stages: [1, 0] },
      { leads: 3, deal: 2, won: 1, stages: [1, 1] },
      { leads: 1, deal: 1, won: 1, stages: [0, 1] },
    ]);
  });

  it('gives empty rows to tiers without leads and skips tiers beyond the count', () => {
    expect(funnelByTier(tier, deals, 2)[1].leads).toBe(3);
    expect(funnelByTier(Uint8Array.of(0, 0, 0, 0, 0, 0), deals, 3)[2]).toEqual({
      leads: 0,
      deal: 0,
      won: 0,
      stages: [0, 0],
    });
  });

  it('comes with the ROI result when the deal steps were sent, not otherwise', () => {
    const scores = { tier, score: Float64Array.of(90, 80, 50, 40, 35, 10) } as unknown as Scores;
    const data = {
      key: 'k',
      quarter: new Int32Array(6),
      labels: ['2025 Q1'],
      amount: new Float64Array(6),
      daysToWin: new Float64Array(6).fill(NaN),
    };
    const options = {
      key: 'k',
      costPerLead: [0, 0, 0],
      marginPct: 100,
      fixedPerQuarter: 0,
      capacity: null,
      cut: 1,
    };
    const outcome = Uint8Array.of(0, 0, 1, 0, 0, 1);
    expect(roiOf({ ...data, deals }, scores, outcome, 3, options).funnel![1].won).toBe(1);
    expect(roiOf(data, scores, outcome, 3, options).funnel).toBeNull();
  });
});
