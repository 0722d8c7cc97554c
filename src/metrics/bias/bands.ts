import { sortNonNegative } from '../sortScores';

/**
 * Segment columns from raw columns (METRICS.md "Bias by segment": categorical as is, numeric in bands, dates by
 * quarter). Every function returns codes per lead indexing labels, −1 for a missing value.
 */
export interface Bands {
  codes: Int32Array;
  labels: string[];
}

/** Label formatter for band bounds. */
export type NumberFormat = (x: number) => string;

/** Integers as they are, other numbers to 4 significant digits. */
export const plainNumber: NumberFormat = (x) =>
  Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(4)));

/** Company-size bands 1–49 / 50–249 / 250–999 / 1000+ (edges for fixedBands). */
export const EMPLOYEE_EDGES: readonly number[] = [1, 50, 250, 1000];

function isValue(x: number | null | undefined): x is number {
  return typeof x === 'number' && !Number.isNaN(x);
}

/** Index of the band of x: the number of edges ≤ x (edges ascending). */
function bandOf(x: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quantile bands of a numeric column (METRICS.md "numeric in bands"): up to `count` bands of about equal size.
 * Band k starts at the value at rank ⌊k·m/count⌋ of the m non-missing values sorted; equal starts merge, so
 * heavy ties give fewer bands and none is empty. Bands are [start_k, start_{k+1}); labels show the smallest
 * and largest value actually in the band ("120–349"). NaN / null = missing.
 */
export function quantileBands(
  values: ArrayLike<number | null>,
  count: number,
  format: NumberFormat = plainNumber,
): Bands & { starts: number[] } {
  const len = values.length;
  let m = 0;
  for (let i = 0; i < len; i++) if (isValue(values[i])) m++;
  const sorted = new Float64Array(m);
  for (let i = 0, j = 0; i < len; i++) {
    const v = values[i];
    if (isValue(v)) sorted[j++] = v;
  }
  sortNonNegative(sorted);
  const edges: number[] = [];
  for (let k = 1; k < count && m > 0; k++) {
    const e = sorted[Math.floor((k * m) / count)];
    if (e > sorted[0] && (edges.length === 0 || e > edges[edges.length - 1])) edges.push(e);
  }
  const codes = new Int32Array(len);
  const bands = m > 0 ? edges.length + 1 : 0;
  const lo = new Float64Array(bands).fill(Infinity);
  const hi = new Float64Array(bands).fill(-Infinity);
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (!isValue(v)) {
      codes[i] = -1;
      continue;
    }
    const b = bandOf(v, edges);
    codes[i] = b;
    if (v < lo[b]) lo[b] = v;
    if (v > hi[b]) hi[b] = v;
  }
  const labels: string[] = [];
  for (let b = 0; b < bands; b++)
    labels.push(lo[b] === hi[b] ? format(lo[b]) : `${format(lo[b])}–${format(hi[b])}`);
  return { codes, labels, starts: m > 0 ? [sorted[0], ...edges] : [] };
}

/**
 * Fixed bands of a numeric column from ascending band starts, e.g. EMPLOYEE_EDGES → "1–49", "50–249",
 * "250–999", "1000+". With integer starts (default when all are integers) a band [a, b) is labelled "a–(b−1)";
 * otherwise "[a, b)". Values below the first start get a leading band "<a", present only when such values
 * exist. NaN / null = missing.
 */
export function fixedBands(
  values: ArrayLike<number | null>,
  edges: readonly number[],
  options: { integer?: boolean; format?: NumberFormat } = {},
): Bands {
  const format = options.format ?? plainNumber;
  const integer = options.integer ?? edges.every((e) => Number.isInteger(e));
  const len = values.length;
  let below = false;
  for (let i = 0; i < len; i++) {
    const v = values[i];
    if (isValue(v) && v < edges[0]) {
      below = true;
      break;
    }
  }
  const shift = below ? 0 : -1;
  const codes = new Int32Array(len);
  for (let i = 0; i < len; i++) {
    const v = values[i];
    codes[i] = isValue(v) ? bandOf(v, edges) + shift : -1;
  }
  const labels: string[] = below ? [`<${format(edges[0])}`] : [];
  for (let k = 0; k < edges.length; k++) {
    const a = edges[k];
    if (k === edges.length - 1) labels.push(`${format(a)}+`);
    else if (!integer) labels.push(`[${format(a)}, ${format(edges[k + 1])})`);
    else {
      const last = edges[k + 1] - 1;
      labels.push(last === a ? format(a) : `${format(a)}–${format(last)}`);
    }
  }
  return { codes, labels };
}

