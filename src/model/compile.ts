import {
  isEventsRule,
  type CaseRule,
  type Decay,
  type EventsRule,
  type Rule,
  type Scenario,
} from './scenario';
import { perFrozen } from './perFrozen';

/**
 * The kernel's plan: everything a weight, point, cap, decay or threshold change touches.
 * Case rules read a Uint8 code column (0 = no match, k = case k); event rules read a Float64 column of
 * decay-weighted event counts that the kernel computes from the event log.
 */
export interface CaseRulePlan {
  dim: number;
  /** The rule-matrix column this rule reads (rules of several scenarios share one matrix). */
  column: number;
  /** points[code]; points[0] = 0. */
  points: Float64Array;
  disqualify: boolean;
}
export interface EventRulePlan {
  dim: number;
  /**
   * The event column this rule reads: the index of its (types, decay) among the scenario's distinct event
   * conditions, as ruleMatrixSql numbers them; the kernel re-points it at its own columns.
   */
  column: number;
  /** The activity types it counts and their decay: the kernel computes the counts from the event log. */
  events: string[];
  decay: Decay;
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

/** The scenario rule behind a plan rule: case rules and event rules are indexed apart, in ruleColumns order. */
export function planRuleRef(
  columns: ReturnType<typeof ruleColumns>,
  kind: 'case' | 'event',
  index: number,
): RuleRef<Rule> | undefined {
  return kind === 'case' ? columns.caseRules[index] : columns.eventRules[index];
}

/**
 * The columns of a rule matrix: one per distinct rule condition across the scenarios it serves (a
 * scenario and its baseline), so both score from one matrix even when their rules differ. Only the case
 * rules and the as-of rule decide whether SQL must rebuild it (`key`): event rules are computed by the
 * kernel from the event log; `eventRules` serve the SQL twin (ruleMatrixSql).
 */
export interface MatrixLayout {
  caseRules: CaseRule[];
  eventRules: EventsRule[];
  observationDays: number | null;
  /** The snapshot as-of date (YYYY-MM-DD) that replaces the observation window, or null. */
  snapshotDate: string | null;
  /** Changes exactly when the matrix must be rebuilt in SQL. */
  key: string;
}

/**
 * A rule's condition: what its matrix column holds (points, caps and flags are not part of it). Remembered
 * for frozen rules: a drag asks for every rule's key several times a move.
 */
export const conditionKey: (rule: Rule) => string = perFrozen(keyOf);

function keyOf(rule: Rule): string {
  switch (rule.kind) {
    case 'category':
      return JSON.stringify([rule.kind, rule.field, rule.cases.map((c) => c.values)]);
    case 'bands':
      return JSON.stringify([rule.kind, rule.field, rule.bands.map((b) => [b.min, b.max])]);
    case 'boolean':
      return JSON.stringify([rule.kind, rule.field]);
    case 'contains':
      return JSON.stringify([rule.kind, rule.field, rule.keywords]);
    case 'events':
      return JSON.stringify([rule.kind, rule.events, rule.decay]);
  }
}

/** The union of the scenarios' rule conditions, in order of first appearance; null if they cannot share. */
export function layoutOf(...scenarios: Scenario[]): MatrixLayout | null {
  const observationDays = scenarios[0].settings.observationDays;
  const snapshotDate = scenarios[0].settings.snapshotDate ?? null;
  if (scenarios.some((s) => s.settings.observationDays !== observationDays)) return null;
  if (scenarios.some((s) => (s.settings.snapshotDate ?? null) !== snapshotDate)) return null;
  const caseRules = new Map<string, CaseRule>();
  const eventRules = new Map<string, EventsRule>();
  for (const s of scenarios) {
    const { caseRules: c, eventRules: e } = ruleColumns(s);
    for (const { rule } of c) if (!caseRules.has(conditionKey(rule))) caseRules.set(conditionKey(rule), rule);
    for (const { rule } of e)
      if (!eventRules.has(conditionKey(rule))) eventRules.set(conditionKey(rule), rule);
  }
  return {
    caseRules: [...caseRules.values()],
    eventRules: [...eventRules.values()],
    observationDays,
    snapshotDate,
    key: JSON.stringify([[...caseRules.keys()], observationDays, snapshotDate]),
  };
}

/** Whether a layout has a column for every rule of the scenario (then the scenario can score from it). */
export function layoutCovers(layout: MatrixLayout, scenario: Scenario): boolean {
  if (scenario.settings.observationDays !== layout.observationDays) return false;
  if ((scenario.settings.snapshotDate ?? null) !== layout.snapshotDate) return false;
  const keys = new Set(layout.caseRules.map(conditionKey));
  return scenario.dimensions.every((d) => d.rules.every((r) => isEventsRule(r) || keys.has(conditionKey(r))));
}

export function compilePlan(scenario: Scenario, layout: MatrixLayout = layoutOf(scenario)!): KernelPlan {
  const { caseRules, eventRules } = ruleColumns(scenario);
  const caseColumn = new Map(layout.caseRules.map((r, i) => [conditionKey(r), i]));
  const eventColumn = new Map<string, number>();
  for (const { rule } of eventRules)
    if (!eventColumn.has(conditionKey(rule))) eventColumn.set(conditionKey(rule), eventColumn.size);
  const column = (map: Map<string, number>, rule: Rule) => {
    const c = map.get(conditionKey(rule));
    if (c === undefined) throw new Error(`rule ${rule.id} has no column in the rule matrix`);
    return c;
  };
  const dimMax = new Float64Array(scenario.dimensions.length);
  scenario.dimensions.forEach((d, i) => {
    dimMax[i] = d.rules.reduce((sum, r) => sum + ruleMaxPoints(r), 0);
  });
  return {
    dimWeights: Float64Array.from(scenario.dimensions, (d) => d.weight),
    dimMax,
    caseRules: caseRules.map(({ rule, dim }) => ({
      dim,
      column: column(caseColumn, rule),
      points: Float64Array.from([0, ...casePoints(rule)]),
      disqualify: rule.disqualify === true,
    })),
    eventRules: eventRules.map(({ rule, dim }) => ({
      dim,
      column: column(eventColumn, rule),
      events: rule.events.map((e) => e.trim().toLowerCase()),
      decay: rule.decay,
      perEvent: rule.pointsPerEvent,
      cap: rule.cap,
    })),
    thresholds: Float64Array.from(scenario.tiers.slice(0, -1), (t) => t.min),
    tierCount: scenario.tiers.length,
  };
}
