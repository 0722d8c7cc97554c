import { medianInPlace } from './median';
import { roiOptimiser } from './optimiser';
import { WON_OF, checkRoiInput, prepareRoi } from './prepare';
import type { PolicyOutcome, RoiFigures, RoiLeads, RoiReport, RoiSettings, ScoringValue } from './types';

export type {
  CutPoint,
  PolicyDelta,
  PolicyOutcome,
  PolicyPoint,
  RoiFigures,
  RoiLeads,
  RoiOptimiser,
  RoiReport,
  RoiSettings,
  ScoringValue,
  SharePoint,
} from './types';

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function figures(
  leads: number,
  worked: number,
  resolved: number,
  wins: number,
  workedWins: number,
  revenue: number,
  cost: number,
  marginPct: number,
  medianDaysToWin: number | null,
): RoiFigures {
  const grossProfit = (revenue * marginPct) / 100 - cost;
  return {
    leads,
    worked,
    resolved,
    wins,
    workedWins,
    conversion: ratio(wins, resolved),
    revenue,
    cost,
    grossProfit,
    roi: ratio(grossProfit, cost),
    medianDaysToWin,
  };
}

function outcome(
  worked: number,
  revenue: number,
  wins: number,
  cost: number,
  marginPct: number,
): PolicyOutcome {
  return { worked, revenue, wins, cost, profit: (revenue * marginPct) / 100 - cost };
}

function scoringValue(
  scored: PolicyOutcome,
  baseline: PolicyOutcome,
  everything: PolicyOutcome,
): ScoringValue {
  const delta = (other: PolicyOutcome) => ({
    revenue: scored.revenue - other.revenue,
    wins: scored.wins - other.wins,
    profit: scored.profit - other.profit,
  });
  return { scored, baseline, everything, vsBaseline: delta(baseline), vsEverything: delta(everything) };
}

/**
 * METRICS.md "ROI": per quarter × tier, per quarter and in total — leads, worked, resolved, wins, worked
 * wins, conversion, revenue, cost, gross profit = revenue × margin − cost, ROI = gross profit / cost, median
 * days to win; "Value of scoring" (scored policy vs the random baseline of as many leads vs work everything)
 * per quarter and in total; and the "Threshold optimiser" (roiOptimiser). The policy: without capacity,
 * every lead in tiers ≤ cut; with a capacity, the top min(capacity, quarter leads) of each quarter by score,
 * ties by lead position. Divisions by zero are null (METRICS.md "Rules for every number shown"). O(n) time.
 * Throws a RangeError on malformed input (checkRoiInput).
 */
