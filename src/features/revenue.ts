import type { SqlEngine } from '../db/engine';
import { readNumericColumn, readStringColumn } from '../db/schema';
import { fetchTable } from '../db/sql';
import { NO_DAY } from '../kernel/matrix';

/** Won revenue of one lead in one currency (one row of WonRevenue). */
export interface WonRevenueRow {
  lead: number;
  currency: string;
  amount: number;
  wonDay: number;
}

/**
 * Won revenue per lead and currency as columns: a row object per won lead (~165k at a million leads) kept
 * on the page for the ROI view lengthened every major garbage collection of a drag.
 */
export interface WonRevenue {
  lead: Int32Array;
  /** Index into `currencies`. */
  currency: Int32Array;
  amount: Float64Array;
  /** Days since 1970-01-01; NO_DAY when the deal has no date. */
  wonDay: Int32Array;
  currencies: string[];
}

/** Each currency as its index into the distinct currencies, in order of first appearance. */
function coded(names: readonly string[]): { currency: Int32Array; currencies: string[] } {
  const currencies: string[] = [];
  const codes = new Map<string, number>();
  const currency = new Int32Array(names.length);
  for (let r = 0; r < names.length; r++) {
    let code = codes.get(names[r]);
    if (code === undefined) codes.set(names[r], (code = currencies.push(names[r]) - 1));
    currency[r] = code;
  }
  return { currency, currencies };
}

export function wonRevenueOf(rows: readonly WonRevenueRow[]): WonRevenue {
  return {
    lead: Int32Array.from(rows, (r) => r.lead),
    amount: Float64Array.from(rows, (r) => r.amount),
    wonDay: Int32Array.from(rows, (r) => r.wonDay),
    ...coded(rows.map((r) => r.currency)),
  };
}

export const NO_REVENUE: WonRevenue = wonRevenueOf([]);

export function wonRevenueRows(revenue: WonRevenue): WonRevenueRow[] {
  return Array.from(revenue.lead, (lead, r) => ({
    lead,
    currency: revenue.currencies[revenue.currency[r]],
    amount: revenue.amount[r],
    wonDay: revenue.wonDay[r],
  }));
}

export async function fetchWonRevenue(engine: SqlEngine): Promise<WonRevenue> {
  const table = await fetchTable(engine, 'features/won_revenue');
  return {
    lead: readNumericColumn(table, 'lead', 'int32'),
    amount: readNumericColumn(table, 'amount', 'float64'),
    wonDay: readNumericColumn(table, 'won_day', 'int32', NO_DAY),
    ...coded(readStringColumn(table, 'currency')),
  };
}

/** Each lead's earliest won day (NO_DAY when it has no won revenue). */
export function wonDayPerLead(
  revenue: WonRevenue,
  n: number,
  /** n days already NO_DAY (filled in steps by a caller on the UI thread); new when not given. */
  wonDay: Int32Array = new Int32Array(n).fill(NO_DAY),
): Int32Array {
  for (let r = 0; r < revenue.lead.length; r++) {
    const lead = revenue.lead[r];
    if (wonDay[lead] === NO_DAY || revenue.wonDay[r] < wonDay[lead]) wonDay[lead] = revenue.wonDay[r];
  }
  return wonDay;
}

/** Currencies of won revenue with their totals and deal-lead counts, largest total first. */
export function revenueCurrencies(
  revenue: WonRevenue,
): { currency: string; amount: number; leads: number }[] {
  const totals = revenue.currencies.map((currency) => ({ currency, amount: 0, leads: 0 }));
  for (let r = 0; r < revenue.lead.length; r++) {
    const c = totals[revenue.currency[r]];
    c.amount += revenue.amount[r];
    c.leads++;
  }
  return totals.filter((c) => c.leads > 0).sort((a, b) => b.amount - a.amount);
}

/**
 * Won revenue per lead in one currency: amounts already in it count as they are, others are converted
 * with `rates` (1 unit = rate) or left out when no rate is given — never summed across currencies.
 * A blank currency counts as the chosen one (exports often leave it empty when everything is in one).
 */
export function revenueIn(
  revenue: WonRevenue,
  n: number,
  currency: string,
  rates: Record<string, number> | null,
): { amount: Float64Array; excluded: { currency: string; leads: number; amount: number }[] } {
  const sum = revenueSum(revenue, new Float64Array(n), currency, rates);
  sum.add(0, revenue.lead.length);
  return sum.result();
}

/**
 * revenueIn a range of revenue rows at a time (`add(from, to)`) into `amount` (zeroed, one per lead), for
 * the UI thread: at a million leads the rows' scattered writes take ~25 ms, most of it the first touch of
 * each page of a fresh array, which the caller can pay in steps beforehand.
 */
export function revenueSum(
  revenue: WonRevenue,
  amount: Float64Array,
  currency: string,
  rates: Record<string, number> | null,
): {
  add: (from: number, to: number) => void;
  result: () => { amount: Float64Array; excluded: { currency: string; leads: number; amount: number }[] };
} {
  const rateOf = revenue.currencies.map((c) =>
    c === currency || c === '' ? 1 : rates && Object.hasOwn(rates, c) ? rates[c] : null,
  );
  const excluded = new Map<string, { leads: number; amount: number }>();
  const add = (from: number, to: number) => {
    for (let r = from; r < to; r++) {
      const code = revenue.currency[r];
      const rate = rateOf[code];
      if (rate === null) {
        const name = revenue.currencies[code];
        const e = excluded.get(name) ?? { leads: 0, amount: 0 };
        e.leads++;
        e.amount += revenue.amount[r];
        excluded.set(name, e);
        continue;
      }
      amount[revenue.lead[r]] += revenue.amount[r] * rate;
    }
  };
  return {
    add,
    result: () => ({ amount, excluded: [...excluded.entries()].map(([c, e]) => ({ currency: c, ...e })) }),
  };
}

/** Per lead: furthest deal step (0 = no deal, 1 = a deal, 2 = won) and the latest deal's stage. */
export interface DealSteps {
  step: Uint8Array;
  /** Index into stages, −1 without a deal. */
  stage: Int32Array;
  /** Stage names, most leads first. */
  stages: string[];
}

/**
 * Each lead's furthest deal step and latest stage, for the funnel by tier: read column-wise (a row object
 * per deal was a quarter-second task at a million leads).
 */
export async function fetchDealSteps(engine: SqlEngine, n: number): Promise<DealSteps> {
  const table = await fetchTable(engine, 'features/deal_funnel');
  const lead = readNumericColumn(table, 'lead', 'int32');
  const stepOf = readNumericColumn(table, 'step', 'uint8');
  const stageOf = readStringColumn(table, 'stage');
  const counts = new Map<string, number>();
  for (const s of stageOf) counts.set(s, (counts.get(s) ?? 0) + 1);
  const stages = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  const index = new Map(stages.map((s, i) => [s, i]));
  const step = new Uint8Array(n);
  const stage = new Int32Array(n).fill(-1);
  for (let r = 0; r < lead.length; r++) {
    const i = lead[r];
    if (i < 0 || i >= n) continue;
    step[i] = stepOf[r];
    stage[i] = index.get(stageOf[r])!;
  }
  return { step, stage, stages };
}
