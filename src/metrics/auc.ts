import type { ScoreGroups } from './roc';
import { keptFloat64 } from './keptBuffer';
import { sortNonNegative } from './sortScores';

/**
 * AUC as METRICS.md defines it: Mann–Whitney, P(s_won > s_lost) + ½·P(tie), over resolved leads only
 * (scikit-learn's roc_auc_score; outcome 1 = won, 2 = lost, others left out). Null when either class is
 * empty. Each class radix-sorted on its own (no comparator), then one merge pass; no per-call buffers.
 */
export function auc(scores: ArrayLike<number>, outcome: ArrayLike<number>): number | null {
  const n = outcome.length;
  const buffer = classScratch(n);
  let a = 0;
  let b = n;
  for (let i = 0; i < n; i++) {
    if (outcome[i] === WON) buffer[a++] = scores[i];
    else if (outcome[i] === LOST) buffer[--b] = scores[i];
  }
  return aucOfClasses(buffer.subarray(0, a), buffer.subarray(b, n));
}

/**
 * The AUC of the won and the lost leads' scores, given in any order (both are sorted in place): each class
 * radix-sorted on its own (no comparator), then one merge pass. Null when either class is empty.
 */
export function aucOfClasses(won: Float64Array, lost: Float64Array): number | null {
  const nWon = won.length;
  const nLost = lost.length;
  if (nWon === 0 || nLost === 0) return null;
  sortNonNegative(won);
  sortNonNegative(lost);
  // per distinct won value: its wins × (losses below it + half the losses tied with it), ascending — the
  // same terms in the same order as aucOfGroups, each a multiple of ½, so the sum is exact and equal
  let pairs = 0;
  let below = 0;
  for (let a = 0; a < nWon;) {
    const v = won[a];
    while (below < nLost && lost[below] < v) below++;
    let tiedTo = below;
    while (tiedTo < nLost && lost[tiedTo] === v) tiedTo++;
    let next = a + 1;
    while (next < nWon && won[next] === v) next++;
    pairs += (next - a) * (below + (tiedTo - below) / 2);
    a = next;
  }
  return pairs / (nWon * nLost);
}

/**
 * aucOfGroups of the union of two groupings of disjoint lead sets (train and test), from one merge walk
 * without building the merged grouping: the same terms in the same order, so the same value to the bit.
 */
export function aucOfMergedGroups(a: ScoreGroups, b: ScoreGroups): number | null {
  const nWon = a.nWon + b.nWon;
  const nLost = a.nLost + b.nLost;
  if (nWon === 0 || nLost === 0) return null;
  const na = a.values.length;
  const nb = b.values.length;
  let lostBelow = 0;
  let pairs = 0;
  for (let i = 0, j = 0; i < na || j < nb;) {
    const v = j >= nb || (i < na && a.values[i] <= b.values[j]) ? a.values[i] : b.values[j];
    let won = 0;
    let lost = 0;
    if (i < na && a.values[i] === v) {
      won += a.won[i];
      lost += a.lost[i++];
    }
    if (j < nb && b.values[j] === v) {
      won += b.won[j];
      lost += b.lost[j++];
    }
    pairs += won * (lostBelow + lost / 2);
    lostBelow += lost;
  }
  return pairs / (nWon * nLost);
}

const WON = 1;
const LOST = 2;
/**
 * A kept buffer of n values for gathering the two classes (won from the front, lost from the back): the
 * caller passes its parts to aucOfClasses before the next call (the kernel computes an AUC on every
 * re-score of a million leads).
 */
export const classScratch = keptFloat64();

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
