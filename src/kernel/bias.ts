import type { KernelPlan } from '../model/compile';
import { disparity, type Disparity } from '../metrics/bias/disparity';
import { intersectionBias, type Intersection } from '../metrics/bias/intersections';
import { segmentBias, type SegmentBias } from '../metrics/bias/segments';
import { OUTCOME, type RuleMatrix } from './matrix';
import type { Scores } from './score';

/** A segment column cut into codes (−1 = missing), handed to the kernel once per column and cut. */
export interface BiasSegment {
  /** Names the column and cut; results carry it so a view never shows another column's numbers. */
  key: string;
  codes: Int32Array;
  labels: string[];
  /** A second column for the intersection heatmap, or null. */
  second: { codes: Int32Array; labels: string[] } | null;
}

/** What the Bias view asks of a re-score. */
export interface BiasOptions {
  key: string;
  /** Reference segment code for the disparity ratios; null = the largest segment. */
  reference: number | null;
  /** Top tiers = 0 … cut. */
  cut: number;
  /** The segment to contrast rule by rule; null = the most significant flagged one. */
  focus: number | null;
}

/** How the model treats a segment's leads rule by rule: inside the segment vs every other resolved lead. */
export interface RuleContrast {
  kind: 'case' | 'event';
  index: number;
  /** Share of resolved leads the rule fires on, and the mean points it gives them. */
  fireInside: number | null;
  fireOutside: number | null;
  pointsInside: number | null;
  pointsOutside: number | null;
}

export interface BiasReport {
  key: string;
  segments: SegmentBias;
  disparity: Disparity;
  intersection: (SegmentBias & { intersection: Intersection }) | null;
  /**
   * The segment whose rules are contrasted with the rest (the one asked for, else the most significant
   * flagged one): one contrast per plan rule (case rules, then event rules). Null when nothing is flagged.
   */
  focus: { code: number; rules: RuleContrast[] } | null;
}

/**
 * METRICS.md "Bias by segment" for one segment column under the current model: per-segment calibration gap
 * with significance, disparity against the reference, the intersection with a second column, and per
 * segment how each rule fires inside vs outside it (the hint of what to change).
 */
export function biasOf(
  m: RuleMatrix,
  plan: KernelPlan,
  scores: Scores,
  outcome: Uint8Array,
  probability: Float64Array,
  segment: BiasSegment,
  options: BiasOptions,
  members: (code: number) => Int32Array,
  totals: RuleTotals,
): BiasReport {
  const { codes, labels } = segment;
  const segments = segmentBias({ p: probability, outcome, segment: codes, labels, scores: scores.score });
  const disp = disparity(
    { outcome, tier: scores.tier, tierCount: plan.tierCount, segment: codes, labels },
    { cut: options.cut, ...(options.reference !== null ? { reference: options.reference } : {}) },
  );
  const intersection = segment.second
    ? intersectionBias({
        p: probability,
        outcome,
        a: codes,
        aLabels: labels,
        b: segment.second.codes,
        bLabels: segment.second.labels,
      })
    : null;
  return {
    key: segment.key,
    segments,
    disparity: disp,
    intersection,
    focus: focusOf(segments, options.focus, (code) => ruleContrasts(m, plan, outcome, members(code), totals)),
  };
}

/** The segment whose rules are contrasted: the one asked for, else the most significant flagged one. */
function focusOf(
  segments: SegmentBias,
  asked: number | null,
  contrast: (code: number) => RuleContrast[],
): BiasReport['focus'] {
  let code = asked !== null && segments.rows[asked] ? asked : null;
  if (code === null) {
    let best: number | null = null;
    for (const r of segments.rows)
      if ((r.flag === 'over' || r.flag === 'under') && (best === null || (r.pAdjusted ?? 1) < best)) {
        best = r.pAdjusted ?? 1;
        code = r.code;
      }
  }
  return code === null ? null : { code, rules: contrast(code) };
}

/**
 * Per-rule totals over every resolved lead, which depend on the data and a rule's condition (and an event
 * rule's cap) but not on points or weights: computed once and reused by every re-score.
 */
