import type { ScoreGroups } from './roc';

/**
 * METRICS.md "Average precision" = Σ_n (R_n − R_{n−1}) · P_n over the distinct score thresholds, descending
 * (average_precision_score; tied scores form one threshold). Null when either class is empty: scikit-learn
 * warns without wins and returns a trivial 1.0 without losses.
 */
export function averagePrecision(groups: ScoreGroups): number | null {
  const { won, lost, nWon, nLost } = groups;
  if (nWon === 0 || nLost === 0) return null;
  let tp = 0;
  let fp = 0;
  let sum = 0;
  for (let g = won.length - 1; g >= 0; g--) {
    tp += won[g];
    fp += lost[g];
    if (won[g] > 0) sum += (won[g] / nWon) * (tp / (tp + fp));
  }
  return sum;
}
