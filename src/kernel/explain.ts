import type { KernelPlan } from '../model/compile';
import type { RuleMatrix } from './matrix';
import { scoreOfPoints, subscore, tierOf } from './score';

/** One lead's score taken apart: every rule's contribution, per dimension, in points and in score units. */
export interface RuleContribution {
  /** 'case' → index into plan.caseRules; 'event' → index into plan.eventRules. */
  kind: 'case' | 'event';
  index: number;
  /** Case rules: the matched case (0 = none). */
  code: number;
  /** Event rules: the decay-weighted event count, and what the cap let through. */
  count: number;
  counted: number;
  points: number;
  /** points × the dimension's weight share × 100 / its max: what the rule adds to the score before clamping. */
  scoreUnits: number;
}
export interface DimensionExplanation {
  points: number;
  max: number;
  subscore: number;
  /** Score units the clamp to [0, max] removed (negative) or gave back (positive). */
  clampAdjustment: number;
  rules: RuleContribution[];
}
export interface Explanation {
  lead: number;
  score: number;
  tier: number;
  /** Case-rule indices of the disqualifiers that fired. */
  disqualifiedBy: number[];
  dimensions: DimensionExplanation[];
  move: TierMove;
}

/** The smallest change in the lead's behaviour that reaches the next tier up, or why none does. */
export type TierMove =
  | { kind: 'top' }
  | { kind: 'disqualified'; rules: number[] }
  | { kind: 'events'; rule: number; events: number; score: number; tier: number }
  | { kind: 'several'; score: number }
  | { kind: 'unreachable'; bestScore: number; target: number };

export function explainLead(m: RuleMatrix, plan: KernelPlan, lead: number): Explanation {
  const dims = plan.dimWeights.length;
  const weightSum = plan.dimWeights.reduce((a, b) => a + b, 0);
  const unit = (d: number) =>
    weightSum > 0 && plan.dimMax[d] > 0 ? ((plan.dimWeights[d] / weightSum) * 100) / plan.dimMax[d] : 0;
  const rulesByDim: RuleContribution[][] = Array.from({ length: dims }, () => []);
  const disqualifiedBy: number[] = [];
  plan.caseRules.forEach((rule, index) => {
    const code = m.caseCodes[rule.column][lead];
    if (rule.disqualify) {
      if (code !== 0) disqualifiedBy.push(index);
      return;
    }
    const points = rule.points[code];
    rulesByDim[rule.dim].push({
      kind: 'case',
      index,
      code,
      count: 0,
      counted: 0,
      points,
      scoreUnits: points * unit(rule.dim),
    });
  });
  plan.eventRules.forEach((rule, index) => {
    const count = m.eventCounts[rule.column][lead];
    const counted = Math.min(count, rule.cap);
    const points = rule.perEvent * counted;
    rulesByDim[rule.dim].push({
      kind: 'event',
      index,
      code: 0,
      count,
      counted,
      points,
      scoreUnits: points * unit(rule.dim),
    });
  });
  const dimPoints = rulesByDim.map((rules) => rules.reduce((s, r) => s + r.points, 0));
  const dimensions = rulesByDim.map((rules, d) => {
    const max = plan.dimMax[d];
    const points = dimPoints[d];
    const sub = subscore(points, max);
    const raw = rules.reduce((s, r) => s + r.scoreUnits, 0);
    const actual = weightSum > 0 ? (plan.dimWeights[d] / weightSum) * sub : 0;
    return { points, max, subscore: sub, clampAdjustment: actual - raw, rules };
  });
  const score = scoreOfPoints(dimPoints, plan);
  const tier = disqualifiedBy.length ? plan.tierCount - 1 : tierOf(score, plan.thresholds, plan.tierCount);
  return {
    lead,
    score,
    tier,
    disqualifiedBy,
    dimensions,
    move: nextTierMove(plan, dimPoints, tier, disqualifiedBy, m, lead),
  };
}

/** Fresh events (weight 1, no decay yet) of one positive behaviour rule, fewest first. */
function nextTierMove(
  plan: KernelPlan,
  dimPoints: number[],
  tier: number,
  disqualifiedBy: number[],
  m: RuleMatrix,
  lead: number,
): TierMove {
  if (disqualifiedBy.length) return { kind: 'disqualified', rules: disqualifiedBy };
  if (tier === 0) return { kind: 'top' };
  const target = plan.thresholds[tier - 1];
  let best: TierMove | null = null;
  plan.eventRules.forEach((rule, index) => {
    if (rule.perEvent <= 0) return;
    const room = rule.cap - Math.min(m.eventCounts[rule.column][lead], rule.cap);
    for (let k = 1; k <= Math.ceil(room); k++) {
      const added = Math.min(k, room);
      const points = dimPoints.slice();
      points[rule.dim] += rule.perEvent * added;
      const score = scoreOfPoints(points, plan);
      if (score >= target) {
        if (!best || best.kind !== 'events' || k < best.events)
          best = {
            kind: 'events',
            rule: index,
            events: k,
            score,
            tier: tierOf(score, plan.thresholds, plan.tierCount),
          };
        return;
      }
    }
  });
  if (best) return best;
  // every positive behaviour rule at its cap at once
  const maxed = dimPoints.slice();
  plan.eventRules.forEach((rule) => {
    if (rule.perEvent > 0)
      maxed[rule.dim] += rule.perEvent * (rule.cap - Math.min(m.eventCounts[rule.column][lead], rule.cap));
  });
  const bestScore = scoreOfPoints(maxed, plan);
  return bestScore >= target
    ? { kind: 'several', score: bestScore }
    : { kind: 'unreachable', bestScore, target };
}
