import { isEventsRule, type CaseRule, type EventsRule, type Rule, type Scenario } from './scenario';

/**
 * The kernel's plan: everything a weight, point, cap or threshold change touches, as plain numbers.
 * Case rules read a Uint8 code column (0 = no match, k = case k); event rules read a Float32 column of
 * decay-weighted event counts.
 */
export interface CaseRulePlan {
  dim: number;
  /** points[code]; points[0] = 0. */
  points: Float64Array;
  disqualify: boolean;
}
export interface EventRulePlan {
  dim: number;
  perEvent: number;
  cap: number;
}
export interface KernelPlan {
  dimWeights: Float64Array;
  dimMax: Float64Array;
  caseRules: CaseRulePlan[];
  eventRules: EventRulePlan[];
  /** Minimum score of tiers 0 … T-2 (best first); tier T-1 takes the rest and the disqualified. */
  thresholds: Float64Array;
  tierCount: number;
}

export function casePoints(rule: CaseRule): number[] {
  switch (rule.kind) {
    case 'category':
      return rule.cases.map((c) => c.points);
    case 'bands':
      return rule.bands.map((b) => b.points);
    case 'boolean':
      return [rule.pointsTrue, rule.pointsFalse];
    case 'contains':
      return [rule.points];
  }
}

/** The largest positive contribution a rule can make (METRICS.md: max_d sums these). */
export function ruleMaxPoints(rule: Rule): number {
  if (rule.disqualify) return 0;
  if (isEventsRule(rule)) return Math.max(0, rule.pointsPerEvent * rule.cap);
  return Math.max(0, ...casePoints(rule));
}

export interface RuleRef<R> {
  rule: R;
  dim: number;
}

/** Rules in matrix column order: case rules and event rules, each in scenario order. */
export function ruleColumns(scenario: Scenario): {
  caseRules: RuleRef<CaseRule>[];
  eventRules: RuleRef<EventsRule>[];
} {
  const caseRules: RuleRef<CaseRule>[] = [];
  const eventRules: RuleRef<EventsRule>[] = [];
  scenario.dimensions.forEach((d, dim) => {
    for (const rule of d.rules) {
      if (isEventsRule(rule)) eventRules.push({ rule, dim });
      else caseRules.push({ rule, dim });
    }
  });
  return { caseRules, eventRules };
}

export function compilePlan(scenario: Scenario): KernelPlan {
  const { caseRules, eventRules } = ruleColumns(scenario);
  const dimMax = new Float64Array(scenario.dimensions.length);
  scenario.dimensions.forEach((d, i) => {
    dimMax[i] = d.rules.reduce((sum, r) => sum + ruleMaxPoints(r), 0);
  });
  return {
    dimWeights: Float64Array.from(scenario.dimensions, (d) => d.weight),
    dimMax,
    caseRules: caseRules.map(({ rule, dim }) => ({
      dim,
      points: Float64Array.from([0, ...casePoints(rule)]),
      disqualify: rule.disqualify === true,
    })),
    eventRules: eventRules.map(({ rule, dim }) => ({ dim, perEvent: rule.pointsPerEvent, cap: rule.cap })),
    thresholds: Float64Array.from(scenario.tiers.slice(0, -1), (t) => t.min),
    tierCount: scenario.tiers.length,
  };
}

/**
 * What forces the rule matrix to be rebuilt in SQL: rule conditions, event types and decay. Points,
 * weights, caps and thresholds are not part of it — those changes stay in the kernel.
 */
export function structureKey(scenario: Scenario): string {
  const { caseRules, eventRules } = ruleColumns(scenario);
  return JSON.stringify({
    c: caseRules.map(({ rule }) => {
      switch (rule.kind) {
        case 'category':
          return [rule.field, rule.cases.map((c) => c.values)];
        case 'bands':
          return [rule.field, rule.bands.map((b) => [b.min, b.max])];
        case 'boolean':
          return [rule.field];
        case 'contains':
          return [rule.field, rule.keywords];
      }
    }),
    e: eventRules.map(({ rule }) => [rule.events, rule.decay]),
    o: scenario.settings.observationDays,
  });
}
