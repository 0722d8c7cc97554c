import { LOST_OF, WON_OF, type RoiPrepared } from './prepare';
import type { CutPoint, PolicyPoint, RoiLeads, RoiOptimiser, RoiSettings, SharePoint } from './types';

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** Totals over quarters of one policy → its METRICS.md "Threshold optimiser" point. */
function point(
  worked: number,
  revenue: number,
  variableCost: number,
  tp: number,
  fp: number,
  wins: number,
  fixedTotal: number,
  marginPct: number,
): PolicyPoint {
  const cost = variableCost + fixedTotal;
  const grossProfit = (revenue * marginPct) / 100 - cost;
  const fn = wins - tp;
  return {
    worked,
    revenue,
    cost,
    grossProfit,
    roi: ratio(grossProfit, cost),
    tp,
    fp,
    fn,
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/**
 * METRICS.md "Threshold optimiser": for every tier cut c = 0 … T − 1 the policy "tiers ≤ c" (with a
 * capacity, each quarter's top min(capacity, its leads in tiers ≤ c) of those leads by score), and for every
 * share s = 0 … 100 the top K_q = round(s·N_q/100) leads of each quarter by score (held at capacity, and
 * then marked infeasible, where it exceeds it): total gross profit over quarters (fixed costs included),
 * revenue, cost, and F1 over resolved leads with predicted positive = worked. Best cut by profit and by F1,
 * and best feasible share by profit; ties go to the lower cut or share.
 */
export function roiOptimiser(
  leads: RoiLeads,
  prep: RoiPrepared,
  costs: Float64Array,
  settings: RoiSettings,
): RoiOptimiser {
  const { quarterCount: Q, tierCount: T, cell, rank, start, revenue, tierInOrder } = prep;
  const { tier, outcome } = leads;
  const wonOf = WON_OF; // locals: the hot loop reads no module binding
  const lostOf = LOST_OF;
  const { marginPct, capacity } = settings;
  const fixedTotal = settings.fixedPerQuarter * Q;
  let wins = 0;
  for (let c = 0; c < Q * T; c++) wins += prep.cellWins[c];
  const size = Float64Array.from({ length: Q }, (_, q) => start[q + 1] - start[q]);
  const cap = capacity ?? Infinity;

  // cuts: per-cut sums of worked, revenue, variable cost, TP, FP
  const cw = new Float64Array(T);
  const cr = new Float64Array(T);
  const cc = new Float64Array(T);
  const ctp = new Float64Array(T);
  const cfp = new Float64Array(T);
  if (capacity === null) {
    for (let q = 0; q < Q; q++)
      for (let t = 0; t < T; t++) {
        const c = q * T + t;
        for (let cut = t; cut < T; cut++) {
          cw[cut] += prep.cellLeads[c];
          cr[cut] += prep.cellRevenue[c];
          cc[cut] += prep.cellLeads[c] * costs[t];
          ctp[cut] += prep.cellWins[c];
          cfp[cut] += prep.cellResolved[c] - prep.cellWins[c];
        }
      }
  }
  // with a capacity, cut c works the quarter's leads of tiers ≤ c ranked below bound[q·T + c]
  const bound = new Float64Array(capacity === null ? 0 : Q * T);
  if (capacity !== null) {
    const taken = new Uint32Array(T);
    for (let q = 0; q < Q; q++) {
      bound.fill(capacity === 0 ? 0 : size[q], q * T, q * T + T);
      taken.fill(0);
      // a lead of tier t counts for every cut ≥ t, so larger cuts fill first: cuts 0 … openCuts − 1 are open
      let openCuts: number = capacity === 0 ? 0 : T;
      for (let k = start[q]; k < start[q + 1] && openCuts > 0; k++) {
        for (let c = tierInOrder[k]; c < openCuts; c++)
          if (++taken[c] === capacity) bound[q * T + c] = k - start[q] + 1;
        while (openCuts > 0 && taken[openCuts - 1] === capacity) openCuts--;
      }
    }
  }

  // top-K shares: a lead of rank r is worked from the first share s with round(s·N_q/100) > r, i.e.
  // s·N_q ≥ 100·r + 50; bucket it there, then accumulate over shares
  const S = 101;
  const sw = new Float64Array(S);
  const sr = new Float64Array(S);
  const sc = new Float64Array(S);
  const stp = new Float64Array(S);
  const sfp = new Float64Array(S);
  // with a capacity: bound is non-increasing in the cut, so a lead of tier t is taken by the cuts
  // t … last − 1; sums per (t, last), spread over the cuts afterwards
  const P = T + 1;
  const mw = new Float64Array(T * P);
  const mr = new Float64Array(T * P);
  const mtp = new Float64Array(T * P);
  const mfp = new Float64Array(T * P);
  const sizeOfCell = new Float64Array(Q * T);
  for (let c = 0; c < Q * T; c++) sizeOfCell[c] = size[(c / T) | 0];
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    if (c < 0) continue;
    const t = tier[i];
    const r = rank[i];
    const o = outcome[i];
    const a = revenue[i];
    const won = wonOf[o];
    const lost = lostOf[o];
    if (capacity !== null) {
      const qT = c - t;
      let last = t;
      while (last < T && r < bound[qT + last]) last++;
      const j = t * P + last;
      mw[j]++;
      mr[j] += a;
      mtp[j] += won;
      mfp[j] += lost;
    }
    if (r >= cap) continue;
    const nq = sizeOfCell[c];
    const x = 100 * r + 50;
    const s = Math.ceil(x / nq);
    sw[s]++;
    sr[s] += a;
    sc[s] += costs[t];
    stp[s] += won;
    sfp[s] += lost;
  }
  if (capacity !== null)
    for (let t = 0; t < T; t++)
      for (let last = t + 1; last <= T; last++) {
        const j = t * P + last;
        for (let cut = t; cut < last; cut++) {
          cw[cut] += mw[j];
          cr[cut] += mr[j];
          cc[cut] += mw[j] * costs[t];
          ctp[cut] += mtp[j];
          cfp[cut] += mfp[j];
        }
      }
  const feasible = new Uint8Array(S).fill(1);
  for (let s = 0; s < S; s++) {
    for (let q = 0; q < Q; q++) if (Math.floor((s * size[q] + 50) / 100) > cap) feasible[s] = 0;
    if (s > 0) {
      sw[s] += sw[s - 1];
      sr[s] += sr[s - 1];
      sc[s] += sc[s - 1];
      stp[s] += stp[s - 1];
      sfp[s] += sfp[s - 1];
    }
  }

  const cuts: CutPoint[] = [];
  let bestProfitCut: number | null = null;
  let bestF1Cut: number | null = null;
  for (let cut = 0; cut < T; cut++) {
    const p: CutPoint = {
      cut,
      ...point(cw[cut], cr[cut], cc[cut], ctp[cut], cfp[cut], wins, fixedTotal, marginPct),
    };
    cuts.push(p);
    if (bestProfitCut === null || p.grossProfit > cuts[bestProfitCut].grossProfit) bestProfitCut = cut;
    if (p.f1 !== null && (bestF1Cut === null || p.f1 > cuts[bestF1Cut].f1!)) bestF1Cut = cut;
  }
  const shares: SharePoint[] = [];
  let bestShare = 0;
  for (let s = 0; s < S; s++) {
    const p: SharePoint = {
      share: s,
      feasible: feasible[s] === 1,
      ...point(sw[s], sr[s], sc[s], stp[s], sfp[s], wins, fixedTotal, marginPct),
    };
    shares.push(p);
    if (p.feasible && p.grossProfit > shares[bestShare].grossProfit) bestShare = s;
  }
  return { cuts, bestProfitCut, bestF1Cut, shares, bestShare };
}
