import type { Scores } from './score';
import { OUTCOME } from './matrix';
import { aucOfClasses, classScratch } from '../metrics/auc';

export const HISTOGRAM_BINS = 50;

/** Everything the Tiers view shows, from one pass over the scored leads. */
export interface TierSummary {
  n: number;
  tierCount: number;
  /** Leads per tier. */
  tierCounts: number[];
  /** [tier][outcome code] lead counts (open, won, lost). */
  tierOutcomes: number[][];
  disqualified: number;
  /** Leads per 2-point score bin, [0,2) … [98,100]. */
  histogram: number[];
  /** [segment code][tier] lead counts for the chosen segment column, when one is given. */
  segmentTiers: number[][] | null;
  /** AUC of the score against won / lost (open leads excluded); null without both classes. */
  auc: number | null;
}

export function summarize(
  scores: Scores,
  outcome: Uint8Array,
  tierCount: number,
  segmentCodes: Int32Array | null,
  segmentCount: number,
  /** The AUC when already known (the accuracy report merges its windows' groups); computed otherwise. */
  knownAuc?: number | null,
): TierSummary {
  const { score, tier, disqualified: sunk } = scores;
  const n = score.length;
  const tierCounts = new Float64Array(tierCount);
  const tierOutcomes = new Float64Array(tierCount * 3);
  const histogram = new Float64Array(HISTOGRAM_BINS);
  const segmentTiers = segmentCodes ? new Float64Array(segmentCount * tierCount) : null;
  const binScale = HISTOGRAM_BINS / 100;
  const lastBin = HISTOGRAM_BINS - 1;
  let disqualified = 0;
  // the AUC's two classes, gathered in the same pass (won from the front, lost from the back)
  const classes = knownAuc === undefined ? classScratch(n) : null;
  let won = 0;
  let lost = n;
  for (let i = 0; i < n; i++) {
    const t = tier[i];
    const o = outcome[i];
    const s = score[i];
    tierCounts[t]++;
    tierOutcomes[t * 3 + o]++;
    // scores are ≥ 0, so truncation is floor
    const bin = (s * binScale) | 0;
    histogram[bin > lastBin ? lastBin : bin]++;
    disqualified += sunk[i];
    if (classes) {
      // without a branch on the outcome (it mispredicts about every other lead): the score goes to both
      // classes' next free slots, and only its own class's end moves (an open lead's writes are overwritten)
      classes[won] = s;
      classes[lost - 1] = s;
      won += o & OUTCOME.won;
      lost -= o >> 1;
    }
  }
  if (segmentTiers && segmentCodes)
    for (let i = 0; i < n; i++) segmentTiers[segmentCodes[i] * tierCount + tier[i]]++;
  const rows = (flat: Float64Array, width: number) =>
    Array.from({ length: flat.length / width }, (_, r) =>
      Array.from(flat.subarray(r * width, (r + 1) * width)),
    );
  return {
    n,
    tierCount,
    tierCounts: Array.from(tierCounts),
    tierOutcomes: rows(tierOutcomes, 3),
    disqualified,
    histogram: Array.from(histogram),
    segmentTiers: segmentTiers ? rows(segmentTiers, tierCount) : null,
    auc: classes ? aucOfClasses(classes.subarray(0, won), classes.subarray(lost, n)) : (knownAuc ?? null),
  };
}

/** Conversion among resolved leads (won / (won + lost)); null when there are none. */
export function conversion(outcomes: number[]): { rate: number | null; resolved: number; won: number } {
  const won = outcomes[OUTCOME.won];
  const resolved = won + outcomes[OUTCOME.lost];
  return { rate: resolved > 0 ? won / resolved : null, resolved, won };
}

/** Leads per (from tier, to tier) between two tierings of the same leads. */
export function migration(from: Uint8Array, fromTiers: number, to: Uint8Array, toTiers: number): number[][] {
  const counts = new Float64Array(fromTiers * toTiers);
  for (let i = 0; i < from.length; i++) counts[from[i] * toTiers + to[i]]++;
  return Array.from({ length: fromTiers }, (_, f) =>
    Array.from(counts.subarray(f * toTiers, (f + 1) * toTiers)),
  );
}

/** Share of all wins that landed in the top tier; null without wins. */
export function topTierWinShare(summary: TierSummary): number | null {
  const wins = summary.tierOutcomes.reduce((s, t) => s + t[OUTCOME.won], 0);
  return wins > 0 ? summary.tierOutcomes[0][OUTCOME.won] / wins : null;
}
