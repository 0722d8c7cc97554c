const WON = 1;
const LOST = 2;

/** p(s) = 1 / (1 + exp(−(a·s + b))). */
export interface PlattModel {
  a: number;
  b: number;
  iterations: number;
  /** ‖∇‖ of the mean log loss in (a, b) at the solution (< 1e−10). */
  gradNorm: number;
}

/** Logistic function without overflow. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** ln(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** METRICS.md "Predicted probability p(s)" under a Platt model. */
export function plattProbability(model: PlattModel, score: number): number {
  return sigmoid(model.a * score + model.b);
}

const GRAD_TOL = 1e-10;
const MAX_ITER = 100;

/**
 * METRICS.md "Predicted probability p(s)" by Platt scaling: the unpenalised maximum-likelihood logistic fit of
 * won on score (LogisticRegression(penalty=None) on the one score feature), over resolved leads in `mask`.
 * Newton with backtracking line search on the standardised score until ‖∇ mean log loss‖ < 1e−10.
 *
 * Null when the maximum-likelihood fit does not exist: no resolved lead, one class only, or the classes
 * separated by score (every won score ≥ every lost score, or ≤ — including all scores equal), where the
 * likelihood only grows as |a| → ∞. Also null if Newton fails to converge (not seen in practice).
 */
export function plattFit(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  mask?: ArrayLike<number>,
): PlattModel | null {
  let n = 0;
  let sum = 0;
  let minWon = Infinity;
  let maxWon = -Infinity;
  let minLost = Infinity;
  let maxLost = -Infinity;
  for (let i = 0; i < outcome.length; i++) {
    if (mask && !mask[i]) continue;
    const s = scores[i];
    if (outcome[i] === WON) {
      if (s < minWon) minWon = s;
      if (s > maxWon) maxWon = s;
    } else if (outcome[i] === LOST) {
      if (s < minLost) minLost = s;
      if (s > maxLost) maxLost = s;
    } else continue;
    n++;
    sum += s;
  }
  if (n === 0 || maxWon === -Infinity || maxLost === -Infinity) return null;
  if (maxLost <= minWon || maxWon <= minLost) return null;
  const x = new Float64Array(n);
  const y = new Uint8Array(n);
  const mean = sum / n;
  let ss = 0;
  for (let i = 0, k = 0; i < outcome.length; i++) {
    if ((mask && !mask[i]) || (outcome[i] !== WON && outcome[i] !== LOST)) continue;
    x[k] = scores[i] - mean;
    ss += x[k] * x[k];
    y[k++] = outcome[i] === WON ? 1 : 0;
  }
  const sd = Math.sqrt(ss / n);
  for (let k = 0; k < n; k++) x[k] /= sd;

  // mean log loss of sigmoid(u·x + v)
  const loss = (u: number, v: number): number => {
    let f = 0;
    for (let k = 0; k < n; k++) {
      const z = u * x[k] + v;
      f += softplus(z) - (y[k] ? z : 0);
    }
    return f / n;
  };
  let u = 0;
  let v = 0;
  let f = loss(u, v);
  for (let iter = 1; iter <= MAX_ITER; iter++) {
    let gu = 0;
    let gv = 0;
    let huu = 0;
    let huv = 0;
    let hvv = 0;
    for (let k = 0; k < n; k++) {
      const pk = sigmoid(u * x[k] + v);
      const r = pk - y[k];
      const w = pk * (1 - pk);
      gu += r * x[k];
      gv += r;
      huu += w * x[k] * x[k];
      huv += w * x[k];
      hvv += w;
    }
    gu /= n;
    gv /= n;
    // gradient in the caller's (a, b): ∂/∂a = gu/sd, ∂/∂b = gv − gu·mean/sd
    const ga = gu / sd;
    const gb = gv - (gu * mean) / sd;
    const gradNorm = Math.hypot(ga, gb);
    if (gradNorm < GRAD_TOL) return { a: u / sd, b: v - (u * mean) / sd, iterations: iter - 1, gradNorm };
    huu /= n;
    huv /= n;
    hvv /= n;
    const det = huu * hvv - huv * huv;
    if (!(det > 0)) return null;
    const du = -(hvv * gu - huv * gv) / det;
    const dv = -(huu * gv - huv * gu) / det;
    const slope = gu * du + gv * dv;
    let t = 1;
    let next = loss(u + du, v + dv);
    // Armijo, with slack for the rounding of f once Newton is at the optimum to machine precision
    const slack = 1e-14 * Math.abs(f);
    while (!(next <= f + 1e-4 * t * slope + slack) && t > 1e-10) {
      t /= 2;
      next = loss(u + t * du, v + t * dv);
    }
    if (!(next <= f + slack)) return null;
    u += t * du;
    v += t * dv;
    f = next;
  }
  return null;
}
