import { scoreGroups, type ScoreGroups } from './roc';

/**
 * AUC as METRICS.md defines it: Mann–Whitney, P(s_won > s_lost) + ½·P(tie), over resolved leads only
 * (scikit-learn's roc_auc_score; outcome 1 = won, 2 = lost, others left out). Null when either class is
 * empty. One grouping by distinct score (radix sorts, no comparator) and one pass over it.
 */
export function auc(scores: ArrayLike<number>, outcome: ArrayLike<number>): number | null {
  return aucOfGroups(scoreGroups(scores, outcome));
}

/**
 * The same AUC from resolved leads already grouped by distinct score (roc.ts scoreGroups, which can hold
 * a window or a segment): each won lead beats the lost leads at lower values and ties those at its own.
 */
export function aucOfGroups(g: ScoreGroups): number | null {
  if (g.nWon === 0 || g.nLost === 0) return null;
  let lostBelow = 0;
  let pairs = 0;
  for (let k = 0; k < g.values.length; k++) {
    pairs += g.won[k] * (lostBelow + g.lost[k] / 2);
    lostBelow += g.lost[k];
  }
  return pairs / (g.nWon * g.nLost);
}