/** Quarter index year·4 + (quarter − 1). */
function quarterIndex(year: number, month: number): number {
  return year * 4 + Math.floor((month - 1) / 3);
}

/** Quarter of a date string "YYYY-MM…" or "YYYY/M/…", or −1 when it is not one. */
function quarterOfIso(s: string | null | undefined): number {
  if (typeof s !== 'string' || s.length < 6) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    year = year * 10 + d;
  }
  const sep = s.charCodeAt(4);
  if (sep !== 45 && sep !== 47) return -1; // '-' or '/'
  let month = 0;
  let digits = 0;
  for (let i = 5; i < s.length && digits < 2; i++, digits++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    month = month * 10 + d;
  }
  if (digits === 0 || month < 1 || month > 12) return -1;
  return quarterIndex(year, month);
}

/** Quarter of a day number since 1970-01-01 (UTC civil calendar, H. Hinnant's civil_from_days). */
function quarterOfDays(days: number): number {
  const z = Math.floor(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return quarterIndex(year, month);
}

/** Codes from quarter indices: contiguous labels "2026 Q1" from the first to the last quarter present. */
function quarterBands(q: Int32Array): Bands {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < q.length; i++) {
    if (q[i] < 0) continue;
    if (q[i] < min) min = q[i];
    if (q[i] > max) max = q[i];
  }
  const labels: string[] = [];
  for (let x = min; x <= max; x++) labels.push(`${Math.floor(x / 4)} Q${(x % 4) + 1}`);
  for (let i = 0; i < q.length; i++) q[i] = q[i] < 0 ? -1 : q[i] - min;
  return { codes: q, labels };
}

/**
 * Dates by quarter (METRICS.md "dates by quarter") from ISO date strings ("2026-02-14", "2026-02-14T09:00Z",
 * also "2026/2/14"): labels "2024 Q1" … contiguous from the first to the last quarter present, empty
 * quarters included. Unparseable or empty = missing.
 */
export function quarterBandsFromIso(values: ArrayLike<string | null | undefined>): Bands {
  const q = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = quarterOfIso(values[i]);
  return quarterBands(q);
}

/** Dates by quarter from day numbers since 1970-01-01 (UTC); NaN = missing. Labels as quarterBandsFromIso. */
export function quarterBandsFromDays(days: ArrayLike<number>): Bands {
  const q = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) {
    const d = days[i];
    q[i] = Number.isFinite(d) ? quarterOfDays(d) : -1;
  }
  return quarterBands(q);
}

/**
 * Categorical column as is (METRICS.md): codes per distinct trimmed value, labels in order of first
 * appearance; null, undefined or blank = missing.
 */
export function categoryCodes(values: ArrayLike<string | null | undefined>): Bands {
  const index = new Map<string, number>();
  const labels: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const v = typeof raw === 'string' ? raw.trim() : '';
    if (v === '') {
      codes[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = labels.length;
      index.set(v, c);
      labels.push(v);
    }
    codes[i] = c;
  }
  return { codes, labels };
}

/**
 * Top-N categories + "Other": keeps the `topN` most frequent codes (all leads counted; ties → lower code
 * first), ordered by frequency, and folds the rest into one trailing "Other" band (present only when something
 * is folded). Negative, out-of-range or missingCode codes stay missing (−1).
 */
export function topCategories(
  codes: ArrayLike<number>,
  labels: readonly string[],
  topN: number,
  options: { other?: string; missingCode?: number } = {},
): Bands {
  const k = labels.length;
  const counts = new Float64Array(k);
  const ok = (c: number) => c >= 0 && c < k && c !== options.missingCode;
  for (let i = 0; i < codes.length; i++) if (ok(codes[i])) counts[codes[i]]++;
  const order = Array.from({ length: k }, (_, c) => c)
    .filter((c) => counts[c] > 0 && c !== options.missingCode)
    .sort((x, y) => counts[y] - counts[x] || x - y);
  const kept = order.slice(0, Math.max(0, topN));
  const folded = order.length > kept.length;
  const map = new Int32Array(k).fill(kept.length);
  kept.forEach((c, j) => (map[c] = j));
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = ok(codes[i]) ? map[codes[i]] : -1;
  const newLabels = kept.map((c) => labels[c]);
  if (folded) newLabels.push(options.other ?? 'Other');
  return { codes: out, labels: newLabels };
}
