import type { KernelPlan } from '../model/compile';
import { explainLead } from './explain';
import { OUTCOME, type RuleMatrix } from './matrix';
import { scoreOfPoints, tierOf, type Scores } from './score';

/** One rule's record against closed deals (issue 4's per-rule lift table), over the leads selected. */
export interface RuleLift {
  kind: 'case' | 'event';
  /** Index into plan.caseRules or plan.eventRules. */
  index: number;
  /** Resolved leads it fires on, and their wins. */
  fires: number;
  winsWith: number;
  /** Resolved leads it does not fire on, and their wins. */
  without: number;
  winsWithout: number;
  /** Conversion with and without the rule; null when the group is empty. */
  rateWith: number | null;
  rateWithout: number | null;
  /** rateWith / rateWithout; null when either is missing or the denominator is 0. */
  lift: number | null;
  /**
   * Wins in the bottom tier that would sit higher without this rule (only negative rules and
   * disqualifiers can push a lead down; 0 for the others).
   */
  pushedDown: number;
}

/**
 * Per rule: leads it fires on, conversion with vs without, and the won leads it pushed into the bottom
 * tier — over the resolved leads where `include[i]` is 1.
 */
export function ruleLift(
  m: RuleMatrix,
  plan: KernelPlan,
  scores: Scores,
  outcome: Uint8Array,
  include: Uint8Array,
): RuleLift[] {
  // the included resolved leads once, so each rule reads only them
  let resolved = 0;
  for (let i = 0; i < m.n; i++) if (include[i] && outcome[i] !== OUTCOME.open) resolved++;
  const lead = new Int32Array(resolved);
  const won = new Uint8Array(resolved);
  let wins = 0;
  for (let i = 0, k = 0; i < m.n; i++) {
    if (!include[i] || outcome[i] === OUTCOME.open) continue;
    lead[k] = i;
    won[k] = outcome[i] === OUTCOME.won ? 1 : 0;
    wins += won[k++];
  }
  const row = (kind: RuleLift['kind'], index: number, f: number, fw: number): RuleLift => {
    const without = resolved - f;
    const winsWithout = wins - fw;
    const rateWith = f > 0 ? fw / f : null;
    const rateWithout = without > 0 ? winsWithout / without : null;
    const lift = rateWith !== null && rateWithout !== null && rateWithout > 0 ? rateWith / rateWithout : null;
    return {
      kind,
      index,
      fires: f,
      winsWith: fw,
      without,
      winsWithout,
      rateWith,
      rateWithout,
      lift,
      pushedDown: 0,
    };
  };
  const rows = [
    ...plan.caseRules.map((r, k) => {
      const codes = m.caseCodes[r.column];
      let f = 0;
      let fw = 0;
      for (let j = 0; j < resolved; j++) {
        if (codes[lead[j]] === 0) continue;
        f++;
        fw += won[j];
      }
      return row('case', k, f, fw);
    }),
    ...plan.eventRules.map((r, k) => {
      const counts = m.eventCounts[r.column];
      let f = 0;
      let fw = 0;
      for (let j = 0; j < resolved; j++) {
        if (!(counts[lead[j]] > 0)) continue;
        f++;
        fw += won[j];
      }
      return row('event', k, f, fw);
    }),
  ];
  countPushedDown(m, plan, scores, outcome, include, rows);
  return rows;
}

/** For each won lead in the bottom tier: which negative rule or disqualifier alone kept it there. */
function countPushedDown(
  m: RuleMatrix,
  plan: KernelPlan,
  scores: Scores,
  outcome: Uint8Array,
  include: Uint8Array,
  rows: RuleLift[],
): void {
  const bottom = plan.tierCount - 1;
  const canPush =
    plan.caseRules.some((r) => r.disqualify || r.points.some((p) => p < 0)) ||
    plan.eventRules.some((r) => r.perEvent < 0);
  if (!canPush) return;
  const eventRow = plan.caseRules.length;
  const pushers = plan.caseRules.filter((r) => r.disqualify || r.points.some((p) => p < 0));
  const negativeEvents = plan.eventRules.filter((r) => r.perEvent < 0);
  const pushed = (i: number) =>
    pushers.some(
      (r) => m.caseCodes[r.column][i] !== 0 && (r.disqualify || r.points[m.caseCodes[r.column][i]] < 0),
    ) || negativeEvents.some((r) => m.eventCounts[r.column][i] > 0);
  for (let i = 0; i < m.n; i++) {
    if (!include[i] || outcome[i] !== OUTCOME.won || scores.tier[i] !== bottom || !pushed(i)) continue;
    const e = explainLead(m, plan, i);
    const dimPoints = e.dimensions.map((d) => d.points);
    if (e.disqualifiedBy.length === 1 && tierOf(e.score, plan.thresholds, plan.tierCount) !== bottom)
      rows[e.disqualifiedBy[0]].pushedDown++;
    if (e.disqualifiedBy.length > 0) continue;
    e.dimensions.forEach((d, dim) => {
      for (const c of d.rules) {
        if (c.points >= 0) continue;
        const points = dimPoints.slice();
        points[dim] -= c.points;
        if (tierOf(scoreOfPoints(points, plan), plan.thresholds, plan.tierCount) !== bottom)
          rows[c.kind === 'case' ? c.index : eventRow + c.index].pushedDown++;
      }
    });
  }
}
