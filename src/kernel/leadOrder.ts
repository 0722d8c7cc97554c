import type { Scores } from './score';

/** The Leads table's query as the kernel orders it; text filters and text sorts arrive as LeadKeys. */
export interface LeadOrderOptions {
  /** Names the query; the order comes back under it so the view can tell a stale order from its own. */
  key: string;
  /** A tier index, or null for all tiers. */
  tier: number | null;
  /** Only leads moved from baseline tier `from` to scenario tier `to` (ignored without a baseline). */
  migration: { from: number; to: number } | null;
  /** Whether the text-filter mask of LeadKeys applies. */
  masked: boolean;
  /** A result column, a dimension's subscore (`sub:0` …), or the text rank of LeadKeys. */
  sort: 'score' | 'tier' | `sub:${number}` | 'rank';
  descending: boolean;
  /** The page of the table that comes back with its values: `count` rows from position `from`. */
  from: number;
  count: number;
}

/** What the view computes from the leads' text, once per filter text or sort column. */
export interface LeadKeys {
  /** 1 for the leads the text filter keeps. */
  mask: Uint8Array | null;
  /** Dense rank of each lead's value in the text column sorted on (equal values, equal ranks). */
  rank: Uint32Array | null;
}

export interface LeadOrder {
  key: string;
  /** Lead indices in table order. */
  rows: Uint32Array;
}

/**
 * A page of the Leads table: the rows at positions `from` … `from + rows.length - 1` of the query's order
 * and their values. The table reads nothing else of a result, so a re-score sends the page, not a
 * million-lead array per column.
 */
export interface LeadPage {
  key: string;
  /** Rows the query keeps (the table's length). */
  total: number;
  from: number;
  /** Lead indices of the page's rows. */
  rows: Uint32Array;
  score: Float64Array;
  tier: Uint8Array;
  disqualified: Uint8Array;
  /** subscores[d][k]: dimension d's subscore of the page's k-th row. */
  subscores: Float32Array[];
}

/**
 * Where a page of `count` rows asked for at `from` starts in an order of `total` rows: a page that would run
 * past the end ends at it instead, as full as the order allows (a filter that shortened the table while it
 * was scrolled deep shows its last rows).
 */
export function pageStart(from: number, count: number, total: number): number {
  const size = Math.min(total, Math.max(0, Math.floor(count)));
  return Math.min(Math.max(0, Math.floor(from)), total - size);
}

/** The page of an order asked for (see pageStart). */
export function pageOf(order: LeadOrder, scores: Scores, from: number, count: number): LeadPage {
  const total = order.rows.length;
  const start = pageStart(from, count, total);
  const rows = order.rows.slice(start, start + Math.min(total, Math.max(0, Math.floor(count))));
  const pick = <T extends Float64Array | Float32Array | Uint8Array>(column: T, into: T): T => {
    for (let k = 0; k < rows.length; k++) into[k] = column[rows[k]];
    return into;
  };
  return {
    key: order.key,
    total,
    from: start,
    rows,
    score: pick(scores.score, new Float64Array(rows.length)),
    tier: pick(scores.tier, new Uint8Array(rows.length)),
    disqualified: pick(scores.disqualified, new Uint8Array(rows.length)),
    subscores: scores.subscores.map((s) => pick(s, new Float32Array(rows.length))),
  };
}

/** Row order of the Leads table: the kept leads' indices sorted by the key; ties keep lead order. */
export function orderLeads(
  scores: Scores,
  baselineTier: Uint8Array | null,
  keys: LeadKeys,
  q: LeadOrderOptions,
): LeadOrder {
  const n = scores.score.length;
  const { tier } = scores;
  const mask = q.masked ? keys.mask : null;
  if (mask && mask.length !== n) throw new Error(`text mask has ${mask.length} leads, data ${n}`);
  const moved = q.migration && baselineTier ? q.migration : null;
  const picked = new Uint32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (q.tier !== null && tier[i] !== q.tier) continue;
    if (moved && (baselineTier![i] !== moved.from || tier[i] !== moved.to)) continue;
    if (mask && !mask[i]) continue;
    picked[m++] = i;
  }
  const key =
    q.sort === 'score'
      ? scores.score
      : q.sort === 'tier'
        ? scores.tier
        : q.sort === 'rank'
          ? keys.rank
          : scores.subscores[Number(q.sort.slice(4))];
  if (!key || key.length !== n) throw new Error(`no sort column "${q.sort}" for ${n} leads`);
  return { key: q.key, rows: sortIndicesBy(picked.subarray(0, m), key, q.descending) };
}

const DIGITS = 4;

/**
 * `indices` ordered by key[index], ascending or descending, equal keys keeping the order they come in:
 * a stable LSD radix sort (4 × 16-bit digits) on the keys' IEEE-754 bits mapped to unsigned order, a
 * digit every key shares skipped. NaN sorts after every finite number, -0 equals 0.
 */
export function sortIndicesBy(
  indices: Uint32Array,
  key: ArrayLike<number>,
  descending: boolean,
): Uint32Array {
  const m = indices.length;
  const value = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const v = key[indices[k]];
    value[k] = v !== v ? Infinity : v === 0 ? 0 : descending ? -v : v;
  }
  const bits = new Uint32Array(value.buffer);
  // map to unsigned order: negatives flip every bit, non-negatives flip the sign bit
  for (let k = 0; k < m; k++) {
    const hi = bits[2 * k + 1];
    if (hi & 0x80000000) {
      bits[2 * k + 1] = ~hi >>> 0;
      bits[2 * k] = ~bits[2 * k] >>> 0;
    } else bits[2 * k + 1] = (hi | 0x80000000) >>> 0;
  }
  const counts = new Uint32Array(DIGITS * 65536);
  for (let k = 0; k < m; k++) {
    const lo = bits[2 * k];
    const hi = bits[2 * k + 1];
    counts[lo & 0xffff]++;
    counts[65536 + (lo >>> 16)]++;
    counts[2 * 65536 + (hi & 0xffff)]++;
    counts[3 * 65536 + (hi >>> 16)]++;
  }
  let order = indices.slice();
  let pos = new Uint32Array(m);
  for (let k = 0; k < m; k++) pos[k] = k;
  let nextOrder = new Uint32Array(m);
  let nextPos = new Uint32Array(m);
  for (let d = 0; d < DIGITS; d++) {
    const base = d * 65536;
    const word = d < 2 ? 0 : 1;
    const shift = d % 2 ? 16 : 0;
    if (m === 0 || counts[base + ((bits[2 * pos[0] + word] >>> shift) & 0xffff)] === m) continue;
    let sum = 0;
    for (let v = 0; v < 65536; v++) {
      const c = counts[base + v];
      counts[base + v] = sum;
      sum += c;
    }
    for (let k = 0; k < m; k++) {
      const p = pos[k];
      const at = counts[base + ((bits[2 * p + word] >>> shift) & 0xffff)]++;
      nextOrder[at] = order[k];
      nextPos[at] = p;
    }
    [order, nextOrder] = [nextOrder, order];
    [pos, nextPos] = [nextPos, pos];
  }
  return order;
}
