const WON = 1;
const LOST = 2;

/**
 * METRICS.md "Order for top-k metrics": the resolved leads in `mask` (nonzero = included), score descending,
 * then lead position ascending — lead id ascending when leads are in lead_id order, as the kernel keeps them.
 * A stable LSD radix sort on the scores' order-preserving bit patterns: no comparator, O(n).
 */
export function topOrder(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  mask?: ArrayLike<number>,
): Uint32Array {
  let n = 0;
  for (let i = 0; i < outcome.length; i++) {
    if (mask && !mask[i]) continue;
    if (outcome[i] === WON || outcome[i] === LOST) n++;
  }
  let idx = new Uint32Array(n);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  for (let i = 0, k = 0; i < outcome.length; i++) {
    if ((mask && !mask[i]) || (outcome[i] !== WON && outcome[i] !== LOST)) continue;
    bits[0] = scores[i] + 0; // −0 → 0
    let h = words[1];
    let l = words[0];
    // ascending unsigned key of the double, then complemented for descending order
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    idx[k] = i;
    hi[k] = ~h >>> 0;
    lo[k++] = ~l >>> 0;
  }
  let idx2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  let lo2 = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const shift = (pass % 2) * 16;
    const key = pass < 2 ? lo : hi;
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[(key[k] >>> shift) & 0xffff]++;
    let sum = 0;
    let single = false;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      if (c === n) single = true;
      counts[d] = sum;
      sum += c;
    }
    if (single) continue; // every key has this digit: the pass would not move anything
    for (let k = 0; k < n; k++) {
      const at = counts[(key[k] >>> shift) & 0xffff]++;
      idx2[at] = idx[k];
      hi2[at] = hi[k];
      lo2[at] = lo[k];
    }
    [idx, idx2] = [idx2, idx];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  return idx;
}

/** One row of the lift table: the top `percent`% of resolved leads in top order. */
export interface LiftRow {
  percent: number;
  /** ⌈N·percent/100⌉ leads. */
  count: number;
  /** Score of the last lead counted (the lowest score inside the top `count`). */
  threshold: number;
  tp: number;
  fp: number;
  /** TP / count. */
  precision: number;
  /** TP / wins; null without wins. */
  recall: number | null;
  /** precision / base rate; null without wins. */
  lift: number | null;
}

/**
 * METRICS.md "Lift table" (Evidently): at each `step`% (1, 5 or 10) of the resolved leads in `order` (from
 * topOrder, or any precomputed order of lead indices — open leads in it are skipped): count, threshold score,
 * TP, FP, precision, recall, lift. Counts round up (⌈N·k/100⌉), so each row holds at least one lead. Null
 * when no lead is resolved.
 */
export function liftTable(
  scores: ArrayLike<number>,
  outcome: ArrayLike<number>,
  order: ArrayLike<number>,
  step: 1 | 5 | 10 = 10,
): LiftRow[] | null {
  let n = 0;
  let wins = 0;
  for (let k = 0; k < order.length; k++) {
    const o = outcome[order[k]];
    if (o === WON) wins++;
    if (o === WON || o === LOST) n++;
  }
  if (n === 0) return null;
  const rows: LiftRow[] = [];
  let seen = 0;
  let tp = 0;
  let k = 0;
  let last = 0;
  for (let percent = step; percent <= 100; percent += step) {
    const count = Math.ceil((n * percent) / 100);
    while (seen < count) {
      const i = order[k++];
      const o = outcome[i];
      if (o !== WON && o !== LOST) continue;
      seen++;
      if (o === WON) tp++;
      last = scores[i];
    }
    const precision = tp / count;
    rows.push({
      percent,
      count,
      threshold: last,
      tp,
      fp: count - tp,
      precision,
      recall: wins ? tp / wins : null,
      lift: wins ? precision / (wins / n) : null,
    });
  }
  return rows;
}

/** Cumulative gains points: share of leads worked (x) vs share of wins captured. */
export interface GainsCurve {
  x: Float64Array;
  model: Float64Array;
  /** The random diagonal: y = x. */
  random: Float64Array;
  /** Wins first: min(1, x·N / wins). */
  perfect: Float64Array;
}

/**
 * METRICS.md "Cumulative gains" at the lift-table rows, from (0, 0): % of wins captured vs % of leads worked,
 * with the random diagonal and the perfect curve. Null when the table is null or there is no win.
 */
export function cumulativeGains(rows: readonly LiftRow[] | null): GainsCurve | null {
  if (!rows || rows.length === 0 || rows[0].recall === null) return null;
  const n = rows[rows.length - 1].count;
  const wins = rows[rows.length - 1].tp;
  const m = rows.length + 1;
  const curve: GainsCurve = {
    x: new Float64Array(m),
    model: new Float64Array(m),
    random: new Float64Array(m),
    perfect: new Float64Array(m),
  };
  rows.forEach((r, k) => {
    curve.x[k + 1] = r.count / n;
    curve.model[k + 1] = r.recall!;
    curve.random[k + 1] = r.count / n;
    curve.perfect[k + 1] = Math.min(r.count, wins) / wins;
  });
  return curve;
}
