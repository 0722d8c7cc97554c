import type { ScoreGroups } from './roc';
import { sortNonNegative } from './sortScores';

/**
 * AUC as METRICS.md defines it: Mann–Whitney, P(s_won > s_lost) + ½·P(tie), over resolved leads only
 * (scikit-learn's roc_auc_score). Null when either class is empty. Each class is radix-sorted on its own
 * and the two are merged once: no pairs sorted, no comparator calls.
 */
export function auc(scores: ArrayLike<number>, outcome: ArrayLike<number>, won = 1, lost = 2): number | null {
  let nWon = 0;
  let nLost = 0;
  for (let i = 0; i < outcome.length; i++) {
    if (outcome[i] === won) nWon++;
    else if (outcome[i] === lost) nLost++;
  }
  if (nWon === 0 || nLost === 0) return null;
  const w = new Float64Array(nWon);
  const l = new Float64Array(nLost);
  for (let i = 0, a = 0, b = 0; i < outcome.length; i++) {
    if (outcome[i] === won) w[a++] = scores[i];
    else if (outcome[i] === lost) l[b++] = scores[i];
  }
  sortNonNegative(w);
  sortNonNegative(l);
  // for each won score: lost scores below it count 1, equal ones ½
  let below = 0;
  let equalEnd = 0;
  let pairs = 0;
  for (let i = 0; i < nWon; i++) {
    const s = w[i];
    while (below < nLost && l[below] < s) below++;
    if (equalEnd < below) equalEnd = below;
    while (equalEnd < nLost && l[equalEnd] === s) equalEnd++;
    pairs += below + (equalEnd - below) / 2;
  }
  return pairs / (nWon * nLost);
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
