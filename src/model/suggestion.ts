import type { WeightSuggestion } from '../kernel/suggest';
import { casePoints, ruleColumns } from './compile';
import type { Scenario } from './scenario';

/** A rule's current and suggested points, for the side-by-side table. */
export interface SuggestedRule {
  ruleId: string;
  dimension: string;
  /** One entry per case (band, value set, true/false) or the points per event. */
  current: number[];
  suggested: number[];
}

/** Points stay inside what a scenario may hold (validate.ts). */
const clampPoints = (x: number) => Math.max(-1000, Math.min(1000, x));

/** The scenario with the suggested points and dimension weights, as a new scenario named `name`. */
export function applySuggestion(scenario: Scenario, s: WeightSuggestion, name: string): Scenario {
  const next = structuredClone(scenario);
  next.name = name;
  const { caseRules, eventRules } = ruleColumns(next);
  caseRules.forEach(({ rule }, r) => {
    const points = s.casePoints[r];
    if (!points) return;
    const at = (k: number) => clampPoints(points[k + 1]);
    switch (rule.kind) {
      case 'category':
        rule.cases.forEach((c, k) => (c.points = at(k)));
        break;
      case 'bands':
        rule.bands.forEach((b, k) => (b.points = at(k)));
        break;
      case 'boolean':
        rule.pointsTrue = at(0);
        rule.pointsFalse = at(1);
        break;
      case 'contains':
        rule.points = at(0);
    }
  });
  eventRules.forEach(({ rule }, r) => (rule.pointsPerEvent = clampPoints(s.perEvent[r])));
  next.dimensions.forEach((d, i) => (d.weight = Math.min(1000, Math.round(s.dimWeights[i] * 10) / 10)));
  return next;
}

/** Rules side by side: what the scenario gives now and what the suggestion would give. */
export function suggestedRules(scenario: Scenario, s: WeightSuggestion): SuggestedRule[] {
  const applied = applySuggestion(scenario, s, scenario.name);
  const before = ruleColumns(scenario);
  const after = ruleColumns(applied);
  const dimId = (dim: number) => scenario.dimensions[dim].id;
  return [
    ...before.caseRules
      .map(({ rule, dim }, r) => ({
        ruleId: rule.id,
        dimension: dimId(dim),
        current: casePoints(rule),
        suggested: casePoints(after.caseRules[r].rule),
        disqualify: rule.disqualify === true,
      }))
      .filter((x) => !x.disqualify)
      .map(({ disqualify: _, ...x }) => x),
    ...before.eventRules.map(({ rule, dim }, r) => ({
      ruleId: rule.id,
      dimension: dimId(dim),
      current: [rule.pointsPerEvent],
      suggested: [after.eventRules[r].rule.pointsPerEvent],
    })),
  ];
}
