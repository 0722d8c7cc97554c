import type { KernelPlan } from '../model/compile';
import type { TierSummary } from './aggregate';
import type { RuleMatrix } from './matrix';
import type { RuleStats } from './score';
import type { Explanation } from './explain';

export interface SegmentColumn {
  codes: Int32Array;
  count: number;
}

/** Messages to the kernel worker. Big arrays are transferred, not copied. */
export type KernelRequest =
  | { type: 'data'; matrix: RuleMatrix; outcome: Uint8Array; segments: Record<string, SegmentColumn> }
  | { type: 'score'; id: number; plan: KernelPlan; baseline: KernelPlan | null; segment: string | null }
  | { type: 'explain'; id: number; plan: KernelPlan; lead: number };

/** The saved baseline model's result beside the scenario's: its tiers and the migration between them. */
export interface BaselineComparison {
  summary: TierSummary;
  tier: Uint8Array;
  /** [baseline tier][scenario tier] lead counts. */
  migration: number[][];
}

export interface ScoreResult {
  id: number;
  summary: TierSummary;
  score: Float64Array;
  tier: Uint8Array;
  disqualified: Uint8Array;
  subscores: Float32Array[];
  ruleStats: RuleStats;
  baseline: BaselineComparison | null;
  /** Time spent in the worker on scoring and aggregation. */
  ms: number;
}

export type KernelResponse =
  | ({ type: 'scored' } & ScoreResult)
  | { type: 'explained'; id: number; explanation: Explanation }
  | { type: 'error'; id: number; message: string };
