import type { KernelPlan } from '../model/compile';
import { aucOfGroups } from '../metrics/auc';
import { logisticFit } from '../metrics/logistic';
import { scoreGroups } from '../metrics/roc';
import type { LeadFacts, RuleMatrix } from './matrix';
import { allocateScores, scoreAll } from './score';
import { WINDOW, windowOf } from './window';

/** Points learnt from closed deals, in the plan's rule order, and how both models rank the test window. */
export interface WeightSuggestion {
  /** points[code] per case rule (index 0 unused, 0); null for disqualifiers, which are kept as they are. */
  casePoints: (number[] | null)[];
  /** Points per event per event rule. */
  perEvent: number[];
  /** Dimension weights that make the score the total of the suggested points (largest total = 100). */
  dimWeights: number[];
  trainResolved: number;
  currentTestAuc: number | null;
  suggestedTestAuc: number | null;
}

/** Suggested points are shown and applied with one decimal. */
const round1 = (x: number) => Math.round(x * 10) / 10 + 0;

/**
 * METRICS.md "Data-driven weights": L2 logistic regression (C = 1) of won on the rule indicators over the
 * training window — one indicator per case of a case rule, and for an event rule the share of its cap
 * reached — rescaled so the largest attainable total is 100. Null when the training window has one class.
 */
export function suggestWeights(
  m: RuleMatrix,
  plan: KernelPlan,
  facts: LeadFacts,
  splitDay: number,
  snapshotDay: number | null = null,
): WeightSuggestion | null {
  const features: ArrayLike<number>[] = [];
  const caseFeature: number[][] = plan.caseRules.map((rule) => {
    if (rule.disqualify) return [];
    const codes = m.caseCodes[rule.column];
    return Array.from({ length: rule.points.length - 1 }, (_, k) => {
      const x = new Uint8Array(m.n);
      for (let i = 0; i < m.n; i++) x[i] = codes[i] === k + 1 ? 1 : 0;
      return features.push(x) - 1;
    });
  });
  const eventFeature = plan.eventRules.map((rule) => {
    const counts = m.eventCounts[rule.column];
    const x = new Float64Array(m.n);
    const cap = rule.cap > 0 ? rule.cap : 1;
    for (let i = 0; i < m.n; i++) x[i] = Math.min(counts[i], cap) / cap;
    return features.push(x) - 1;
  });
  const window = windowOf(facts.createdDay, splitDay, snapshotDay);
  const train = new Uint8Array(m.n);
  const test = new Uint8Array(m.n);
  for (let i = 0; i < m.n; i++) {
    train[i] = window[i] === WINDOW.train ? 1 : 0;
    test[i] = window[i] === WINDOW.test ? 1 : 0;
  }
  const model = logisticFit(features, facts.outcome, { C: 1, mask: train });
  if (!model) return null;
  const coef = model.coef;
  const ruleMax = [
    ...caseFeature.map((fs) => Math.max(0, ...fs.map((f) => coef[f]))),
    ...eventFeature.map((f) => Math.max(0, coef[f])),
  ];
  const total = ruleMax.reduce((a, b) => a + b, 0);
  const scale = total > 0 ? 100 / total : 0;
  const casePoints = plan.caseRules.map((rule, r) =>
    rule.disqualify ? null : [0, ...caseFeature[r].map((f) => round1(coef[f] * scale))],
  );
  const perEvent = plan.eventRules.map((rule, r) =>
    round1((coef[eventFeature[r]] * scale) / (rule.cap > 0 ? rule.cap : 1)),
  );
  const suggested = suggestedPlan(plan, casePoints, perEvent);
  const testAuc = (p: KernelPlan) =>
    aucOfGroups(
      scoreGroups(scoreAll(m, p, allocateScores(m.n, p.dimWeights.length)).score, facts.outcome, test),
    );
  let trainResolved = 0;
  for (let i = 0; i < m.n; i++) if (train[i] && facts.outcome[i] !== 0) trainResolved++;
  return {
    casePoints,
    perEvent,
    dimWeights: Array.from(suggested.dimWeights),
    trainResolved,
    currentTestAuc: testAuc(plan),
    suggestedTestAuc: testAuc(suggested),
  };
}

/** The plan with the suggested points, each dimension weighted by its largest attainable points. */
export function suggestedPlan(
  plan: KernelPlan,
  casePoints: (number[] | null)[],
  perEvent: number[],
): KernelPlan {
  const dimMax = new Float64Array(plan.dimWeights.length);
  const caseRules = plan.caseRules.map((rule, r) => {
    const points = casePoints[r];
    if (!points) return rule;
    dimMax[rule.dim] += Math.max(0, ...points);
    return { ...rule, points: Float64Array.from(points) };
  });
  const eventRules = plan.eventRules.map((rule, r) => {
    dimMax[rule.dim] += Math.max(0, perEvent[r] * rule.cap);
    return { ...rule, perEvent: perEvent[r] };
  });
  return { ...plan, caseRules, eventRules, dimMax, dimWeights: dimMax.slice() };
}
