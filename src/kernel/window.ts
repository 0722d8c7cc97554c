import { NO_DAY, OUTCOME } from './matrix';

/** Which window a lead belongs to for the backtest. */
export const WINDOW = { train: 0, test: 1, undated: 2 } as const;

/** METRICS.md default split: the earliest 80% of resolved leads by created_at train, the rest test. */
export const DEFAULT_TRAIN_SHARE = 0.8;

/**
 * The first day of the test window when none is chosen: the created day of the resolved lead at the 80%
 * rank (leads created that day and later test). Null without dated resolved leads.
 */
export function defaultSplitDay(
  outcome: Uint8Array,
  createdDay: Int32Array,
  lastDay: number | null = null,
): number | null {
  const days: number[] = [];
  for (let i = 0; i < outcome.length; i++) {
    const d = createdDay[i];
    if (outcome[i] !== OUTCOME.open && d !== NO_DAY && (lastDay === null || d <= lastDay)) days.push(d);
  }
  if (days.length === 0) return null;
  const sorted = Int32Array.from(days).sort();
  const at = Math.min(sorted.length - 1, Math.ceil(sorted.length * DEFAULT_TRAIN_SHARE));
  return sorted[at];
}

/**
 * Window code per lead: created before the split day → train, on or after → test; no date, or created
 * after `lastDay` (a snapshot backtest judges only the leads that existed on the snapshot) → undated.
 */
export function windowOf(
  createdDay: Int32Array,
  splitDay: number,
  lastDay: number | null = null,
): Uint8Array {
  const out = new Uint8Array(createdDay.length);
  const last = lastDay ?? Infinity;
  for (let i = 0; i < createdDay.length; i++) {
    const d = createdDay[i];
    out[i] = d === NO_DAY || d > last ? WINDOW.undated : d < splitDay ? WINDOW.train : WINDOW.test;
  }
  return out;
}

export interface Quarters {
  /** Quarter index per lead (into labels), -1 when the lead has no date. */
  codes: Int32Array;
  /** 'YYYY-Qn', oldest first. */
  labels: string[];
  /** First day (days since 1970-01-01) of each quarter. */
  startDays: number[];
}

const MS_PER_DAY = 86_400_000;

/** Calendar quarter of each lead's created day, through a day → quarter lookup over the data's range. */
export function quartersOf(createdDay: Int32Array): Quarters {
  let min = Infinity;
  let max = -Infinity;
  for (const d of createdDay) {
    if (d === NO_DAY) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const codes = new Int32Array(createdDay.length).fill(-1);
  if (min > max) return { codes, labels: [], startDays: [] };
  const labels: string[] = [];
  const startDays: number[] = [];
  const first = new Date(min * MS_PER_DAY);
  let year = first.getUTCFullYear();
  let q = Math.floor(first.getUTCMonth() / 3);
  for (;;) {
    const start = Date.UTC(year, q * 3, 1) / MS_PER_DAY;
    if (start > max) break;
    labels.push(`${year}-Q${q + 1}`);
    startDays.push(start);
    if (++q === 4) [q, year] = [0, year + 1];
  }
  const base = startDays[0];
  const lookup = new Int32Array(max - base + 1);
  for (let k = 0; k < startDays.length; k++) {
    const end = k + 1 < startDays.length ? startDays[k + 1] : max + 1;
    lookup.fill(k, startDays[k] - base, end - base);
  }
  for (let i = 0; i < createdDay.length; i++) {
    const d = createdDay[i];
    if (d !== NO_DAY) codes[i] = lookup[d - base];
  }
  return { codes, labels, startDays };
}

/** ISO date (YYYY-MM-DD) of a day number, and back. */
export const dayToIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
export function isoToDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / MS_PER_DAY) : null;
}
