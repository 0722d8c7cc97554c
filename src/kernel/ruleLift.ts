import type { KernelPlan } from '../model/compile';
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
  const { resolved, wins, wonLeads, firesOf } = selectionOf(include, outcome);
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
      const { fires, wins: fw } = firesOf(m.caseCodes[r.column]);
      return row('case', k, fires, fw);
    }),
    ...plan.eventRules.map((r, k) => {
      const { fires, wins: fw } = firesOf(m.eventCounts[r.column]);
      return row('event', k, fires, fw);
    }),
  ];
  countPushedDown(m, plan, scores, wonLeads, rows);
  return rows;
}

interface Selection {
  resolved: number;
  wins: number;
  /** The included won leads, ascending. */
  wonLeads: Int32Array;
  /** Included resolved leads where a column is nonzero (the rule fires), and their wins; cached per column. */
  firesOf: (column: Uint8Array | Float64Array) => { fires: number; wins: number };
}

/**
 * The included resolved leads, and per rule column the leads it fires on: these depend on the window and
 * the rule's condition (its column), never on points, caps or weights, so a re-score reuses them.
 */
const selections = new WeakMap<Uint8Array, WeakMap<Uint8Array, Selection>>();

function selectionOf(include: Uint8Array, outcome: Uint8Array): Selection {
  let byOutcome = selections.get(include);
  if (!byOutcome) selections.set(include, (byOutcome = new WeakMap()));
  let selection = byOutcome.get(outcome);
  if (selection) return selection;
  let resolved = 0;
  for (let i = 0; i < include.length; i++) if (include[i] && outcome[i] !== OUTCOME.open) resolved++;
  const lead = new Int32Array(resolved);
  const won = new Uint8Array(resolved);
  let wins = 0;
  for (let i = 0, k = 0; i < include.length; i++) {
    if (!include[i] || outcome[i] === OUTCOME.open) continue;
    lead[k] = i;
    won[k] = outcome[i] === OUTCOME.won ? 1 : 0;
    wins += won[k++];
  }
  const fired = new WeakMap<Uint8Array | Float64Array, { fires: number; wins: number }>();
  const firesOf = (column: Uint8Array | Float64Array) => {
    let f = fired.get(column);
    if (!f) {
      f = { fires: 0, wins: 0 };
      for (let j = 0; j < resolved; j++) {
        if (!(column[lead[j]] > 0)) continue;
        f.fires++;
        f.wins += won[j];
      }
      fired.set(column, f);
    }
    return f;
  };
  const wonLeads = new Int32Array(wins);
  for (let j = 0, k = 0; j < resolved; j++) if (won[j]) wonLeads[k++] = lead[j];
  selection = { resolved, wins, wonLeads, firesOf };
  byOutcome.set(outcome, selection);
  return selection;
}

/** For each won lead in the bottom tier: which negative rule or disqualifier alone kept it there. */
function countPushedDown(
  m: RuleMatrix,
  plan: KernelPlan,
  scores: Scores,
  wonLeads: Int32Array,
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
  const dims = plan.dimWeights.length;
  const dimPoints = new Array<number>(dims).fill(0);
  const without = new Array<number>(dims).fill(0);
  // a lead's negative contributions, in explainLead's order (case rules, then event rules): row and points
  const negativeRow: number[] = [];
  const negativeDim: number[] = [];
  const negativePoints: number[] = [];
  const noteNegative = (row: number, dim: number, points: number) => {
    negativeRow.push(row);
    negativeDim.push(dim);
    negativePoints.push(points);
  };
  for (const i of wonLeads) {
    if (scores.tier[i] !== bottom || !pushed(i)) continue;
    dimPoints.fill(0);
    negativeRow.length = 0;
    negativeDim.length = 0;
    negativePoints.length = 0;
    let disqualifiers = 0;
    let disqualifier = -1;
    plan.caseRules.forEach((rule, index) => {
      const code = m.caseCodes[rule.column][i];
      if (rule.disqualify) {
        if (code !== 0) {
          disqualifiers++;
          disqualifier = index;
        }
        return;
      }
      const points = rule.points[code];
      dimPoints[rule.dim] += points;
      if (points < 0) noteNegative(index, rule.dim, points);
    });
    plan.eventRules.forEach((rule, index) => {
      const points = rule.perEvent * Math.min(m.eventCounts[rule.column][i], rule.cap);
      dimPoints[rule.dim] += points;
      if (points < 0) noteNegative(eventRow + index, rule.dim, points);
    });
    if (disqualifiers > 0) {
      const score = scoreOfPoints(dimPoints, plan);
      if (disqualifiers === 1 && tierOf(score, plan.thresholds, plan.tierCount) !== bottom)
        rows[disqualifier].pushedDown++;
      continue;
    }
    for (let d = 0; d < dims; d++) {
      for (let k = 0; k < negativeRow.length; k++) {
        if (negativeDim[k] !== d) continue;
        for (let e = 0; e < dims; e++) without[e] = dimPoints[e];
        without[d] -= negativePoints[k];
        if (tierOf(scoreOfPoints(without, plan), plan.thresholds, plan.tierCount) !== bottom)
          rows[negativeRow[k]].pushedDown++;
      }
    }
  }
}
