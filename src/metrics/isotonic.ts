import { scoreGroups, type ScoreGroups } from './roc';

/** A fitted increasing step-and-ramp: distinct training scores ascending, fitted p at each. */
export interface IsotonicModel {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Pool adjacent violators (METRICS.md "Predicted probability p(s)", isotonic option): the non-decreasing
 * sequence closest to y in weighted least squares (weights > 0). Returns a new array.
 */
export function pava(y: ArrayLike<number>, w: ArrayLike<number>): Float64Array {
  const m = y.length;
  // blocks on a stack: weighted sum, weight, first index
  const sumWy = new Float64Array(m);
  const sumW = new Float64Array(m);
  const start = new Int32Array(m);
  let top = -1;
  for (let i = 0; i < m; i++) {
    top++;
    sumWy[top] = w[i] * y[i];
    sumW[top] = w[i];
    start[top] = i;
    while (top > 0 && sumWy[top - 1] / sumW[top - 1] > sumWy[top] / sumW[top]) {
      sumWy[top - 1] += sumWy[top];
      sumW[top - 1] += sumW[top];
      top--;
    }
  }
  const fitted = new Float64Array(m);
  for (let b = 0; b <= top; b++) {
    const end = b < top ? start[b + 1] : m;
    fitted.fill(sumWy[b] / sumW[b], start[b], end);
  }
  return fitted;
}

/**
 * METRICS.md "Predicted probability p(s)", isotonic option: increasing isotonic regression of won on score
 * over resolved leads in `mask` (IsotonicRegression(increasing=True)): leads with equal scores are first
 * averaged (weighted by their count), then pooled by PAVA. Null when no lead is resolved or only one class is
 * (nothing to calibrate against), as Platt scaling.
 */
export function isotonicFit(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  mask?: ArrayLike<number>,
): IsotonicModel | null {
  return isotonicFitGroups(scoreGroups(scores, outcome, mask));
}

/** The same fit from resolved leads already grouped by distinct score (roc.ts scoreGroups). */
export function isotonicFitGroups(g: ScoreGroups): IsotonicModel | null {
  if (g.nWon === 0 || g.nLost === 0) return null;
  const m = g.values.length;
  const w = new Float64Array(m);
  const y = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    w[k] = g.won[k] + g.lost[k];
    y[k] = g.won[k] / w[k];
  }
  return { x: g.values, y: pava(y, w) };
}

/**
 * p(s) under an isotonic model, as IsotonicRegression(out_of_bounds='clip').predict: s clipped to the
 * training range, then linear interpolation between the fitted points (scipy interp1d's formula).
 */
export function isotonicPredict(model: IsotonicModel, score: number): number {
  const { x, y } = model;
  const m = x.length;
  if (m === 1) return y[0];
  const s = Math.min(x[m - 1], Math.max(x[0], score));
  // searchsorted(x, s, 'left') clipped to [1, m − 1]
  let lo = 1;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  const slope = (y[lo] - y[lo - 1]) / (x[lo] - x[lo - 1]);
  return slope * (s - x[lo - 1]) + y[lo - 1];
}
