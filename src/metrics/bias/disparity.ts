import { isSegmentCode, tooFewToJudge } from './segments';

/** METRICS.md parity band (Aequitas τ = 0.2): a disparity ratio inside [0.8, 1.25] is at parity. */
export const PARITY_LOW = 0.8;
export const PARITY_HIGH = 1.25;

const WON = 1;
const LOST = 2;

/** The three METRICS.md disparity metrics. */
export type DisparityMetric = 'selectionRate' | 'winRecall' | 'fnr';
export const DISPARITY_METRICS: readonly DisparityMetric[] = ['selectionRate', 'winRecall', 'fnr'];

export type MetricValues = Record<DisparityMetric, number | null>;

/** Per-lead columns for the disparity audit. Outcome: 0 open, 1 won, 2 lost; tier 0 = top. */
export interface DisparityInput {
  outcome: ArrayLike<number>;
  tier: ArrayLike<number>;
  tierCount: number;
  segment: ArrayLike<number>;
  labels: readonly string[];
  /** A code inside labels that stands for a missing value, treated like −1 (never a group). */
  missingCode?: number;
}

export interface DisparityOptions {
  /** Top tiers are 0 … cut (predicted positive = tier at or above the cut). Default 0. */
  cut?: number;
  /** Reference segment code; default the segment with the largest n (lowest code on a tie). */
  reference?: number;
  /** Between-groups summary over every segment (Fairlearn on raw groups) instead of the judged ones only. */
  includeTooFew?: boolean;
}

export interface DisparityRow {
  code: number;
  label: string;
  /** Resolved leads, wins, resolved leads in the top tiers, wins in the top tiers, wins in the bottom tier. */
  n: number;
  wins: number;
  top: number;
  topWins: number;
  bottomWins: number;
  /** n < 30 or < 5 wins (METRICS.md): shown greyed. */
  tooFew: boolean;
  /** sr_g, tpr_g, fnr_g. */
  values: MetricValues;
  /** metric_g / metric_ref; null on division by zero. */
  ratio: MetricValues;
  /** Ratio inside the 0.8–1.25 band; null when the ratio is. */
  parity: Record<DisparityMetric, boolean | null>;
}

/** Fairlearn MetricFrame.difference() / .ratio() between groups: max − min and min / max. */
export interface BetweenGroups {
  difference: number | null;
  ratio: number | null;
  /** Codes holding the max and the min (lowest code on a tie); null without groups. */
  maxCode: number | null;
  minCode: number | null;
  /** Groups that entered (non-null metric, and judged unless includeTooFew). */
  groups: number;
}

export interface Disparity {
  rows: DisparityRow[];
  reference: number | null;
  cut: number;
  between: Record<DisparityMetric, BetweenGroups>;
}

/** metric_g / metric_ref (METRICS.md "Disparity"); null for a null operand or a zero reference. */
export function disparityRatio(value: number | null, reference: number | null): number | null {
  if (value === null || reference === null || reference === 0) return null;
  return value / reference;
}

/** Whether a disparity ratio lies in the METRICS.md parity band 0.8–1.25 (null stays null). */
export function inParityBand(ratio: number | null): boolean | null {
  return ratio === null ? null : ratio >= PARITY_LOW && ratio <= PARITY_HIGH;
}

/**
 * Fairlearn's between-groups difference (max − min) and ratio (min / max) of one metric over the given rows
 * (METRICS.md "Disparity"). Null metric values are skipped; the ratio is null when max = 0.
 */
export function betweenGroups(rows: readonly DisparityRow[], metric: DisparityMetric): BetweenGroups {
  let max = -Infinity;
  let min = Infinity;
  let maxCode: number | null = null;
  let minCode: number | null = null;
  let groups = 0;
  for (const r of rows) {
    const v = r.values[metric];
    if (v === null) continue;
    groups++;
    if (v > max) [max, maxCode] = [v, r.code];
    if (v < min) [min, minCode] = [v, r.code];
  }
  if (groups === 0) return { difference: null, ratio: null, maxCode, minCode, groups };
  return { difference: max - min, ratio: max > 0 ? min / max : null, maxCode, minCode, groups };
}

/**
 * METRICS.md "Bias by segment" disparity: per segment, over resolved leads, the selection rate sr_g (share in
 * tiers 0…cut), win recall tpr_g (share of wins in tiers 0…cut) and fnr_g (share of wins in the bottom tier
 * tierCount − 1); their ratios to a reference segment with the 0.8–1.25 parity band (Aequitas), and Fairlearn's
 * between-groups difference and ratio. One pass over the leads.
 */
export function disparity(input: DisparityInput, options: DisparityOptions = {}): Disparity {
  const { outcome, tier, tierCount, segment, labels, missingCode } = input;
  const cut = options.cut ?? 0;
  const bottom = tierCount - 1;
  const k = labels.length;
  const mask = new Uint8Array(k);
  if (missingCode !== undefined && missingCode >= 0 && missingCode < k) mask[missingCode] = 1;
  const n = new Float64Array(k);
  const wins = new Float64Array(k);
  const top = new Float64Array(k);
  const topWins = new Float64Array(k);
  const bottomWins = new Float64Array(k);
  // no branch on the outcome or the tier (both mispredict in lead order): a lead adds 1 or 0 to each count
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (!isSegmentCode(c, k, mask)) continue;
    const o = outcome[i];
    const t = tier[i];
    const won = +(o === WON);
    const resolved = won | +(o === LOST);
    const isTop = +(t >= 0) & +(t <= cut);
    n[c] += resolved;
    top[c] += resolved & isTop;
    wins[c] += won;
    topWins[c] += won & isTop;
    bottomWins[c] += won & +(t === bottom);
  }

  const rows: DisparityRow[] = [];
  for (let c = 0; c < k; c++) {
    if (mask[c]) continue;
    const values: MetricValues = {
      selectionRate: n[c] > 0 ? top[c] / n[c] : null,
      winRecall: wins[c] > 0 ? topWins[c] / wins[c] : null,
      fnr: wins[c] > 0 ? bottomWins[c] / wins[c] : null,
    };
    rows.push({
      code: c,
      label: labels[c],
      n: n[c],
      wins: wins[c],
      top: top[c],
      topWins: topWins[c],
      bottomWins: bottomWins[c],
      tooFew: tooFewToJudge(n[c], wins[c]),
      values,
      ratio: { selectionRate: null, winRecall: null, fnr: null },
      parity: { selectionRate: null, winRecall: null, fnr: null },
    });
  }

  let refRow: DisparityRow | undefined;
  if (options.reference !== undefined) refRow = rows.find((r) => r.code === options.reference);
  else for (const r of rows) if (r.n > 0 && (!refRow || r.n > refRow.n)) refRow = r;
  if (refRow) {
    for (const r of rows) {
      for (const m of DISPARITY_METRICS) {
        r.ratio[m] = disparityRatio(r.values[m], refRow.values[m]);
        r.parity[m] = inParityBand(r.ratio[m]);
      }
    }
  }

  const pool = options.includeTooFew ? rows : rows.filter((r) => !r.tooFew);
  return {
    rows,
    reference: refRow ? refRow.code : null,
    cut,
    between: {
      selectionRate: betweenGroups(pool, 'selectionRate'),
      winRecall: betweenGroups(pool, 'winRecall'),
      fnr: betweenGroups(pool, 'fnr'),
    },
  };
}
