import { describe, it } from 'vitest';
import { roiReport, type RoiFigures, type RoiLeads, type RoiSettings } from '../../../src/metrics/roi/roi';
import { expectAllFinite, expectClose } from './helpers';

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

interface Lead {
  i: number;
  q: number;
  t: number;
  score: number;
  won: boolean;
  lost: boolean;
  revenue: number;
  days: number;
}

const div = (a: number, b: number) => (b === 0 ? null : a / b);
const median = (v: number[]) => {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length;
  return m % 2 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
};

/** A plain, object-per-lead reading of METRICS.md "ROI" — slow, written straight from the definitions. */
function reference(leads: RoiLeads, s: RoiSettings) {
  const Q = leads.quarterCount;
  const T = leads.tierCount;
  const margin = s.marginPct / 100;
  const all: Lead[] = [];
  for (let i = 0; i < leads.quarter.length; i++) {
    const q = leads.quarter[i];
    const t = leads.tier[i];
    if (q < 0 || q >= Q || t >= T) continue;
    const won = leads.outcome[i] === 1;
    const a = leads.amount[i];
    all.push({
      i,
      q,
      t,
      score: Number.isNaN(leads.score[i]) ? -Infinity : leads.score[i],
      won,
      lost: leads.outcome[i] === 2,
      revenue: won && Number.isFinite(a) ? a : 0,
      days: leads.daysToWin[i],
    });
  }
  const byQuarter = Array.from({ length: Q }, (_, q) =>
    all.filter((l) => l.q === q).sort((a, b) => b.score - a.score || a.i - b.i),
  );
  const worked = new Set<Lead>();
  for (const list of byQuarter)
    list.forEach((l, r) => {
      if (s.capacity === null ? l.t <= s.cut : r < s.capacity) worked.add(l);
    });
  const fig = (ls: Lead[], fixed: number): RoiFigures => {
    const w = ls.filter((l) => worked.has(l));
    const revenue = w.reduce((x, l) => x + l.revenue, 0);
    const cost = w.reduce((x, l) => x + s.costPerLead[l.t], 0) + fixed;
    const grossProfit = revenue * margin - cost;
    const wins = ls.filter((l) => l.won).length;
    const resolved = ls.filter((l) => l.won || l.lost).length;
    return {
      leads: ls.length,
      worked: w.length,
      resolved,
      wins,
      workedWins: w.filter((l) => l.won).length,
      conversion: div(wins, resolved),
      revenue,
      cost,
      grossProfit,
      roi: div(grossProfit, cost),
      medianDaysToWin: median(w.filter((l) => l.won && Number.isFinite(l.days)).map((l) => l.days)),
    };
  };
  const totalWins = all.filter((l) => l.won).length;
  const point = (w: Lead[]) => {
    const revenue = w.reduce((x, l) => x + l.revenue, 0);
    const cost = w.reduce((x, l) => x + s.costPerLead[l.t], 0) + Q * s.fixedPerQuarter;
    const tp = w.filter((l) => l.won).length;
    const fp = w.filter((l) => l.lost).length;
    const fn = totalWins - tp;
    const grossProfit = revenue * margin - cost;
    return {
      worked: w.length,
      revenue,
      cost,
      grossProfit,
      roi: div(grossProfit, cost),
      tp,
      fp,
      fn,
      f1: div(2 * tp, 2 * tp + fp + fn),
    };
  };
  const cap = s.capacity ?? Infinity;
  const cuts = Array.from({ length: T }, (_, c) => ({
    cut: c,
    ...point(byQuarter.flatMap((list) => list.filter((l) => l.t <= c).slice(0, cap))),
  }));
  const shares = Array.from({ length: 101 }, (_, share) => ({
    share,
    feasible: byQuarter.every((list) => Math.round((share * list.length) / 100) <= cap),
    ...point(
      byQuarter.flatMap((list) => list.slice(0, Math.min(cap, Math.round((share * list.length) / 100)))),
    ),
  }));
  const value = byQuarter.map((list) => {
    const k = list.filter((l) => worked.has(l)).length;
    const n = list.length;
    const scored = fig(list, s.fixedPerQuarter);
    const allRevenue = list.reduce((x, l) => x + l.revenue, 0);
    const allCost = list.reduce((x, l) => x + s.costPerLead[l.t], 0);
    const wins = list.filter((l) => l.won).length;
    const base =
      n === 0 ? { r: 0, w: 0, c: 0 } : { r: (k * allRevenue) / n, w: (k * wins) / n, c: (k * allCost) / n };
    return {
      scored: {
        worked: k,
        revenue: scored.revenue,
        wins: scored.workedWins,
        cost: scored.cost,
        profit: scored.grossProfit,
      },
      baseline: {
        worked: k,
        revenue: base.r,
        wins: base.w,
        cost: base.c + s.fixedPerQuarter,
        profit: base.r * margin - base.c - s.fixedPerQuarter,
      },
      everything: {
        worked: n,
        revenue: allRevenue,
        wins,
        cost: allCost + s.fixedPerQuarter,
        profit: allRevenue * margin - allCost - s.fixedPerQuarter,
      },
    };
  });
  return {
    cells: byQuarter.map((list) =>
      Array.from({ length: T }, (_, t) =>
        fig(
          list.filter((l) => l.t === t),
          0,
        ),
      ),
    ),
    quarters: byQuarter.map((list) => fig(list, s.fixedPerQuarter)),
    total: fig(all, Q * s.fixedPerQuarter),
    value,
    cuts,
    shares,
  };
}

