import { sortNonNegative } from './sortScores';
import { wilsonInterval, type Interval } from './wilson';

const WON = 1;
const LOST = 2;

/** Bin edges by quantile of p (default) or uniform on [0, 1]. */
export type BinStrategy = 'quantile' | 'uniform';

export interface ReliabilityOptions {
  /** Default 10. */
  nBins?: number;
  /** Default 'quantile'. */
  strategy?: BinStrategy;
  /** Nonzero = lead included (e.g. the test window); default every lead. */
  mask?: ArrayLike<number>;
}

/** One non-empty bin of the reliability diagram. */
export interface ReliabilityBin {
  /** Position among the nBins bins (empty bins are left out, as calibration_curve does). */
  index: number;
  /** Edges: the bin holds low < p ≤ high (the first bin also p = low). */
  low: number;
  high: number;
  n: number;
  wins: number;
  /** Mean predicted probability (calibration_curve's prob_pred). */
  meanP: number;
  /** Actual win rate (calibration_curve's prob_true). */
  rate: number;
  /** Wilson 95% interval of the rate. */
  interval: Interval;
}

/**
 * Bin edges of the METRICS.md "Reliability diagram": numpy.percentile(p, linspace(0, 1, nBins + 1) * 100)
 * (method 'linear') on ascending `sorted`, or linspace(0, 1, nBins + 1): the edges calibration_curve uses,
 * reproduced to the last bit so that a p equal to an edge lands in the same bin.
 */
export function binEdges(sorted: Float64Array, nBins: number, strategy: BinStrategy): Float64Array {
  return edgesOf(sorted.length, (k) => sorted[k], nBins, strategy);
}

/** binEdges of n ascending values given by position (the k-th smallest is valueAt(k)). */
function edgesOf(
  n: number,
  valueAt: (k: number) => number,
  nBins: number,
  strategy: BinStrategy,
): Float64Array {
  const edges = new Float64Array(nBins + 1);
  const step = 1 / nBins;
  for (let i = 0; i <= nBins; i++) {
    const q = i === nBins ? 1 : i * step;
    if (strategy === 'uniform') {
      edges[i] = q;
      continue;
    }
    const v = (n - 1) * ((q * 100) / 100);
    if (v >= n - 1) {
      edges[i] = valueAt(n - 1);
      continue;
    }
    const lo = Math.floor(v);
    const t = v - lo;
    const a = valueAt(lo);
    const b = valueAt(lo + 1);
    const diff = b - a;
    edges[i] = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
  return edges;
}

/**
 * METRICS.md "Reliability diagram": resolved leads in nBins bins of p (calibration_curve semantics: edges as
 * binEdges, a p on an inner edge goes to the lower bin); per non-empty bin n, mean p, actual rate and its
 * Wilson interval. Null when there is no resolved lead, or a p is outside [0, 1] or NaN (calibration_curve
 * raises). One class is fine, as in calibration_curve.
 */
export function reliabilityBins(
  p: ArrayLike<number>,
  outcome: ArrayLike<number>,
  options: ReliabilityOptions = {},
): ReliabilityBin[] | null {
  const { nBins = 10, strategy = 'quantile', mask } = options;
  let n = 0;
  for (let i = 0; i < outcome.length; i++) {
    if ((mask && !mask[i]) || (outcome[i] !== WON && outcome[i] !== LOST)) continue;
    if (!(p[i] >= 0 && p[i] <= 1)) return null;
    n++;
  }
  if (n === 0) return null;
  const sorted = new Float64Array(n);
  for (let i = 0, k = 0; i < outcome.length; i++) {
    if ((mask && !mask[i]) || (outcome[i] !== WON && outcome[i] !== LOST)) continue;
    sorted[k++] = p[i];
  }
  const edges = binEdges(strategy === 'quantile' ? sortNonNegative(sorted) : sorted, nBins, strategy);
  const count = new Float64Array(nBins);
  const wins = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  for (let i = 0; i < outcome.length; i++) {
    if ((mask && !mask[i]) || (outcome[i] !== WON && outcome[i] !== LOST)) continue;
    // searchsorted(edges[1:-1], p, 'left'): the number of inner edges below p
    let lo = 0;
    let hi = nBins - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid + 1] < p[i]) lo = mid + 1;
      else hi = mid;
    }
    count[lo]++;
    sumP[lo] += p[i];
    if (outcome[i] === WON) wins[lo]++;
  }
  return binsOf(edges, count, wins, sumP);
}

/**
 * The same bins from resolved leads grouped by distinct p, ascending (`p[k]` with `won[k]` wins and
 * `lost[k]` losses): when p is a non-decreasing function of the score, the score's groups give p in order
 * and no sort is needed. Null as reliabilityBins, and when `p` is not ascending.
 */
export function reliabilityBinsOfGroups(
  p: Float64Array,
  won: Float64Array,
  lost: Float64Array,
  options: Omit<ReliabilityOptions, 'mask'> = {},
): ReliabilityBin[] | null {
  const { nBins = 10, strategy = 'quantile' } = options;
  let n = 0;
  // ends[k]: leads in groups 0 … k, so the j-th smallest p (0-based) is p of the first group with end > j
  const ends = new Float64Array(p.length);
  for (let k = 0; k < p.length; k++) {
    if (!(p[k] >= 0 && p[k] <= 1) || (k > 0 && p[k] < p[k - 1])) return null;
    n += won[k] + lost[k];
    ends[k] = n;
  }
  if (n === 0) return null;
  const valueAt = (j: number) => {
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] > j) hi = mid;
      else lo = mid + 1;
    }
    return p[lo];
  };
  const edges = edgesOf(n, valueAt, nBins, strategy);
  const count = new Float64Array(nBins);
  const wins = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  let b = 0;
  for (let k = 0; k < p.length; k++) {
    const c = won[k] + lost[k];
    if (c === 0) continue;
    // p ascending: the bin (searchsorted left on the inner edges) only moves up
    while (b < nBins - 1 && edges[b + 1] < p[k]) b++;
    count[b] += c;
    sumP[b] += c * p[k];
    wins[b] += won[k];
  }
  return binsOf(edges, count, wins, sumP);
}

/** The non-empty bins from their edges and per-bin lead counts, wins and Σp. */
function binsOf(
  edges: Float64Array,
  count: Float64Array,
  wins: Float64Array,
  sumP: Float64Array,
): ReliabilityBin[] {
  const bins: ReliabilityBin[] = [];
  for (let b = 0; b < count.length; b++) {
    if (count[b] === 0) continue;
    bins.push({
      index: b,
      low: edges[b],
      high: edges[b + 1],
      n: count[b],
      wins: wins[b],
      meanP: sumP[b] / count[b],
      rate: wins[b] / count[b],
      interval: wilsonInterval(wins[b], count[b])!,
    });
  }
  return bins;
}
