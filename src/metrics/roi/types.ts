/**
 * METRICS.md "ROI" inputs, one entry per lead in kernel order (lead id ascending). Leads whose quarter is
 * outside 0 … quarterCount − 1 (−1 = none) or whose tier is outside 0 … tierCount − 1 are left out of every
 * ROI number and counted apart.
 */
export interface RoiLeads {
  /** Quarter code of the lead (cohort of `created_at`, or of the close date); −1 = none. */
  quarter: Int32Array;
  /** Tier index, 0 = top tier. */
  tier: Uint8Array;
  /** Score; NaN sorts as −∞ (last). */
  score: Float64Array;
  /** 0 open, 1 won, 2 lost (any other code counts as open). */
  outcome: Uint8Array;
  /** Won revenue of the lead (read only for won leads; a non-finite amount counts as 0). */
  amount: Float64Array;
  /** Days from created to won (NaN when not won; non-finite values stay out of the medians). */
  daysToWin: Float64Array;
  quarterCount: number;
  tierCount: number;
}

/** METRICS.md "ROI" inputs saved with the scenario. */
export interface RoiSettings {
  /** Cost to work one lead, per tier (finite, ≥ 0). */
  costPerLead: readonly number[];
  /** Gross margin, 0 … 100. */
  marginPct: number;
  /** Fixed programme cost charged to every quarter 0 … quarterCount − 1 (≥ 0). */
  fixedPerQuarter: number;
  /** Leads the team can work per quarter (integer ≥ 0), or null for no capacity. */
  capacity: number | null;
  /**
   * Tier cut: without capacity the policy works every lead in tiers ≤ cut. With a capacity the policy works
   * the top-K leads of each quarter by score (K = min(capacity, quarter leads)) and the cut is not used.
   */
  cut: number;
}

/**
 * METRICS.md "ROI" per quarter × tier (and summed per quarter and in total). Every ratio whose denominator
 * is 0 is null.
 */
export interface RoiFigures {
  leads: number;
  /** Leads the policy works. */
  worked: number;
  /** Won + lost leads. */
  resolved: number;
  /** All won leads, worked or not. */
  wins: number;
  /** Won leads the policy works. */
  workedWins: number;
  /** wins / resolved. */
  conversion: number | null;
  /** Σ amount over worked won leads. */
  revenue: number;
  /** worked × cost per lead of the tier (quarter totals also + the fixed cost per quarter). */
  cost: number;
  /** revenue × margin − cost. */
  grossProfit: number;
  /** grossProfit / cost. */
  roi: number | null;
  /** Median days from created to won over worked won leads (even count: mean of the two middle values). */
  medianDaysToWin: number | null;
}

/** METRICS.md "Value of scoring": the outcome of one way to pick the leads of a quarter (or the sum). */
export interface PolicyOutcome {
  /** Leads worked. */
  worked: number;
  /** Revenue (expected, for the random baseline). */
  revenue: number;
  /** Wins (expected, for the random baseline). */
  wins: number;
  /** Variable cost + fixed cost. */
  cost: number;
  /** revenue × margin − cost. */
  profit: number;
}

/** METRICS.md "Value of scoring": an incremental difference between two policies. */
export interface PolicyDelta {
  revenue: number;
  wins: number;
  profit: number;
}

/**
 * METRICS.md "Value of scoring" for one quarter (or summed over quarters): the scored policy, the unscored
 * random baseline working as many leads (K), "work everything", and scored − baseline, scored − everything.
 */
export interface ScoringValue {
  scored: PolicyOutcome;
  /**
   * K random leads: K × (all revenue / leads), K × (wins / leads), K × (Σ_t leads_t·cost_t / leads) + fixed.
   */
  baseline: PolicyOutcome;
  /** Every lead of the quarter. */
  everything: PolicyOutcome;
  vsBaseline: PolicyDelta;
  vsEverything: PolicyDelta;
}

/** METRICS.md "Threshold optimiser": the totals over quarters of one candidate policy. */
export interface PolicyPoint {
  worked: number;
  revenue: number;
  /** Variable cost + fixed cost of every quarter. */
  cost: number;
  /** revenue × margin − cost. */
  grossProfit: number;
  /** grossProfit / cost. */
  roi: number | null;
  /** Worked won leads (predicted positive = worked, over resolved leads). */
  tp: number;
  /** Worked lost leads. */
  fp: number;
  /** Won leads not worked. */
  fn: number;
  /** 2·TP / (2·TP + FP + FN). */
  f1: number | null;
}

/** METRICS.md "Threshold optimiser": the policy "tiers ≤ cut" (capped at capacity, top by score). */
export interface CutPoint extends PolicyPoint {
  cut: number;
}

/** METRICS.md "Threshold optimiser" top-K: `share`% of each quarter's leads worked in score order. */
export interface SharePoint extends PolicyPoint {
  /** 0 … 100. */
  share: number;
  /** False when some quarter's round(share·N_q/100) exceeds capacity (its K_q is then held at capacity). */
  feasible: boolean;
}

/** METRICS.md "Threshold optimiser": every tier cut and every top-K share, and the best of them. */
export interface RoiOptimiser {
  cuts: CutPoint[];
  /** Cut with the highest total gross profit (ties → lower cut); null without tiers. */
  bestProfitCut: number | null;
  /** Cut with the highest F1 (ties → lower cut); null when no cut has an F1. */
  bestF1Cut: number | null;
  /** Shares 0, 1, … 100. */
  shares: SharePoint[];
  /** Feasible share with the highest total gross profit (ties → lower share). */
  bestShare: number;
}

/** METRICS.md "ROI": the whole ROI view for one scenario. */
export interface RoiReport {
  /** cells[q][t]. */
  cells: RoiFigures[][];
  /** Per quarter: cells summed, cost + the fixed cost, ratios and median from the quarter's leads. */
  quarters: RoiFigures[];
  /** Over every quarter. */
  total: RoiFigures;
  value: { quarters: ScoringValue[]; total: ScoringValue };
  optimiser: RoiOptimiser;
  /** Leads left out of every number: quarter outside the quarters, else tier outside the tiers. */
  leftOut: { noQuarter: number; noTier: number };
}
