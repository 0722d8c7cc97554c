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
  const range = { min: Infinity, max: -Infinity };
  widenDayRange(createdDay, 0, createdDay.length, range);
  const calendar = quarterCalendar(range.min, range.max);
  const codes = new Int32Array(createdDay.length).fill(-1);
  fillQuarterCodes(createdDay, calendar, codes, 0, createdDay.length);
  return { codes, labels: calendar.labels, startDays: calendar.startDays };
}

/** Rows per step of quartersOfInSteps: a few ms of work at most. */
const STEP_ROWS = 1 << 17;

/**
 * quartersOf for the UI thread at a million leads (~45 ms in one task): the same passes a slice of leads at
 * a time, `pause` between slices.
 */
export async function quartersOfInSteps(
  createdDay: Int32Array,
  pause: () => Promise<void>,
): Promise<Quarters> {
  const n = createdDay.length;
  const range = { min: Infinity, max: -Infinity };
  for (let from = 0; from < n; from += STEP_ROWS) {
    widenDayRange(createdDay, from, Math.min(n, from + STEP_ROWS), range);
    await pause();
  }
  const calendar = quarterCalendar(range.min, range.max);
  const codes = new Int32Array(n).fill(-1);
  for (let from = 0; from < n; from += STEP_ROWS) {
    fillQuarterCodes(createdDay, calendar, codes, from, Math.min(n, from + STEP_ROWS));
    await pause();
  }
  return { codes, labels: calendar.labels, startDays: calendar.startDays };
}

/** Folds the known days of days[from … to) into range. */
function widenDayRange(
  days: Int32Array,
  from: number,
  to: number,
  range: { min: number; max: number },
): void {
  let { min, max } = range;
  for (let i = from; i < to; i++) {
    const d = days[i];
    if (d === NO_DAY) continue;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  range.min = min;
  range.max = max;
}

interface QuarterCalendar {
  labels: string[];
  startDays: number[];
  /** Quarter index of day base + k. */
  lookup: Int32Array;
  base: number;
}

/** The quarters from the one holding day min to the one holding day max (none when min > max). */
function quarterCalendar(min: number, max: number): QuarterCalendar {
  const labels: string[] = [];
  const startDays: number[] = [];
  if (min > max) return { labels, startDays, lookup: new Int32Array(0), base: 0 };
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
  return { labels, startDays, lookup, base };
}

/** codes[from … to): each known day's quarter (codes start at −1 and unknown days keep it). */
function fillQuarterCodes(
  days: Int32Array,
  calendar: QuarterCalendar,
  codes: Int32Array,
  from: number,
  to: number,
): void {
  const { lookup, base } = calendar;
  for (let i = from; i < to; i++) {
    const d = days[i];
    if (d !== NO_DAY) codes[i] = lookup[d - base];
  }
}

/** ISO date (YYYY-MM-DD) of a day number, and back. */
export const dayToIso = (day: number) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
export function isoToDay(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / MS_PER_DAY) : null;
}
