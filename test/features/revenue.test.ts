import { describe, expect, it } from 'vitest';
import { revenueCurrencies, revenueIn, type WonRevenue } from '../../src/features/revenue';

const rows: WonRevenue[] = [
  { lead: 0, currency: 'USD', amount: 1000, wonDay: 1 },
  { lead: 1, currency: 'EUR', amount: 500, wonDay: 2 },
  { lead: 1, currency: 'USD', amount: 100, wonDay: 2 },
  { lead: 3, currency: '', amount: 40, wonDay: 3 },
  { lead: 4, currency: 'CNY', amount: 7000, wonDay: 4 },
];

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

  it('converts with the rates given', () => {
    const r = revenueIn(rows, 5, 'USD', { EUR: 1.1, CNY: 0.14 });
    // lead 1: 500 × 1.1 + 100 = 650; lead 4: 7000 × 0.14 = 980
    expect(Array.from(r.amount)).toEqual([1000, 650, 0, 40, 7000 * 0.14]);
    expect(r.excluded).toEqual([]);
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