export class RuleTotals {
  #caseCounts = new Map<number, Float64Array>();
  #eventSums = new Map<string, { fires: number; capped: number }>();
  resolved = 0;

  constructor(
    private readonly m: RuleMatrix,
    private readonly outcome: Uint8Array,
  ) {
    for (let i = 0; i < m.n; i++) if (outcome[i] !== OUTCOME.open) this.resolved++;
  }

  /** Resolved leads per code of a case-rule column. */
  caseCounts(column: number): Float64Array {
    let counts = this.#caseCounts.get(column);
    if (!counts) {
      const col = this.m.caseCodes[column];
      counts = new Float64Array(256);
      for (let i = 0; i < this.m.n; i++) if (this.outcome[i] !== OUTCOME.open) counts[col[i]]++;
      this.#caseCounts.set(column, counts);
    }
    return counts;
  }

  /** Resolved leads an event column fires on, and Σ min(count, cap) over them. */
  eventSums(column: number, cap: number): { fires: number; capped: number } {
    const key = `${column}:${cap}`;
    let sums = this.#eventSums.get(key);
    if (!sums) {
      const col = this.m.eventCounts[column];
      sums = { fires: 0, capped: 0 };
      for (let i = 0; i < this.m.n; i++) {
        if (this.outcome[i] === OUTCOME.open || !(col[i] > 0)) continue;
        sums.fires++;
        sums.capped += Math.min(col[i], cap);
      }
      this.#eventSums.set(key, sums);
    }
    return sums;
  }
}

/**
 * For one segment: each rule's fire share and mean points inside it vs every other resolved lead. Reads
 * only the segment's own leads; the outside is the cached total minus the inside.
 */
export function ruleContrasts(
  m: RuleMatrix,
  plan: KernelPlan,
  outcome: Uint8Array,
  members: Int32Array,
  totals: RuleTotals,
): RuleContrast[] {
  let inside = 0;
  for (const i of members) if (outcome[i] !== OUTCOME.open) inside++;
  const outside = totals.resolved - inside;
  const row = (
    kind: RuleContrast['kind'],
    index: number,
    fires: number,
    points: number,
    allFires: number,
    allPoints: number,
  ): RuleContrast => ({
    kind,
    index,
    fireInside: inside > 0 ? fires / inside : null,
    fireOutside: outside > 0 ? (allFires - fires) / outside : null,
    pointsInside: inside > 0 ? points / inside : null,
    pointsOutside: outside > 0 ? (allPoints - points) / outside : null,
  });
  return [
    ...plan.caseRules.map((r, index) => {
      const col = m.caseCodes[r.column];
      const pts = r.disqualify ? new Float64Array(r.points.length) : r.points;
      let fires = 0;
      let points = 0;
      for (const i of members) {
        if (outcome[i] === OUTCOME.open || col[i] === 0) continue;
        fires++;
        points += pts[col[i]];
      }
      const counts = totals.caseCounts(r.column);
      let allFires = 0;
      let allPoints = 0;
      for (let c = 1; c < pts.length; c++) {
        allFires += counts[c];
        allPoints += counts[c] * pts[c];
      }
      return row('case', index, fires, points, allFires, allPoints);
    }),
    ...plan.eventRules.map((r, index) => {
      const col = m.eventCounts[r.column];
      let fires = 0;
      let capped = 0;
      for (const i of members) {
        if (outcome[i] === OUTCOME.open || !(col[i] > 0)) continue;
        fires++;
        capped += Math.min(col[i], r.cap);
      }
      const all = totals.eventSums(r.column, r.cap);
      return row('event', index, fires, r.perEvent * capped, all.fires, r.perEvent * all.capped);
    }),
  ];
}

/** Lead indices per segment code (a CSR layout: members of code c are order[start[c] … start[c + 1])). */
export function segmentMembers(codes: Int32Array, k: number): (code: number) => Int32Array {
  const start = new Int32Array(k + 1);
  for (const c of codes) if (c >= 0 && c < k) start[c + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const at = start.slice(0, k);
  const order = new Int32Array(start[k]);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0 && c < k) order[at[c]++] = i;
  }
  return (code) => order.subarray(start[code], start[code + 1]);
}
