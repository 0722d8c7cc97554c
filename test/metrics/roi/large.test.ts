import { describe, expect, it } from 'vitest';
import { roiReport, type RoiFigures, type RoiLeads, type RoiSettings } from '../../../src/metrics/roi/roi';
import { expectAllFinite } from './helpers';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 1_000_000;
const Q = 8;
const T = 4;

function randomLeads(): RoiLeads {
  const r = rng(2024);
  const leads: RoiLeads = {
    quarter: new Int32Array(N),
    tier: new Uint8Array(N),
    score: new Float64Array(N),
    outcome: new Uint8Array(N),
    amount: new Float64Array(N),
    daysToWin: new Float64Array(N),
    quarterCount: Q,
    tierCount: T,
  };
  for (let i = 0; i < N; i++) {
    const score = Math.round(r() * 1000) / 10; // many ties
    leads.quarter[i] = r() < 0.01 ? -1 : Math.floor(r() * Q);
    leads.score[i] = score;
    leads.tier[i] = score >= 70 ? 0 : score >= 45 ? 1 : score >= 20 ? 2 : 3;
    const u = r();
    const won = u < 0.05 + score / 400;
    leads.outcome[i] = won ? 1 : u < 0.7 ? 2 : 0;
    leads.amount[i] = won ? Math.round(500 + r() * 20000) : 0;
    leads.daysToWin[i] = won ? Math.floor(r() * 200) : NaN;
  }
  return leads;
}

const close = (a: number, b: number) =>
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(b)));

function expectSums(parts: RoiFigures[], whole: RoiFigures, fixed: number) {
  for (const key of ['leads', 'worked', 'resolved', 'wins', 'workedWins'] as const)
    expect(parts.reduce((s, p) => s + p[key], 0)).toBe(whole[key]);
  close(
    parts.reduce((s, p) => s + p.revenue, 0),
    whole.revenue,
  );
  close(parts.reduce((s, p) => s + p.cost, 0) + fixed, whole.cost);
}

describe('roiReport on a million random leads', () => {
  const leads = randomLeads();
  const settings: RoiSettings = {
    costPerLead: [120, 60, 25, 10],
    marginPct: 35,
    fixedPerQuarter: 50_000,
    capacity: null,
    cut: 1,
  };

  it.each([null, 40_000])('is finite and consistent (capacity %s)', (capacity) => {
    const r = roiReport(leads, { ...settings, capacity });
    expectAllFinite(r);
    expect(r.total.leads + r.leftOut.noQuarter + r.leftOut.noTier).toBe(N);
    r.cells.forEach((row, q) => expectSums(row, r.quarters[q], settings.fixedPerQuarter));
    expectSums(r.quarters, r.total, 0);
    for (const q of r.quarters) {
      if (capacity !== null) expect(q.worked).toBe(Math.min(capacity, q.leads));
      expect(q.medianDaysToWin).not.toBeNull();
    }
    // the same policy seen by the optimiser: the cut without capacity, the last cut with one
    const same = r.optimiser.cuts[capacity === null ? settings.cut : T - 1];
    close(same.grossProfit, r.total.grossProfit);
    expect(same.worked).toBe(r.total.worked);
    expect(same.tp).toBe(r.total.workedWins);
    close(r.value.total.scored.profit, r.total.grossProfit);
    close(
      r.value.quarters.reduce((s, v) => s + v.vsBaseline.profit, 0),
      r.value.total.vsBaseline.profit,
    );
    const best = r.optimiser.shares[r.optimiser.bestShare];
    expect(best.feasible).toBe(true);
    for (const p of r.optimiser.shares)
      if (p.feasible) expect(p.grossProfit).toBeLessThanOrEqual(best.grossProfit);
    expect(r.optimiser.shares[100].feasible).toBe(capacity === null);
  });
});
