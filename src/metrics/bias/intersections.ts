import { segmentBias, type SegmentBias } from './segments';

/** Combined segment codes of two columns; codes index labels, −1 = either value missing. */
export interface Intersection {
  codes: Int32Array;
  labels: string[];
  /** For combined code c: parts[2c] = code in column a, parts[2c + 1] = code in column b. */
  parts: Int32Array;
}

export interface IntersectOptions {
  /** Codes inside the label lists that stand for a missing value (treated like −1). */
  aMissing?: number;
  bMissing?: number;
  /** Between the two labels; default " × ". */
  separator?: string;
}

function present(c: number, k: number, missing: number | undefined): boolean {
  return c >= 0 && c < k && c !== missing;
}

/**
 * METRICS.md "Two-column intersections": combines two segment code columns into one, labelled "a × b". Only
 * combinations that occur (any lead, open included) get a code, ordered by a's code then b's; a lead with
 * either value missing gets −1.
 */
export function intersectSegments(
  a: ArrayLike<number>,
  aLabels: readonly string[],
  b: ArrayLike<number>,
  bLabels: readonly string[],
  options: IntersectOptions = {},
): Intersection {
  const ka = aLabels.length;
  const kb = bLabels.length;
  const sep = options.separator ?? ' × ';
  const len = a.length;
  const grid = new Int32Array(ka * kb);
  for (let i = 0; i < len; i++) {
    const ca = a[i];
    const cb = b[i];
    if (present(ca, ka, options.aMissing) && present(cb, kb, options.bMissing)) grid[ca * kb + cb] = 1;
  }
  const labels: string[] = [];
  const parts: number[] = [];
  for (let g = 0; g < grid.length; g++) {
    if (grid[g] === 0) {
      grid[g] = -1;
      continue;
    }
    const ca = Math.floor(g / kb);
    const cb = g - ca * kb;
    grid[g] = labels.length;
    labels.push(`${aLabels[ca]}${sep}${bLabels[cb]}`);
    parts.push(ca, cb);
  }
  const codes = new Int32Array(len);
  for (let i = 0; i < len; i++) {
    const ca = a[i];
    const cb = b[i];
    codes[i] =
      present(ca, ka, options.aMissing) && present(cb, kb, options.bMissing) ? grid[ca * kb + cb] : -1;
  }
  return { codes, labels, parts: Int32Array.from(parts) };
}

export interface IntersectionInput extends IntersectOptions {
  p: ArrayLike<number>;
  outcome: ArrayLike<number>;
  a: ArrayLike<number>;
  aLabels: readonly string[];
  b: ArrayLike<number>;
  bLabels: readonly string[];
  scores?: ArrayLike<number>;
}

/**
 * METRICS.md "Bias by segment" on a two-column intersection (e.g. industry × region): intersectSegments, then
 * segmentBias with the same rules (too-few, BH family over the judged intersections, flags, AUC).
 */
export function intersectionBias(input: IntersectionInput): SegmentBias & { intersection: Intersection } {
  const intersection = intersectSegments(input.a, input.aLabels, input.b, input.bLabels, input);
  const bias = segmentBias({
    p: input.p,
    outcome: input.outcome,
    segment: intersection.codes,
    labels: intersection.labels,
    scores: input.scores,
  });
  return { ...bias, intersection };
}
