import type { KernelPlan } from '../model/compile';
import type { RuleMatrix } from './matrix';
import { patternTables, prepareMatrix, structureSignature, type PreparedMatrix } from './prepare';

export interface Scores {
  /** Score in [0, 100] per lead (METRICS.md). */
  score: Float64Array;
  /** Tier index per lead, 0 = best. */
  tier: Uint8Array;
  /** 1 when a disqualifier fired (the score is kept, the tier forced to the lowest). */
  disqualified: Uint8Array;
  /** Dimension subscores in [0, 100]: subscores[d][i]. */
  subscores: Float32Array[];
  /** Per rule (plan order: case rules, then event rules): leads it fires on and points it adds in total. */
  ruleStats: RuleStats;
}

export interface RuleStats {
  caseFires: number[];
  casePoints: number[];
  eventFires: number[];
  eventPoints: number[];
}

export function allocateScores(n: number, dims: number): Scores {
  return {
    score: new Float64Array(n),
    tier: new Uint8Array(n),
    disqualified: new Uint8Array(n),
    subscores: Array.from({ length: dims }, () => new Float32Array(n)),
    ruleStats: { caseFires: [], casePoints: [], eventFires: [], eventPoints: [] },
  };
}

/** METRICS.md: a dimension's subscore, clamp(points, 0, max) / max × 100; 0 for a dimension without a max. */
export function subscore(points: number, max: number): number {
  return max > 0 ? ((points <= 0 ? 0 : points >= max ? max : points) / max) * 100 : 0;
}

/** METRICS.md: the score of one lead's dimension points, Σ w·subscore / Σ w (0 when the weights are 0). */
export function scoreOfPoints(dimPoints: readonly number[], plan: KernelPlan): number {
  let weighted = 0;
  let weights = 0;
  dimPoints.forEach((p, d) => {
    weighted += plan.dimWeights[d] * subscore(p, plan.dimMax[d]);
    weights += plan.dimWeights[d];
  });
  return weights > 0 ? weighted / weights : 0;
}

/** Tier of a score: the first tier whose minimum it reaches, else the last. */
export function tierOf(score: number, thresholds: Float64Array, tierCount: number): number {
  for (let t = 0; t < thresholds.length; t++) if (score >= thresholds[t]) return t;
  return tierCount - 1;
}

const prepared = new WeakMap<RuleMatrix, PreparedMatrix[]>();
/** A scenario and its baseline: both stay prepared. */
const PREPARED_PER_MATRIX = 2;

/** The prepared layout of a matrix for a plan's structure, built once and reused while it holds. */
export function preparedFor(m: RuleMatrix, plan: KernelPlan): PreparedMatrix {
  const signature = structureSignature(plan);
  const list = prepared.get(m) ?? [];
  let p = list.find((x) => x.signature === signature);
  if (!p) {
    p = prepareMatrix(m, plan);
    prepared.set(m, [p, ...list].slice(0, PREPARED_PER_MATRIX));
  }
  return p;
}

/**
 * Scores every lead: dimension points = Σ rule points; subscore = clamp(points, 0, max) / max × 100;
 * score = Σ w·subscore / Σ w; disqualified leads go to the last tier.
 */
export function scoreAll(
  m: RuleMatrix,
  plan: KernelPlan,
  out: Scores = allocateScores(m.n, plan.dimWeights.length),
): Scores {
  return scorePrepared(preparedFor(m, plan), plan, out);
}

/** Leads per block: the block's accumulators stay in the L1/L2 cache across all rules and dimensions. */
const BLOCK = 2048;
const acc = new Float64Array(BLOCK);
const blockScore = new Float64Array(BLOCK);
const blockDq = new Uint8Array(BLOCK);
/** The points the last addEvents call added (a second return value without an allocation). */
let blockEventSum = 0;

/** Adds one event rule's points to the block's leads; returns where the next block starts reading. */
function addEvents(
  index: Int32Array,
  value: Float64Array,
  perEvent: number,
  cap: number,
  from: number,
  start: number,
  end: number,
): number {
  let k = from;
  const stop = index.length;
  let sum = 0;
  while (k < stop) {
    const i = index[k];
    if (i >= end) break;
    const points = perEvent * Math.min(value[k], cap);
    acc[i - start] += points;
    sum += points;
    k++;
  }
  blockEventSum = sum;
  return k;
}

export function scorePrepared(pm: PreparedMatrix, plan: KernelPlan, out: Scores): Scores {
  const dims = plan.dimWeights.length;
  const n = pm.n;
  let weightSum = 0;
  for (let d = 0; d < dims; d++) weightSum += plan.dimWeights[d];
  const groups = pm.groups.map((g) => ({ dim: g.dim, patterns: g.patterns, ...patternTables(g, plan) }));
  const events = plan.eventRules.map((rule, r) => ({ ...rule, ...pm.events[r] }));
  const cursor = new Int32Array(events.length);
  const eventPoints = new Float64Array(events.length);
  const { thresholds, tierCount } = plan;
  const last = tierCount - 1;

  for (let start = 0; start < n; start += BLOCK) {
    const len = Math.min(BLOCK, n - start);
    const end = start + len;
    blockScore.fill(0);
    blockDq.fill(0);
    for (let d = 0; d < dims; d++) {
      acc.fill(0);
      for (const g of groups) {
        if (g.dim !== d) continue;
        const { patterns, points, disqualify } = g;
        for (let i = 0; i < len; i++) {
          const p = patterns[start + i];
          acc[i] += points[p];
          blockDq[i] |= disqualify[p];
        }
      }
      for (let r = 0; r < events.length; r++) {
        const e = events[r];
        if (e.dim !== d) continue;
        cursor[r] = addEvents(e.index, e.value, e.perEvent, e.cap, cursor[r], start, end);
        eventPoints[r] += blockEventSum;
      }
      const max = plan.dimMax[d];
      const w = plan.dimWeights[d];
      const sub = out.subscores[d];
      for (let i = 0; i < len; i++) {
        const s = subscore(acc[i], max);
        sub[start + i] = s;
        blockScore[i] += w * s;
      }
    }
    // divide once at the end so the result equals Σ w·s / Σ w to the last bit, as the SQL path computes it
    for (let i = 0; i < len; i++) {
      const s = weightSum > 0 ? blockScore[i] / weightSum : 0;
      out.score[start + i] = s;
      out.disqualified[start + i] = blockDq[i];
      out.tier[start + i] = blockDq[i] ? last : tierOf(s, thresholds, tierCount);
    }
  }
  out.ruleStats = {
    caseFires: pm.codeCounts.map((counts) => n - counts[0]),
    casePoints: pm.codeCounts.map((counts, r) =>
      plan.caseRules[r].disqualify
        ? 0
        : counts.reduce((sum, c, code) => sum + c * plan.caseRules[r].points[code], 0),
    ),
    eventFires: pm.events.map((e) => e.index.length),
    eventPoints: Array.from(eventPoints),
  };
  return out;
}
