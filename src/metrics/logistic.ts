import { sigmoid } from './platt';

const WON = 1;
const LOST = 2;

/** L2-penalised logistic regression coefficients. */
export interface LogisticModel {
  intercept: number;
  /** One coefficient per feature column. */
  coef: Float64Array;
  iterations: number;
  /** ‖∇‖ of the objective at the solution (< 1e−8). */
  gradNorm: number;
}

export interface LogisticOptions {
  /** Inverse penalty strength; default 1. */
  C?: number;
  /** Nonzero = lead included (e.g. the training window); default every lead. */
  mask?: ArrayLike<number>;
}

/** Feature columns for logisticFit (METRICS.md "Data-driven weights"); rows[i][j] = feature j of lead i. */
export function columnsFromRows(rows: readonly ArrayLike<number>[], nFeatures: number): Float64Array[] {
  const columns = Array.from({ length: nFeatures }, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    for (let j = 0; j < nFeatures; j++) columns[j][i] = row[j];
  });
  return columns;
}

/** Solves A·x = b for symmetric positive definite A (row-major D×D) by Cholesky; null if not SPD. */
function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array | null {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      if (i === j) {
        if (!(s > 0)) return null;
        l[i * d + i] = Math.sqrt(s);
      } else l[i * d + j] = s / l[j * d + j];
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) x[i] -= l[i * d + k] * x[k];
    x[i] /= l[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i] -= l[k * d + i] * x[k];
    x[i] /= l[i * d + i];
  }
  return x;
}

const GRAD_TOL = 1e-8;
const MAX_ITER = 100;

/**
 * METRICS.md "Data-driven weights": logistic regression of won on the feature columns over resolved leads
 * in `mask`, L2 penalty with C (default 1), intercept unpenalised — scikit-learn's LogisticRegression(C)
 * objective C·Σ log loss + ½‖w‖² (a sum, not a mean), here divided by C. Newton (IRLS) with backtracking line
 * search until ‖∇‖ < 1e−8 (of the divided objective: Σ log loss + ½‖w‖²/C). Cost per iteration O(n·d²):
 * about 0.5 s per iteration at a million leads × 20 features, ~6 iterations.
 *
 * Null when no lead is resolved or only one class is (the unpenalised intercept runs off to ±∞), or if Newton
 * stalls above the tolerance (not seen in practice).
 */
export function logisticFit(
  columns: readonly ArrayLike<number>[],
  outcome: ArrayLike<number>,
  options: LogisticOptions = {},
): LogisticModel | null {
  const { C = 1, mask } = options;
  const d = columns.length;
  const D = d + 1;
  let n = 0;
  let nWon = 0;
  for (let i = 0; i < outcome.length; i++) {
    if (mask && !mask[i]) continue;
    if (outcome[i] === WON) nWon++;
    if (outcome[i] === WON || outcome[i] === LOST) n++;
  }
  if (nWon === 0 || nWon === n) return null;
  const idx = new Uint32Array(n);
  const y = new Uint8Array(n);
  for (let i = 0, k = 0; i < outcome.length; i++) {
    if ((mask && !mask[i]) || (outcome[i] !== WON && outcome[i] !== LOST)) continue;
    y[k] = outcome[i] === WON ? 1 : 0;
    idx[k++] = i;
  }
  const z = new Float64Array(n);
  const linear = (beta: Float64Array): void => {
    z.fill(beta[0]);
    for (let j = 0; j < d; j++) {
      const col = columns[j];
      const wj = beta[j + 1];
      if (wj !== 0) for (let k = 0; k < n; k++) z[k] += wj * col[idx[k]];
    }
  };
  const objective = (beta: Float64Array): number => {
    linear(beta);
    let f = 0;
    for (let k = 0; k < n; k++) {
      const zk = z[k];
      f += (zk > 0 ? zk + Math.log1p(Math.exp(-zk)) : Math.log1p(Math.exp(zk))) - (y[k] ? zk : 0);
    }
    let pen = 0;
    for (let j = 1; j < D; j++) pen += beta[j] * beta[j];
    return f + (0.5 * pen) / C;
  };

  let beta = new Float64Array(D);
  let f = objective(beta);
  const r = new Float64Array(n);
  const v = new Float64Array(n);
  const t = new Float64Array(n);
  for (let iter = 0; iter <= MAX_ITER; iter++) {
    linear(beta);
    for (let k = 0; k < n; k++) {
      const p = sigmoid(z[k]);
      r[k] = p - y[k];
      v[k] = p * (1 - p);
    }
    const g = new Float64Array(D);
    const h = new Float64Array(D * D);
    let g0 = 0;
    let h00 = 0;
    for (let k = 0; k < n; k++) {
      g0 += r[k];
      h00 += v[k];
    }
    g[0] = g0;
    h[0] = h00;
    for (let j = 0; j < d; j++) {
      const cj = columns[j];
      let gj = 0;
      let h0j = 0;
      for (let k = 0; k < n; k++) {
        const x = cj[idx[k]];
        gj += r[k] * x;
        t[k] = v[k] * x;
        h0j += t[k];
      }
      g[j + 1] = gj + beta[j + 1] / C;
      h[j + 1] = h[(j + 1) * D] = h0j;
      for (let m = j; m < d; m++) {
        const cm = columns[m];
        let s = 0;
        for (let k = 0; k < n; k++) s += t[k] * cm[idx[k]];
        if (m === j) s += 1 / C;
        h[(j + 1) * D + m + 1] = h[(m + 1) * D + j + 1] = s;
      }
    }
    let gradNorm = 0;
    for (let j = 0; j < D; j++) gradNorm += g[j] * g[j];
    gradNorm = Math.sqrt(gradNorm);
    if (gradNorm < GRAD_TOL) {
      return { intercept: beta[0], coef: beta.slice(1), iterations: iter, gradNorm };
    }
    if (iter === MAX_ITER) break;
    const step = choleskySolve(h, g, D);
    if (!step) return null;
    let slope = 0;
    for (let j = 0; j < D; j++) slope -= g[j] * step[j];
    // Near the optimum (Newton decrement λ² = −slope < 0.01) the full step is safe and the objective changes
    // less than its rounding: no line search there. Elsewhere Armijo backtracking.
    let trial = beta.map((b, j) => b - step[j]);
    let next = objective(trial);
    if (-slope >= 0.01) {
      for (let size = 1; !(next <= f + 1e-4 * size * slope) && size > 1e-10;) {
        size /= 2;
        trial = beta.map((b, j) => b - size * step[j]);
        next = objective(trial);
      }
      if (!(next <= f)) return null;
    }
    beta = trial;
    f = next;
  }
  return null;
}
