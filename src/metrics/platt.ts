import { keptFloat64 } from './keptBuffer';
import { scoreGroups, type ScoreGroups } from './roc';

/** p(s) = 1 / (1 + exp(−(a·s + b))). */
export interface PlattModel {
  a: number;
  b: number;
  iterations: number;
  /** ‖∇‖ of the mean log loss in (a, b) at the solution (< 1e−10). */
  gradNorm: number;
}

/**
 * The logistic function of METRICS.md p(s) = 1 / (1 + e^−z), as written for every z: e^−z overflows to ∞
 * for z < −709, and 1 / ∞ is the 0 the exact value rounds to but for subnormals. No branch on the sign,
 * which mispredicts in a pass over leads in their own order (~25 % of that pass at a million leads).
 */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
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
// the fit's standardised scores and counts, kept between fits (fresh arrays pay their page faults; every
// element is written before it is read)
const keptX = keptFloat64();
const keptCount = keptFloat64();
const MAX_ITER = 100;

/**
 * METRICS.md "Predicted probability p(s)" by Platt scaling: the unpenalised maximum-likelihood logistic fit
 * of won on score (LogisticRegression(penalty=None) on the one score feature), over resolved leads in `mask`.
 * See plattFitGroups.
 */
export function plattFit(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  mask?: ArrayLike<number>,
): PlattModel | null {
  return plattFitGroups(scoreGroups(scores, outcome, mask));
}

/**
 * Platt scaling over resolved leads already grouped by distinct score (the same likelihood, summed per
 * group: a distinct score with w wins and l losses adds (w + l)·softplus(z) − w·z). Newton with
 * backtracking line search on the standardised score until ‖∇ mean log loss‖ < 1e−10, from (0, 0) or from
 * `start` (the same optimum: the loss is strictly convex).
 *
 * Null when the maximum-likelihood fit does not exist: no resolved lead, one class only, or the classes
 * separated by score (every won score ≥ every lost score, or ≤ — including all scores equal), where the
 * likelihood only grows as |a| → ∞. Also null if Newton fails to converge (not seen in practice).
 */
export function plattFitGroups(g: ScoreGroups, start?: { a: number; b: number }): PlattModel | null {
  const m = g.values.length;
  let n = 0;
  let sum = 0;
  let minWon = Infinity;
  let maxWon = -Infinity;
  let minLost = Infinity;
  let maxLost = -Infinity;
  for (let k = 0; k < m; k++) {
    const s = g.values[k];
    const c = g.won[k] + g.lost[k];
    if (g.won[k] > 0) {
      if (s < minWon) minWon = s;
      if (s > maxWon) maxWon = s;
    }
    if (g.lost[k] > 0) {
      if (s < minLost) minLost = s;
      if (s > maxLost) maxLost = s;
    }
    n += c;
    sum += c * s;
  }
  if (n === 0 || maxWon === -Infinity || maxLost === -Infinity) return null;
  if (maxLost <= minWon || maxWon <= minLost) return null;
  const mean = sum / n;
  const x = keptX(m);
  const count = keptCount(m);
  let ss = 0;
  for (let k = 0; k < m; k++) {
    x[k] = g.values[k] - mean;
    count[k] = g.won[k] + g.lost[k];
    ss += count[k] * x[k] * x[k];
  }
  const sd = Math.sqrt(ss / n);
  for (let k = 0; k < m; k++) x[k] /= sd;
  const won = g.won;

  // mean log loss of sigmoid(u·x + v)
  const loss = (u: number, v: number): number => {
    let f = 0;
    for (let k = 0; k < m; k++) {
      const z = u * x[k] + v;
      f += count[k] * softplus(z) - won[k] * z;
    }
    return f / n;
  };
  // a warm start (the previous fit, after a small edit) reaches the same optimum in fewer Newton steps
  let u = start && Number.isFinite(start.a) && Number.isFinite(start.b) ? start.a * sd : 0;
  let v = start && Number.isFinite(start.a) && Number.isFinite(start.b) ? start.b + start.a * mean : 0;
  // the loss at (u, v), computed only when a line search needs it (never near the optimum)
  let f: number | null = null;
  for (let iter = 1; iter <= MAX_ITER; iter++) {
    let gu = 0;
    let gv = 0;
    let huu = 0;
    let huv = 0;
    let hvv = 0;
    for (let k = 0; k < m; k++) {
      const pk = sigmoid(u * x[k] + v);
      const r = count[k] * pk - won[k];
      const w = count[k] * pk * (1 - pk);
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
    // Near the optimum (Newton decrement n·λ² < 0.01, summed-loss scale) the full step is safe and the loss
    // changes less than its rounding: no line search there, and no loss to compute. Elsewhere Armijo
    // backtracking.
    let next: number | null = null;
    if (-slope * n >= 0.01) {
      const from = f ?? loss(u, v);
      next = loss(u + du, v + dv);
      while (!(next <= from + 1e-4 * t * slope) && t > 1e-10) {
        t /= 2;
        next = loss(u + t * du, v + t * dv);
      }
      if (!(next <= from)) return null;
    }
    u += t * du;
    v += t * dv;
    f = next;
  }
  return null;
}
