/** Leads of every quarter in top order; quarter q's leads are order[start[q] … start[q + 1]). */
export interface QuarterOrder {
  order: Uint32Array;
  start: Uint32Array;
}

const BITS = 11;
const DIGITS = 1 << BITS;
const MASK = DIGITS - 1;
const PASSES = 3; // 3 × 11 bits ≥ the 32 bits of the key
const SMALL_RUN = 24;

/** The score a lead sorts by: NaN as −∞ (last), −0 as 0. */
const sortValue = (s: number): number => (s === s ? s + 0 : -Infinity);

/**
 * METRICS.md "Value of scoring" (top-K of the quarter by score) with the "Order for top-k metrics": the leads
 * whose `cell` (q·tierCount + t) is ≥ 0 — open ones included — grouped by quarter, each quarter by score
 * descending then lead position ascending; NaN scores last. The technique of lift.ts topOrder — a stable LSD
 * radix sort on order-preserving bit patterns — on a 32-bit key, the score rounded to float32 (rounding is
 * monotone, so it never inverts two scores), per quarter, with (key, lead) pairs interleaved so each move
 * writes one cache line; then the rare runs of equal keys whose scores differ are sorted exactly. O(n).
 */
export function quarterTopOrder(
  score: Float64Array,
  cell: Int32Array,
  tierCount: number,
  quarterCount: number,
): QuarterOrder {
  const Q = quarterCount;
  const start = new Uint32Array(Q + 1);
  for (let i = 0; i < cell.length; i++) if (cell[i] >= 0) start[((cell[i] / tierCount) | 0) + 1]++;
  for (let q = 0; q < Q; q++) start[q + 1] += start[q];
  const n = start[Q];

  // pairs grouped by quarter, lead position ascending; digit histograms per quarter and pass
  let a = new Uint32Array(2 * n);
  let b = new Uint32Array(2 * n);
  const hist = new Uint32Array(Q * PASSES * DIGITS);
  const cursor = start.slice(0, Q);
  const f32 = new Float32Array(1);
  const word = new Uint32Array(f32.buffer);
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c < 0) continue;
    const q = (c / tierCount) | 0;
    f32[0] = sortValue(score[i]);
    const h = word[0];
    // descending order = complement of the ascending key (negative: ~h; non-negative: h with the sign set)
    const key = h & 0x80000000 ? h : (~h ^ 0x80000000) >>> 0;
    const at = 2 * cursor[q]++;
    a[at] = key;
    a[at + 1] = i;
    const hq = q * PASSES * DIGITS;
    hist[hq + (key & MASK)]++;
    hist[hq + DIGITS + ((key >>> BITS) & MASK)]++;
    hist[hq + 2 * DIGITS + (key >>> (2 * BITS))]++;
  }

  const offsets = new Uint32Array(DIGITS);
  for (let pass = 0; pass < PASSES; pass++) {
    const shift = pass * BITS;
    for (let q = 0; q < Q; q++) {
      const from = start[q];
      const to = start[q + 1];
      const h = (q * PASSES + pass) * DIGITS;
      let sum = from;
      let single = false;
      for (let d = 0; d < DIGITS; d++) {
        const count = hist[h + d];
        if (count === to - from) single = true;
        offsets[d] = sum;
        sum += count;
      }
      if (single) {
        // every key of the quarter has this digit: nothing moves
        b.set(a.subarray(2 * from, 2 * to), 2 * from);
        continue;
      }
      for (let k = 2 * from; k < 2 * to; k += 2) {
        const key = a[k];
        const at = 2 * offsets[(key >>> shift) & MASK]++;
        b[at] = key;
        b[at + 1] = a[k + 1];
      }
    }
    [a, b] = [b, a];
  }

  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = a[2 * k + 1];
  // equal float32 keys hold scores equal or within float32 rounding: sort the runs whose scores differ
  for (let q = 0; q < Q; q++) {
    const to = start[q + 1];
    for (let k = start[q]; k < to;) {
      const key = a[2 * k];
      let e = k + 1;
      while (e < to && a[2 * e] === key) e++;
      if (e - k > 1) {
        const first = sortValue(score[order[k]]);
        for (let j = k + 1; j < e; j++)
          if (sortValue(score[order[j]]) !== first) {
            sortRun(order, k, e, score);
            break;
          }
      }
      k = e;
    }
  }
  return { order, start };
}

/**
 * Sorts order[from … to) by score descending then lead position ascending; the run is in position order.
 * Short runs: stable insertion sort. Long ones: a stable LSD radix sort by bytes of the full 64-bit key
 * (bytes equal across the run — most of them, as the run shares its float32 — cost one counting pass).
 */
function sortRun(order: Uint32Array, from: number, to: number, score: Float64Array): void {
  const m = to - from;
  if (m <= SMALL_RUN) {
    for (let k = from + 1; k < to; k++) {
      const lead = order[k];
      const v = sortValue(score[lead]);
      let j = k - 1;
      for (; j >= from && sortValue(score[order[j]]) < v; j--) order[j + 1] = order[j];
      order[j + 1] = lead;
    }
    return;
  }
  let idx = order.slice(from, to);
  let hi = new Uint32Array(m);
  let lo = new Uint32Array(m);
  const f64 = new Float64Array(1);
  const words = new Uint32Array(f64.buffer);
  for (let k = 0; k < m; k++) {
    f64[0] = sortValue(score[idx[k]]);
    let h = words[1];
    let l = words[0];
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h ^= 0x80000000;
    hi[k] = ~h >>> 0; // complemented: descending
    lo[k] = ~l >>> 0;
  }
  let idx2 = new Uint32Array(m);
  let hi2 = new Uint32Array(m);
  let lo2 = new Uint32Array(m);
  const counts = new Uint32Array(256);
  for (let pass = 0; pass < 8; pass++) {
    const key = pass < 4 ? lo : hi;
    const shift = (pass % 4) * 8;
    counts.fill(0);
    for (let k = 0; k < m; k++) counts[(key[k] >>> shift) & 255]++;
    let sum = 0;
    let single = false;
    for (let d = 0; d < 256; d++) {
      const c = counts[d];
      if (c === m) single = true;
      counts[d] = sum;
      sum += c;
    }
    if (single) continue;
    for (let k = 0; k < m; k++) {
      const at = counts[(key[k] >>> shift) & 255]++;
      idx2[at] = idx[k];
      hi2[at] = hi[k];
      lo2[at] = lo[k];
    }
    [idx, idx2] = [idx2, idx];
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
  }
  order.set(idx, from);
}