export function roiReport(leads: RoiLeads, settings: RoiSettings): RoiReport {
  checkRoiInput(leads, settings);
  const prep = prepareRoi(leads);
  const { quarterCount: Q, tierCount: T, cell, rank } = prep;
  const { tier, outcome: out, daysToWin } = leads;
  const { marginPct, fixedPerQuarter: fixed, capacity, cut } = settings;
  const costs = Float64Array.from({ length: T }, (_, t) => settings.costPerLead[t]);
  const n = cell.length;
  const C = Q * T;
  let wonInScope = 0;
  for (let c = 0; c < C; c++) wonInScope += prep.cellWins[c];

  const worked = new Float64Array(C);
  const workedWins = new Float64Array(C);
  const revenue = new Float64Array(C);
  const dayOf = new Float64Array(wonInScope + 1);
  const cellOf = new Uint32Array(wonInScope + 1);
  let m = 0;
  // branch-free (random scores make these branches unpredictable): w = 1 when the policy works the lead —
  // without capacity tier ≤ cut, else rank < capacity (top K of the quarter by score)
  const cutAt = Math.max(-1, Math.min(cut, 256));
  const capAt = Math.min(capacity ?? 0, 0x7fffffff);
  const wonOf = WON_OF; // a local: the hot loop reads no module binding
  const leadRevenue = prep.revenue;
  for (let i = 0; i < n; i++) {
    const c = cell[i];
    if (c < 0) continue;
    const w = capacity === null ? 1 - ((cutAt - tier[i]) >>> 31) : (rank[i] - capAt) >>> 31;
    const won = wonOf[out[i]] & w;
    worked[c] += w;
    workedWins[c] += won;
    revenue[c] += leadRevenue[i] * w;
    // the days of every worked won lead, kept by advancing m
    dayOf[m] = daysToWin[i];
    cellOf[m] = c;
    m += won;
  }
  // finite days grouped by cell
  const daysAt = new Uint32Array(C + 1);
  for (let k = 0; k < m; k++) if (dayOf[k] - dayOf[k] === 0) daysAt[cellOf[k] + 1]++;
  for (let c = 0; c < C; c++) daysAt[c + 1] += daysAt[c];
  const days = new Float64Array(daysAt[C]);
  const cursor = daysAt.slice(0, C);
  for (let k = 0; k < m; k++) if (dayOf[k] - dayOf[k] === 0) days[cursor[cellOf[k]]++] = dayOf[k];
  // cells first, then quarters, then the total: each quickselect only reorders inside its own range
  const cellMedian = Array.from({ length: C }, (_, c) => medianInPlace(days, daysAt[c], daysAt[c + 1]));
  const quarterMedian = Array.from({ length: Q }, (_, q) =>
    medianInPlace(days, daysAt[q * T], daysAt[q * T + T]),
  );
  const totalMedian = medianInPlace(days, 0, days.length);

  const cells: RoiFigures[][] = [];
  const quarters: RoiFigures[] = [];
  const valueQuarters: ScoringValue[] = [];
  const sum = new Float64Array(6); // leads, worked, resolved, wins, workedWins, revenue over quarters
  let totalCost = 0;
  const base = { revenue: 0, wins: 0, cost: 0 };
  const all = { leads: 0, revenue: 0, wins: 0, cost: 0 };
  for (let q = 0; q < Q; q++) {
    const row: RoiFigures[] = [];
    const qs = new Float64Array(6);
    let qCost = fixed;
    let allCost = 0;
    let allRevenue = 0;
    for (let t = 0; t < T; t++) {
      const c = q * T + t;
      const cost = worked[c] * costs[t];
      const f = figures(
        prep.cellLeads[c],
        worked[c],
        prep.cellResolved[c],
        prep.cellWins[c],
        workedWins[c],
        revenue[c],
        cost,
        marginPct,
        cellMedian[c],
      );
      row.push(f);
      qs[0] += f.leads;
      qs[1] += f.worked;
      qs[2] += f.resolved;
      qs[3] += f.wins;
      qs[4] += f.workedWins;
      qs[5] += f.revenue;
      qCost += cost;
      allCost += f.leads * costs[t];
      allRevenue += prep.cellRevenue[c];
    }
    cells.push(row);
    const qf = figures(qs[0], qs[1], qs[2], qs[3], qs[4], qs[5], qCost, marginPct, quarterMedian[q]);
    quarters.push(qf);
    for (let j = 0; j < 6; j++) sum[j] += qs[j];
    totalCost += qCost;

    // METRICS.md "Value of scoring": the random baseline works as many leads as the policy (K)
    const nq = qf.leads;
    const k = qf.worked;
    const perLead = (x: number) => (nq === 0 ? 0 : (k * x) / nq); // K × (x / leads); no lead → K = 0
    const baseline = outcome(k, perLead(allRevenue), perLead(qf.wins), perLead(allCost) + fixed, marginPct);
    const everything = outcome(nq, allRevenue, qf.wins, allCost + fixed, marginPct);
    const scored = outcome(k, qf.revenue, qf.workedWins, qf.cost, marginPct);
    valueQuarters.push(scoringValue(scored, baseline, everything));
    base.revenue += baseline.revenue;
    base.wins += baseline.wins;
    base.cost += baseline.cost;
    all.leads += nq;
    all.revenue += allRevenue;
    all.wins += qf.wins;
    all.cost += everything.cost;
  }
  const total = figures(sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], totalCost, marginPct, totalMedian);
  const valueTotal = scoringValue(
    outcome(total.worked, total.revenue, total.workedWins, total.cost, marginPct),
    outcome(total.worked, base.revenue, base.wins, base.cost, marginPct),
    outcome(all.leads, all.revenue, all.wins, all.cost, marginPct),
  );
  return {
    cells,
    quarters,
    total,
    value: { quarters: valueQuarters, total: valueTotal },
    optimiser: roiOptimiser(leads, prep, costs, settings),
    leftOut: { noQuarter: prep.noQuarter, noTier: prep.noTier },
  };
}
