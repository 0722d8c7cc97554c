import { auc } from '../auc';
import { benjaminiHochberg, twoSidedP, wilsonInterval, type Interval } from './stats';

/** METRICS.md "Bias by segment": below either, a segment is "too few to judge" and never flagged. */
export const MIN_SEGMENT_N = 30;
export const MIN_SEGMENT_WINS = 5;
/** METRICS.md: flagged when the BH-adjusted two-sided p-value is below this. */
export const BIAS_ALPHA = 0.05;
/** METRICS.md "AUC within segment": only with at least this many wins and this many losses. */
export const MIN_AUC_CLASS = 10;

const WON = 1;
const LOST = 2;

/**
 * 'over' = the model over-estimates the segment (gap < 0), 'under' = under-estimates it (gap > 0), 'none' = no
 * significant gap (or no variance to test it), 'too-few' = n < 30 or wins < 5 (greyed, never flagged).
 */
export type SegmentFlag = 'over' | 'under' | 'none' | 'too-few';

/** Per-lead columns of one segment column. Outcome codes: 0 open, 1 won, 2 lost; only won/lost count. */
export interface SegmentInput {
  /** Calibrated probability p(s) per lead. */
  p: ArrayLike<number>;
  outcome: ArrayLike<number>;
  /** Index into labels per lead; negative, out-of-range or missingCode = missing value. */
  segment: ArrayLike<number>;
  labels: readonly string[];
  /** A code inside labels that stands for a missing value (e.g. "(blank)"), treated like −1. */
  missingCode?: number;
  /** Scores for AUC within segment (optional). */
  scores?: ArrayLike<number>;
}

/** One row of the bias table (METRICS.md "Bias by segment"); every division by zero is null. */
export interface SegmentRow {
  code: number;
  label: string;
  /** All leads of the segment, open ones included (for display only). */
  leads: number;
  /** Resolved leads n_g and their wins. */
  n: number;
  wins: number;
  /** n < 30: every rate shown with this n is marked. */
  small: boolean;
  /** Actual rate a_g = wins / n with its Wilson 95% interval. */
  actual: number | null;
  actualCi: Interval | null;
  /** Σ p_i over the resolved leads; expected rate e_g = Σp / n. */
  sumP: number;
  expected: number | null;
  /** a_g − e_g: positive = the model under-estimates the segment. */
  gap: number | null;
  /** Observed / expected = wins / Σp. */
  oe: number | null;
  /** z_g = (wins − Σp) / √Σp(1−p), and its two-sided p-value. */
  z: number | null;
  p: number | null;
  /** BH-adjusted p within the column's judged family; null when the segment is not in it. */
  pAdjusted: number | null;
  flag: SegmentFlag;
  /** Mann–Whitney AUC within the segment when it has ≥ 10 wins and ≥ 10 losses and scores were given. */
  auc: number | null;
}

/** Resolved leads whose segment value is missing: counted, never judged. */
export interface MissingSummary {
  leads: number;
  n: number;
  wins: number;
}

export interface SegmentBias {
  rows: SegmentRow[];
  missing: MissingSummary;
  /** Size of the Benjamini–Hochberg family (segments judged). */
  family: number;
  /** Segments flagged 'over' or 'under'. */
  flagged: number;
}

/** Per-code flag for "this code is missing", so the hot loop is one lookup. */
function missingMask(k: number, missingCode: number | undefined): Uint8Array {
  const mask = new Uint8Array(k);
  if (missingCode !== undefined && missingCode >= 0 && missingCode < k) mask[missingCode] = 1;
  return mask;
}

/** True when the code names a judged segment (in range and not the missing code). */
export function isSegmentCode(c: number, k: number, mask: Uint8Array): boolean {
  return c >= 0 && c < k && mask[c] === 0;
}

/** METRICS.md "too few to judge": n_g < 30 or fewer than 5 wins. */
export function tooFewToJudge(n: number, wins: number): boolean {
  return n < MIN_SEGMENT_N || wins < MIN_SEGMENT_WINS;
}

/**
 * METRICS.md "Bias by segment" for one segment column: per segment n, wins, actual rate + Wilson interval,
 * expected rate (mean p), gap, O/E, z and two-sided p, the Benjamini–Hochberg adjusted p and the flag, and
 * the AUC within segment. One pass over the leads into per-segment typed arrays; AUC sorts per segment.
 *
 * BH family: the segments that are judged — not too few (n ≥ 30 and ≥ 5 wins) and with a defined z (Σp(1−p) >
 * 0). Too-few segments are never flagged, so they are left out of the family rather than inflating m; their
 * raw z and p are still reported. Missing values are summarised apart and never judged.
 */
