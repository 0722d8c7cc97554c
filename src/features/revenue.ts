import type { SqlEngine } from '../db/engine';
import { readNumericColumn, readStringColumn } from '../db/schema';
import { fetchRows, fetchTable } from '../db/sql';
import { NO_DAY } from '../kernel/matrix';

/** Won revenue of one lead in one currency. */
export interface WonRevenue {
  lead: number;
  currency: string;
  amount: number;
  wonDay: number;
}

export async function fetchWonRevenue(engine: SqlEngine): Promise<WonRevenue[]> {
  const rows = await fetchRows(engine, 'features/won_revenue', {
    lead: { type: 'number' },
    currency: { type: 'string' },
    amount: { type: 'number' },
    won_day: { type: 'number', nullable: true },
  });
  return rows.map((r) => ({
    lead: r.lead,
    currency: r.currency,
    amount: r.amount,
    wonDay: r.won_day ?? NO_DAY,
  }));
}

/** Currencies of won revenue with their totals and deal-lead counts, largest total first. */
export function revenueCurrencies(
  rows: readonly WonRevenue[],
): { currency: string; amount: number; leads: number }[] {
  const by = new Map<string, { amount: number; leads: number }>();
  for (const r of rows) {
    const c = by.get(r.currency) ?? { amount: 0, leads: 0 };
    c.amount += r.amount;
    c.leads++;
    by.set(r.currency, c);
  }
  return [...by.entries()].map(([currency, c]) => ({ currency, ...c })).sort((a, b) => b.amount - a.amount);
}

/**
 * Won revenue per lead in one currency: amounts already in it count as they are, others are converted
 * with `rates` (1 unit = rate) or left out when no rate is given — never summed across currencies.
 * A blank currency counts as the chosen one (exports often leave it empty when everything is in one).
 */
export function revenueIn(
  rows: readonly WonRevenue[],
  n: number,
  currency: string,
  rates: Record<string, number> | null,
): { amount: Float64Array; excluded: { currency: string; leads: number; amount: number }[] } {
  const amount = new Float64Array(n);
  const excluded = new Map<string, { leads: number; amount: number }>();
  for (const r of rows) {
    const rate = r.currency === currency || r.currency === '' ? 1 : (rates?.[r.currency] ?? null);
    if (rate === null) {
      const e = excluded.get(r.currency) ?? { leads: 0, amount: 0 };
      e.leads++;
      e.amount += r.amount;
      excluded.set(r.currency, e);
      continue;
    }
    amount[r.lead] += r.amount * rate;
  }
  return { amount, excluded: [...excluded.entries()].map(([c, e]) => ({ currency: c, ...e })) };
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