describe('roiReport against a plain reading of the definitions', () => {
  it('agrees on 400 random small scenarios (ties, NaN scores and amounts, strays, any capacity)', () => {
    const r = rng(99);
    const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
    for (let trial = 0; trial < 400; trial++) {
      const n = Math.floor(r() * 50);
      const Q = 1 + Math.floor(r() * 4);
      const T = 1 + Math.floor(r() * 4);
      const leads: RoiLeads = {
        quarter: Int32Array.from({ length: n }, () => (r() < 0.08 ? pick([-1, Q]) : Math.floor(r() * Q))),
        tier: Uint8Array.from({ length: n }, () => (r() < 0.05 ? T : Math.floor(r() * T))),
        score: Float64Array.from({ length: n }, () =>
          r() < 0.05 ? NaN : Math.floor(r() * 8) + pick([0, 0, 1e-9]),
        ),
        outcome: Uint8Array.from({ length: n }, () => pick([0, 1, 1, 2])),
        amount: new Float64Array(n),
        daysToWin: new Float64Array(n).fill(NaN),
        quarterCount: Q,
        tierCount: T,
      };
      for (let i = 0; i < n; i++)
        if (leads.outcome[i] === 1) {
          leads.amount[i] = r() < 0.05 ? NaN : Math.round(r() * 1000);
          leads.daysToWin[i] = r() < 0.05 ? NaN : Math.floor(r() * 90);
        }
      const settings: RoiSettings = {
        costPerLead: Array.from({ length: T }, () => pick([0, 5, 20, 75])),
        marginPct: pick([0, 30, 62.5, 100]),
        fixedPerQuarter: pick([0, 0, 150]),
        capacity: r() < 0.4 ? null : Math.floor(r() * 12),
        cut: Math.floor(r() * (T + 2)) - 1,
      };
      const got = roiReport(leads, settings);
      const want = reference(leads, settings);
      expectAllFinite(got);
      expectClose(got.cells, want.cells, `trial ${trial} cells`);
      expectClose(got.quarters, want.quarters, `trial ${trial} quarters`);
      expectClose(got.total, want.total, `trial ${trial} total`);
      expectClose(got.value.quarters, want.value, `trial ${trial} value`);
      expectClose(got.optimiser.cuts, want.cuts, `trial ${trial} cuts`);
      expectClose(got.optimiser.shares, want.shares, `trial ${trial} shares`);
    }
  });
});