export function segmentBias(input: SegmentInput): SegmentBias {
  const { p, outcome, segment, labels, missingCode, scores } = input;
  const k = labels.length;
  const mask = missingMask(k, missingCode);
  const leads = new Float64Array(k);
  const n = new Float64Array(k);
  const wins = new Float64Array(k);
  const sumP = new Float64Array(k);
  const sumV = new Float64Array(k);
  const missing: MissingSummary = { leads: 0, n: 0, wins: 0 };
  const len = segment.length;
  for (let i = 0; i < len; i++) {
    const c = segment[i];
    const o = outcome[i];
    if (!isSegmentCode(c, k, mask)) {
      missing.leads++;
      if (o === WON || o === LOST) {
        missing.n++;
        if (o === WON) missing.wins++;
      }
      continue;
    }
    leads[c]++;
    // no branch on the outcome (it mispredicts in lead order): an open lead adds 0 to each sum (p is finite)
    const won = +(o === WON);
    const resolved = won | +(o === LOST);
    const pi = p[i];
    n[c] += resolved;
    wins[c] += won;
    sumP[c] += resolved * pi;
    sumV[c] += resolved * pi * (1 - pi);
  }

  const rows: SegmentRow[] = [];
  for (let c = 0; c < k; c++) {
    if (mask[c]) continue;
    const nc = n[c];
    const w = wins[c];
    const sp = sumP[c];
    const actual = nc > 0 ? w / nc : null;
    const expected = nc > 0 ? sp / nc : null;
    const z = sumV[c] > 0 ? (w - sp) / Math.sqrt(sumV[c]) : null;
    rows.push({
      code: c,
      label: labels[c],
      leads: leads[c],
      n: nc,
      wins: w,
      small: nc < MIN_SEGMENT_N,
      actual,
      actualCi: wilsonInterval(w, nc),
      sumP: sp,
      expected,
      gap: actual !== null && expected !== null ? actual - expected : null,
      oe: sp > 0 ? w / sp : null,
      z,
      p: twoSidedP(z),
      pAdjusted: null,
      flag: tooFewToJudge(nc, w) ? 'too-few' : 'none',
      auc: null,
    });
  }

  const judged = rows.filter((r) => r.flag !== 'too-few' && r.p !== null);
  const adjusted = benjaminiHochberg(judged.map((r) => r.p as number));
  let flagged = 0;
  judged.forEach((r, j) => {
    r.pAdjusted = adjusted[j];
    if (adjusted[j] < BIAS_ALPHA && r.gap !== null && r.gap !== 0) {
      r.flag = r.gap < 0 ? 'over' : 'under';
      flagged++;
    }
  });

  if (scores) fillSegmentAuc(rows, input, mask, scores);
  return { rows, missing, family: judged.length, flagged };
}

/** AUC within segment (METRICS.md): groups the resolved leads of eligible segments, then auc() on each. */
function fillSegmentAuc(
  rows: SegmentRow[],
  input: SegmentInput,
  mask: Uint8Array,
  scores: ArrayLike<number>,
) {
  const { outcome, segment, labels } = input;
  const k = labels.length;
  const start = new Int32Array(k + 1).fill(-1);
  // each segment's resolved leads, and one spare slot after them: an open lead is written to its segment's
  // next free slot without moving it (no branch on the outcome), so the last write must land in the spare
  let total = 0;
  for (const r of rows) {
    if (r.wins >= MIN_AUC_CLASS && r.n - r.wins >= MIN_AUC_CLASS) {
      start[r.code] = total;
      total += r.n + 1;
    }
  }
  if (total === 0) return;
  const s = new Float64Array(total);
  const o = new Uint8Array(total);
  const fill = start.slice();
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (!isSegmentCode(c, k, mask) || start[c] < 0) continue;
    const oc = outcome[i];
    const at = fill[c];
    s[at] = scores[i];
    o[at] = oc;
    fill[c] = at + (+(oc === WON) | +(oc === LOST));
  }
  for (const r of rows) {
    const from = start[r.code];
    if (from < 0) continue;
    r.auc = auc(s.subarray(from, from + r.n), o.subarray(from, from + r.n));
  }
}
