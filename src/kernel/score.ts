import type { KernelPlan } from '../model/compile';
import type { RuleMatrix } from './matrix';

export interface Scores {
  /** Score in [0, 100] per lead (METRICS.md). */
  score: Float64Array;
  /** Tier index per lead, 0 = best. */
  tier: Uint8Array;
  /** 1 when a disqualifier fired (the score is kept, the tier forced to the lowest). */
  disqualified: Uint8Array;
  /** Dimension subscores in [0, 100]: subscores[d][i]. */
  subscores: Float32Array[];
}

export function allocateScores(n: number, dims: number): Scores {
  return {
    score: new Float64Array(n),
    tier: new Uint8Array(n),
    disqualified: new Uint8Array(n),
    subscores: Array.from({ length: dims }, () => new Float32Array(n)),
  };
}

/** Tier of a score: the first tier whose minimum it reaches, else the last. */
export function tierOf(score: number, thresholds: Float64Array, tierCount: number): number {
  for (let t = 0; t < thresholds.length; t++) if (score >= thresholds[t]) return t;
  return tierCount - 1;
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
  const dims = plan.dimWeights.length;
  const n = m.n;
  const points = new Float64Array(dims * n);
  const dq = out.disqualified;
  dq.fill(0);

  plan.caseRules.forEach((rule, r) => {
    const codes = m.caseCodes[r];
    if (rule.disqualify) {
      for (let i = 0; i < n; i++) if (codes[i] !== 0) dq[i] = 1;
      return;
    }
    const table = rule.points;
    const base = rule.dim * n;
    for (let i = 0; i < n; i++) points[base + i] += table[codes[i]];
  });
  plan.eventRules.forEach((rule, r) => {
    const counts = m.eventCounts[r];
    const base = rule.dim * n;
    const { perEvent, cap } = rule;
    for (let i = 0; i < n; i++) {
      const c = counts[i];
      points[base + i] += perEvent * (c < cap ? c : cap);
    }
  });

  let weightSum = 0;
  for (let d = 0; d < dims; d++) weightSum += plan.dimWeights[d];
  const score = out.score;
  score.fill(0);
  for (let d = 0; d < dims; d++) {
    const max = plan.dimMax[d];
    const sub = out.subscores[d];
    const w = plan.dimWeights[d];
    const base = d * n;
    for (let i = 0; i < n; i++) {
      const p = points[base + i];
      const s = max > 0 ? ((p <= 0 ? 0 : p >= max ? max : p) / max) * 100 : 0;
      sub[i] = s;
      score[i] += w * s;
    }
  }
  // divide once at the end so the result equals Σ w·s / Σ w to the last bit, as the SQL path computes it
  for (let i = 0; i < n; i++) score[i] = weightSum > 0 ? score[i] / weightSum : 0;

  const { thresholds, tierCount } = plan;
  const tier = out.tier;
  for (let i = 0; i < n; i++) tier[i] = dq[i] ? tierCount - 1 : tierOf(score[i], thresholds, tierCount);
  return out;
}
