import { describe, expect, it } from 'vitest';
import {
  revenueCurrencies,
  revenueIn,
  revenueSum,
  wonDayPerLead,
  wonRevenueOf,
  wonRevenueRows,
  type WonRevenueRow,
} from '../../src/features/revenue';
import { NO_DAY } from '../../src/kernel/matrix';

const list: WonRevenueRow[] = [
  { lead: 0, currency: 'USD', amount: 1000, wonDay: 1 },
  { lead: 1, currency: 'EUR', amount: 500, wonDay: 2 },
  { lead: 1, currency: 'USD', amount: 100, wonDay: 2 },
  { lead: 3, currency: '', amount: 40, wonDay: 3 },
  { lead: 4, currency: 'CNY', amount: 7000, wonDay: 4 },
];
const rows = wonRevenueOf(list);

describe('won revenue in one currency', () => {
  it('never sums currencies silently: without rates, other currencies are left out and listed', () => {
    const r = revenueIn(rows, 5, 'USD', null);
    // USD and blank count as they are; EUR 500 and CNY 7000 are excluded, each named with its total
    expect(Array.from(r.amount)).toEqual([1000, 100, 0, 40, 0]);
    expect(r.excluded).toEqual([
      { currency: 'EUR', leads: 1, amount: 500 },
      { currency: 'CNY', leads: 1, amount: 7000 },
    ]);
  });

  it('adds up the same a range of rows at a time (the UI thread steps)', () => {
    for (const cuts of [
      [0, 5],
      [0, 1, 2, 3, 4, 5],
      [0, 2, 2, 5],
    ]) {
      const sum = revenueSum(rows, new Float64Array(5), 'USD', { EUR: 1.1 });
      for (let k = 1; k < cuts.length; k++) sum.add(cuts[k - 1], cuts[k]);
      expect(sum.result()).toEqual(revenueIn(rows, 5, 'USD', { EUR: 1.1 }));
    }
    expect(revenueIn(rows, 5, 'USD', { EUR: 1.1 }).excluded).toEqual([
      { currency: 'CNY', leads: 1, amount: 7000 },
    ]);
  });

  it('converts with the rates given', () => {
    const r = revenueIn(rows, 5, 'USD', { EUR: 1.1, CNY: 0.14 });
    // lead 1: 500 × 1.1 + 100 = 650; lead 4: 7000 × 0.14 = 980
    expect(Array.from(r.amount)).toEqual([1000, 650, 0, 40, 7000 * 0.14]);
    expect(r.excluded).toEqual([]);
  });

  it('keeps the rows as columns, currencies coded once', () => {
    expect(wonRevenueRows(rows)).toEqual(list);
    expect(rows.currencies).toEqual(['USD', 'EUR', '', 'CNY']);
    expect(Array.from(rows.currency)).toEqual([0, 1, 0, 2, 3]);
  });

  it("takes each lead's earliest won day", () => {
    const days = wonDayPerLead(
      wonRevenueOf([...list, { lead: 0, currency: 'EUR', amount: 1, wonDay: -5 }]),
      6,
    );
    expect(Array.from(days)).toEqual([-5, 2, NO_DAY, 3, 4, NO_DAY]);
  });

  it('reads a currency named like an Object property as a currency without a rate', () => {
    const odd = wonRevenueOf([{ lead: 0, currency: '__proto__', amount: 9, wonDay: 1 }]);
    const r = revenueIn(odd, 1, 'USD', { EUR: 1.1 });
    expect(Array.from(r.amount)).toEqual([0]);
    expect(r.excluded).toEqual([{ currency: '__proto__', leads: 1, amount: 9 }]);
  });

  it('lists the currencies present with totals, largest first', () => {
    expect(revenueCurrencies(rows)).toEqual([
      { currency: 'CNY', amount: 7000, leads: 1 },
      { currency: 'USD', amount: 1100, leads: 2 },
      { currency: 'EUR', amount: 500, leads: 1 },
      { currency: '', amount: 40, leads: 1 },
    ]);
  });
});
