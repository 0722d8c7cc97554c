/**
 * Statistics behind METRICS.md "Bias by segment": the Wilson interval of a rate, two-sided normal p-values of
 * the segment z-scores, and the Benjamini–Hochberg adjustment across the segments of a column. Pure functions,
 * no allocation beyond their results.
 */

// The Wilson interval has one home (../wilson.ts); it is re-exported here beside the other bias statistics.
export { WILSON_Z, wilsonInterval, type Interval } from '../wilson';

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631–638;
// the coefficient sets of Netlib SPECFUN CALERF (as the nearest doubles). Relative error ~1e−15 throughout.
const A = [3.1611237438705655, 113.86415415105016, 377.485237685302, 3209.3775891384694, 0.18577770618460315];
const B = [23.601290952344122, 244.02463793444417, 1282.6165260773723, 2844.236833439171];
const C = [
  0.5641884969886701, 8.883149794388377, 66.11919063714163, 298.6351381974001, 881.952221241769,
  1712.0476126340707, 2051.0783778260716, 1230.3393547979972, 2.1531153547440383e-8,
];
const D = [
  15.744926110709835, 117.6939508913125, 537.1811018620099, 1621.3895745666903, 3290.7992357334597,
  4362.619090143247, 3439.3676741437216, 1230.3393548037495,
];
const P = [
  0.30532663496123236, 0.36034489994980445, 0.12578172611122926, 0.016083785148742275, 0.0006587491615298378,
  0.016315387137302097,
];
const Q = [
  2.568520192289822, 1.8729528499234604, 0.5279051029514285, 0.06051834131244132, 0.0023352049762686918,
];
const ONE_OVER_SQRT_PI = 0.5641895835477563;
const X_BIG = 26.543; // erfc(x) underflows beyond

/** exp(−y²) without the rounding error of forming y² (CALERF's split at multiples of 1/16). */
function expMinusSquare(y: number): number {
  const ysq = Math.trunc(y * 16) / 16;
  const del = (y - ysq) * (y + ysq);
  return Math.exp(-ysq * ysq) * Math.exp(-del);
}

/**
 * Complementary error function erfc(x) = 1 − erf(x) (Cody's CALERF), relative error ≲ 1e−15 for x ≥ 0, so
 * the tail probabilities behind METRICS.md's two-sided p-values keep their digits far into the tail.
 */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) {
    const ysq = y > 1.11e-16 ? y * y : 0;
    let num = A[4] * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]) * ysq;
      den = (den + B[i]) * ysq;
    }
    return 1 - (x * (num + A[3])) / (den + B[3]);
  } else if (y <= 4) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]) * y;
      den = (den + D[i]) * y;
    }
    r = expMinusSquare(y) * ((num + C[7]) / (den + D[7]));
  } else if (y < X_BIG) {
    const ysq = 1 / (y * y);
    let num = P[5] * ysq;
    let den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]) * ysq;
      den = (den + Q[i]) * ysq;
    }
    r = expMinusSquare(y) * ((ONE_OVER_SQRT_PI - (ysq * (num + P[4])) / (den + Q[4])) / y);
  } else {
    r = 0;
  }
  return x < 0 ? 2 - r : r;
}

/** Standard normal CDF Φ(x) = erfc(−x/√2)/2, accurate in both tails. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/**
 * Two-sided p-value of a standard normal z (METRICS.md "Significance"): P(|Z| ≥ |z|) = erfc(|z|/√2), as
 * scipy's 2·norm.sf(|z|). Null for a null or NaN z; ±∞ gives 0.
 */
export function twoSidedP(z: number | null): number | null {
  if (z === null || Number.isNaN(z)) return null;
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Benjamini–Hochberg adjusted p-values (METRICS.md "Significance"), identical to statsmodels
 * multipletests(method='fdr_bh') and scipy.stats.false_discovery_control: with the m p-values ranked
 * ascending, adj_(i) = min_{j ≥ i} min(1, m·p_(j)/j), returned in input order. The family is exactly the
 * array given (callers leave out what is not judged).
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  const m = pValues.length;
  const out = new Float64Array(m);
  if (m === 0) return out;
  const order = new Uint32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((a, b) => pValues[a] - pValues[b] || a - b);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    const scaled = (pValues[i] * m) / rank;
    if (scaled < running) running = scaled;
    out[i] = running;
  }
  return out;
}
