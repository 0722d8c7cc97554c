import { reliabilityBins, type ReliabilityBin, type ReliabilityOptions } from './reliability';

/** METRICS.md log-loss clipping: p is clipped to [1e−15, 1 − 1e−15]. */
export const LOG_LOSS_EPS = 1e-15;

/**
 * METRICS.md "ECE" = Σ_b (n_b/N)·|ȳ_b − p̄_b| over the reliability bins (reliability.ts: 10 quantile bins by
 * default). Null when reliabilityBins is (no resolved lead, p outside [0, 1]).
 */
export function ece(
  p: ArrayLike<number>,
  outcome: ArrayLike<number>,
  options: ReliabilityOptions = {},
): number | null {
  return eceOfBins(reliabilityBins(p, outcome, options));
}

/** ECE from reliability bins already computed (the diagram's bins: the same number, no second sort). */
export function eceOfBins(bins: readonly ReliabilityBin[] | null): number | null {
  if (!bins) return null;
  let total = 0;
  let sum = 0;
  for (const b of bins) {
    total += b.n;
    sum += b.n * Math.abs(b.rate - b.meanP);
  }
  return sum / total;
}

/**
 * METRICS.md "Brier" = mean (p − y)² over resolved leads (brier_score_loss), y = 1 for won. Null when no lead
 * is resolved. One class is fine, as in brier_score_loss. Read from the resolved leads grouped by score
 * (roc.ts scoreGroups; the calibrated p is a function of the score): p[k] is the probability of every lead
 * at values[k], won[k] and lost[k] their counts.
 */
export function brierOfGroups(
  p: ArrayLike<number>,
  won: ArrayLike<number>,
  lost: ArrayLike<number>,
): number | null {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < p.length; k++) {
    const d = p[k] - 1;
    sum += won[k] * d * d + lost[k] * p[k] * p[k];
    n += won[k] + lost[k];
  }
  return n === 0 ? null : sum / n;
}

/**
 * METRICS.md "log loss" = −mean(y·ln p + (1 − y)·ln(1 − p)) over resolved leads with p clipped to
 * [1e−15, 1 − 1e−15] (log_loss(eps=1e−15, labels=[0, 1])). Null when no lead is resolved. One class is fine:
 * the labels are known, so it equals log_loss with labels given (without them scikit-learn refuses). Read
 * from the resolved leads grouped by score, as brierOfGroups.
 */
export function logLossOfGroups(
  p: ArrayLike<number>,
  won: ArrayLike<number>,
  lost: ArrayLike<number>,
): number | null {
  let n = 0;
  let sum = 0;
  for (let k = 0; k < p.length; k++) {
    const q = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p[k]));
    if (won[k] > 0) sum -= won[k] * Math.log(q);
    if (lost[k] > 0) sum -= lost[k] * Math.log(1 - q);
    n += won[k] + lost[k];
  }
  return n === 0 ? null : sum / n;
}
