import { classScratch } from './auc';
import { keptFloat64 } from './keptBuffer';
import { sortNonNegative } from './sortScores';

const WON = 1;
const LOST = 2;

/**
 * Resolved leads grouped by distinct score: values ascending, with the number of won and lost leads at each.
 * Open leads (and leads outside `mask`, where given: nonzero = included) never count.
 */
export interface ScoreGroups {
  values: Float64Array;
  won: Float64Array;
  lost: Float64Array;
  nWon: number;
  nLost: number;
}

/**
 * The distinct-threshold table behind every METRICS.md "Discrimination" number (sklearn's _binary_clf_curve):
 * each class radix-sorted on its own and merged once, no comparator sort, no index array.
 */
export function scoreGroups(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  mask?: ArrayLike<number>,
  /**
   * false: the groups are views of buffers the next call overwrites (a loop that is done with each grouping
   * before the next one saves the copies: fresh arrays pay their page faults).
   */
  copy = true,
): ScoreGroups {
  const n = outcome.length;
  // One pass without a branch on the outcome or the mask (both mispredict): each score goes to both
  // classes' next free slots, won from the front and lost from the back of a buffer one longer than the
  // leads (so a free slot always remains between them), and only its own class's end moves.
  const classes = classScratch(n + 1);
  let front = 0;
  let back = n + 1;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    const o = outcome[i];
    const kept = mask ? +(mask[i] !== 0) : 1;
    classes[front] = s;
    classes[back - 1] = s;
    front += kept & +(o === WON);
    back -= kept & +(o === LOST);
  }
  const nWon = front;
  const nLost = n + 1 - back;
  const w = classes.subarray(0, nWon);
  const l = classes.subarray(back, n + 1);
  sortNonNegative(w);
  sortNonNegative(l);
  const { values, won, lost } = groupScratch(nWon + nLost);
  let k = -1;
  for (let a = 0, b = 0; a < nWon || b < nLost;) {
    const fromWon = b >= nLost || (a < nWon && w[a] <= l[b]);
    const s = fromWon ? w[a++] : l[b++];
    if (k < 0 || values[k] !== s) values[++k] = s;
    if (fromWon) won[k]++;
    else lost[k]++;
  }
  const m = k + 1;
  const part = (a: Float64Array) => (copy ? a.slice(0, m) : a.subarray(0, m));
  return { values: part(values), won: part(won), lost: part(lost), nWon, nLost };
}

// kept between calls: a re-score groups a million scores several times (windows, quarters), and fresh
// buffers of that size cost more in garbage collection than the grouping
const keptValues = keptFloat64();
const keptWon = keptFloat64();
const keptLost = keptFloat64();

/** Buffers of n values each for scoreGroups' merge (counts zeroed), which returns copies of the parts it fills. */
function groupScratch(n: number): { values: Float64Array; won: Float64Array; lost: Float64Array } {
  return { values: keptValues(n), won: keptWon(n).fill(0), lost: keptLost(n).fill(0) };
}

/** ROC curve points, thresholds descending. */
export interface RocCurve {
  fpr: Float64Array;
  tpr: Float64Array;
  /**
   * thresholds[k] = the score at or above which leads are predicted won at point k. Point 0 is (0, 0) with
   * threshold = highest score + 1, as the scikit-learn 1.2 the goldens come from (newer versions write +∞,
   * which METRICS.md never shows).
   */
  thresholds: Float64Array;
}

/**
 * METRICS.md "ROC points": one point per distinct score threshold, as roc_curve(drop_intermediate=False).
 * Null when either class is empty (scikit-learn warns and returns NaN).
 */
export function rocCurve(groups: ScoreGroups): RocCurve | null {
  const { values, won, lost, nWon, nLost } = groups;
  if (nWon === 0 || nLost === 0) return null;
  const m = values.length;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = values[m - 1] + 1;
  let tp = 0;
  let fp = 0;
  for (let k = 1; k <= m; k++) {
    const g = m - k;
    tp += won[g];
    fp += lost[g];
    tpr[k] = tp / nWon;
    fpr[k] = fp / nLost;
    thresholds[k] = values[g];
  }
  return { fpr, tpr, thresholds };
}

/** METRICS.md "Gini" = 2·AUC − 1, from the AUC of auc.ts (one home for AUC). Null when the AUC is. */
export function gini(aucValue: number | null): number | null {
  return aucValue === null ? null : 2 * aucValue - 1;
}

/** Kolmogorov–Smirnov statistic with the threshold that attains it. */
export interface Ks {
  ks: number;
  /** The (highest) score threshold where TPR − FPR is largest. */
  threshold: number;
}

/**
 * METRICS.md "KS" = max over the ROC thresholds of TPR − FPR (≥ 0: the (0, 0) point counts). Null when either
 * class is empty.
 */
export function ks(groups: ScoreGroups): Ks | null {
  const roc = rocCurve(groups);
  return roc ? ksOfRoc(roc) : null;
}

/** The KS of a ROC curve already computed (rocCurve). */
export function ksOfRoc(roc: RocCurve): Ks {
  let best = 0;
  for (let k = 1; k < roc.tpr.length; k++)
    if (roc.tpr[k] - roc.fpr[k] > roc.tpr[best] - roc.fpr[best]) best = k;
  return { ks: roc.tpr[best] - roc.fpr[best], threshold: roc.thresholds[best] };
}
