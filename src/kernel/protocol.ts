import type { KernelPlan } from '../model/compile';
import type { AccuracyOptions, AccuracyReport, AccuracyResult } from './accuracy';
import type { TierSummary } from './aggregate';
import type { LeadFacts, SentInputs } from './matrix';
import type { RuleStats } from './score';
import type { Explanation } from './explain';
import type { WeightSuggestion } from './suggest';
import type { BiasOptions, BiasReport, BiasSegment } from './bias';
import type { RoiData, RoiOptions, RoiResult } from './roi';
import type { LeadKeys, LeadOrderOptions, LeadPage } from './leadOrder';

export interface SegmentColumn {
  codes: Int32Array;
  count: number;
}

/** Messages to the kernel worker. Big arrays are transferred, not copied. */
export type KernelRequest =
  | {
      type: 'data';
      inputs: SentInputs;
      /** The id of the event log sent, or of the one held when none is sent; null: never referred to again. */
      logId: number | null;
      facts: LeadFacts;
      segments: Record<string, SegmentColumn>;
    }
  | { type: 'bias-segment'; segment: BiasSegment | null }
  | { type: 'roi-data'; data: RoiData | null }
  | { type: 'lead-keys'; keys: LeadKeys }
  /** A result's arrays handed back: the UI thread lets go of them without a garbage collection of its own. */
  | { type: 'release'; buffers: ArrayBuffer[] }
  | {
      type: 'score';
      id: number;
      plan: KernelPlan;
      baseline: KernelPlan | null;
      segment: string | null;
      accuracy: AccuracyOptions | null;
      bias: BiasOptions | null;
      roi: RoiOptions | null;
      order: LeadOrderOptions | null;
      /** false: the reply leaves out the per-lead arrays (empty in their place; see perLead.ts). */
      perLead: boolean;
    }
  | { type: 'explain'; id: number; plan: KernelPlan; lead: number }
  | { type: 'suggest'; id: number; plan: KernelPlan; splitDay: number | null; snapshotDay: number | null };

/** The saved baseline model's result beside the scenario's: its tiers and the migration between them. */
export interface BaselineComparison {
  summary: TierSummary;
  tier: Uint8Array;
  /** [baseline tier][scenario tier] lead counts. */
  migration: number[][];
  /** The baseline's accuracy report, when the scenario's was asked for. */
  accuracy: AccuracyReport | null;
  /** The baseline's ROI report, when the scenario's was asked for. */
  roi: RoiResult | null;
}

export interface ScoreResult {
  id: number;
  summary: TierSummary;
  score: Float64Array;
  tier: Uint8Array;
  disqualified: Uint8Array;
  subscores: Float32Array[];
  ruleStats: RuleStats;
  /** The ROI view's report, when asked. */
  roi: RoiResult | null;
  /** The Bias view's report, when asked and the probabilities exist. */
  bias: BiasReport | null;
  /** Calibrated probabilities and, when asked, the Accuracy view's report. */
  accuracy: AccuracyResult | null;
  baseline: BaselineComparison | null;
  /** The Leads table's page in its order, when asked (the view is open). */
  order: LeadPage | null;
  /** Time spent in the worker on scoring and aggregation. */
  ms: number;
  /** Where `ms` went, step by step (kernel/steps.ts; the bench prints it). */
  phases: Record<string, number>;
}

export type KernelResponse =
  | ({ type: 'scored' } & ScoreResult)
  | { type: 'explained'; id: number; explanation: Explanation }
  | { type: 'suggested'; id: number; suggestion: WeightSuggestion | null }
  | { type: 'error'; id: number; message: string };
