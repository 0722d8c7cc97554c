/** The scenario: one versioned JSON document holding the whole scoring model. */
export const SCENARIO_VERSION = 1;

export const CATEGORY_FIELDS = [
  'country',
  'region',
  'industry',
  'lead_source',
  'owner',
  'purchase_timeframe',
  'decision_stage',
] as const;
export const NUMERIC_FIELDS = ['employees', 'annual_revenue'] as const;
export const BOOLEAN_FIELDS = ['is_decision_maker', 'budget_confirmed', 'competitor_present'] as const;
export const TEXT_FIELDS = ['job_title', 'company'] as const;

export type CategoryField = (typeof CATEGORY_FIELDS)[number];
export type NumericField = (typeof NUMERIC_FIELDS)[number];
export type BooleanField = (typeof BOOLEAN_FIELDS)[number];
export type TextField = (typeof TEXT_FIELDS)[number];
export type RuleField = CategoryField | NumericField | BooleanField | TextField;

interface RuleBase {
  id: string;
  label?: string;
  /** A disqualifier: when it fires the lead goes to the lowest tier (its points are ignored). */
  disqualify?: boolean;
}

/** Value in a set; cases are tried in order, the first match gives its points. Matching ignores case. */
export interface CategoryRule extends RuleBase {
  kind: 'category';
  field: CategoryField;
  cases: { values: string[]; points: number }[];
}

/** Numeric bands [min, max); null means unbounded. The first band that holds gives its points. */
export interface BandsRule extends RuleBase {
  kind: 'bands';
  field: NumericField;
  bands: { min: number | null; max: number | null; points: number }[];
}

export interface BooleanRule extends RuleBase {
  kind: 'boolean';
  field: BooleanField;
  pointsTrue: number;
  pointsFalse: number;
}

/** Text contains any keyword (case-insensitive). */
export interface ContainsRule extends RuleBase {
  kind: 'contains';
  field: TextField;
  keywords: string[];
  points: number;
}

export type Decay =
  | { kind: 'none' }
  | { kind: 'exponential'; halfLifeDays: number }
  | { kind: 'linear'; windowDays: number }
  | { kind: 'window'; windowDays: number };

/** Behaviour: points per (decay-weighted) event of the listed types, the weighted count capped at cap. */
export interface EventsRule extends RuleBase {
  kind: 'events';
  events: string[];
  pointsPerEvent: number;
  cap: number;
  decay: Decay;
}

export type CaseRule = CategoryRule | BandsRule | BooleanRule | ContainsRule;
export type Rule = CaseRule | EventsRule;

export interface Dimension {
  id: string;
  /** A user-given name; without one the UI shows the translated default name for the id. */
  label?: string;
  weight: number;
  rules: Rule[];
}

/** Tiers best first; a lead is in the first tier whose min its score reaches. The last tier's min is 0. */
export interface Tier {
  name: string;
  min: number;
}

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  name: string;
  dimensions: Dimension[];
  tiers: Tier[];
  settings: {
    agingHorizonDays: number;
    /**
     * Each lead is scored as of created_at + this many days (capped at the data's end date), so tiers
     * can be compared with outcomes without look-ahead; null scores everyone as of the data's end date.
     */
    observationDays: number | null;
    /**
     * Backtest as of one date instead: every lead scored with the events up to the end of this day
     * (YYYY-MM-DD), and only leads created by then judged. Absent or null: the observation window rules.
     */
    snapshotDate?: string | null;
    /** ROI inputs (METRICS.md "ROI"), saved with the scenario; absent = defaultRoi(). */
    roi?: RoiSettings;
  };
}

export function isEventsRule(rule: Rule): rule is EventsRule {
  return rule.kind === 'events';
}

/** METRICS.md "ROI" inputs. Amounts are in `currency`. */
export interface RoiSettings {
  /** Cost to work one lead, per tier (best first). */
  costPerLead: number[];
  /** When set, a lead's cost is hours[tier] × hourlyRate instead of costPerLead. */
  hourly: { hours: number[]; rate: number } | null;
  /** Gross margin on won revenue, 0–100. */
  marginPct: number;
  /** Fixed programme cost per quarter. */
  fixedPerQuarter: number;
  /** Leads the team can work per quarter; null = no limit (work the tiers at or above `cut`). */
  capacityPerQuarter: number | null;
  /** Without a capacity, the policy works tiers 0 … cut. */
  cut: number;
  /** The currency amounts are in (a code or a label). */
  currency: string;
  /** Rates converting other currencies into `currency` (1 other = rate); null = only deals in `currency` count. */
  rates: Record<string, number> | null;
  /** Quarter a lead belongs to: its creation (cohort) or its close. */
  cohort: 'created' | 'closed';
}

export function defaultRoi(tierCount: number): RoiSettings {
  const costs = [150, 60, 20, 10, 5];
  return {
    costPerLead: Array.from({ length: tierCount }, (_, t) => costs[Math.min(t, costs.length - 1)]),
    hourly: null,
    marginPct: 70,
    fixedPerQuarter: 0,
    capacityPerQuarter: null,
    cut: Math.max(0, tierCount - 2),
    currency: 'USD',
    rates: null,
    cohort: 'created',
  };
}

/** The ROI inputs in force: the scenario's, fitted to its tier count, else the defaults. */
export function roiOf(s: Scenario): RoiSettings {
  const roi = s.settings.roi ?? defaultRoi(s.tiers.length);
  const fit = (xs: number[]) =>
    Array.from({ length: s.tiers.length }, (_, t) => xs[Math.min(t, xs.length - 1)] ?? 0);
  return {
    ...roi,
    costPerLead: fit(roi.costPerLead),
    hourly: roi.hourly ? { ...roi.hourly, hours: fit(roi.hourly.hours) } : null,
    cut: Math.min(roi.cut, s.tiers.length - 1),
  };
}
