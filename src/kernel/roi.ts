import { funnelByTier, type DealFunnelData, type FunnelRow } from './funnel';
import { roiReport, type RoiReport } from '../metrics/roi/roi';
import type { Scores } from './score';

/** Per-lead ROI inputs that depend on the data and the currency / cohort choice, not on the model. */
export interface RoiData {
  /** Names the currency and cohort choice; results carry it so a view never shows another's numbers. */
  key: string;
  /** Quarter code per lead (into labels), −1 = none. */
  quarter: Int32Array;
  labels: string[];
  /** Won revenue per lead in the chosen currency. */
  amount: Float64Array;
  /** Days from creation to win, NaN when not won. */
  daysToWin: Float64Array;
  /** The deal funnel's per-lead steps; without them the result has no funnel. */
  deals?: DealFunnelData;
}

/** What the ROI view asks of a re-score: the scenario's ROI inputs (costs already per lead). */
export interface RoiOptions {
  key: string;
  costPerLead: number[];
  marginPct: number;
  fixedPerQuarter: number;
  capacity: number | null;
  cut: number;
}

export interface RoiResult {
  key: string;
  labels: string[];
  report: RoiReport;
  /** Per tier: leads, with a deal, won, per latest stage (null without deal steps). */
  funnel: FunnelRow[] | null;
}

/** METRICS.md "ROI" for one scored model. */
export function roiOf(
  data: RoiData,
  scores: Scores,
  outcome: Uint8Array,
  tierCount: number,
  options: RoiOptions,
): RoiResult {
  const report = roiReport(
    {
      quarter: data.quarter,
      tier: scores.tier,
      score: scores.score,
      outcome,
      amount: data.amount,
      daysToWin: data.daysToWin,
      quarterCount: data.labels.length,
      tierCount,
    },
    {
      costPerLead: options.costPerLead,
      marginPct: options.marginPct,
      fixedPerQuarter: options.fixedPerQuarter,
      capacity: options.capacity,
      cut: options.cut,
    },
  );
  const funnel = data.deals ? funnelByTier(scores.tier, data.deals, tierCount) : null;
  return { key: data.key, labels: data.labels, report, funnel };
}
