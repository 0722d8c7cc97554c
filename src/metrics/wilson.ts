/** z of the 95% Wilson interval, as METRICS.md fixes it (not the exact 1.959963984…). */
export const WILSON_Z = 1.959964;

/** A two-sided interval of a rate; both bounds inside [0, 1]. */
export interface Interval {
  low: number;
  high: number;
}

/**
 * METRICS.md "Wilson interval" (z = 1.959964): (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n) with
 * p̂ = wins / n. Null when n = 0 (division by zero shows "—").
 */
export function wilsonInterval(wins: number, n: number, z: number = WILSON_Z): Interval | null {
  if (!(n > 0)) return null;
  const phat = wins / n;
  const z2 = z * z;
  const centre = phat + z2 / (2 * n);
  const half = z * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { low: Math.max(0, (centre - half) / denom), high: Math.min(1, (centre + half) / denom) };
}
