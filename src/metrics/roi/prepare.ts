import { quarterTopOrder } from './order';
import type { RoiLeads, RoiSettings } from './types';

/** METRICS.md "Outcomes and populations": the won code of RoiLeads.outcome (0 = open). */
export const WON = 1;
/** METRICS.md "Outcomes and populations": the lost code of RoiLeads.outcome. */
export const LOST = 2;

/** By outcome code: 1 for won, else 0 (METRICS.md "won") — branch-free counting in the per-lead loops. */
export const WON_OF = new Uint8Array(256);
/** By outcome code: 1 for lost, else 0 (METRICS.md "lost"). */
export const LOST_OF = new Uint8Array(256);
WON_OF[WON] = 1;
LOST_OF[LOST] = 1;

/**
 * What every METRICS.md "ROI" number needs from the leads, whatever the settings: each lead's cell, the
 * all-lead counts per cell, the quarters' top orders and each lead's rank in it (so that "top K of the
 * quarter" is `rank < K`, read in lead order, sequentially).
 */
export interface RoiPrepared {
  quarterCount: number;
  tierCount: number;
  /** Per lead: q·tierCount + t, or −1 when left out. */
  cell: Int32Array;
  noQuarter: number;
  noTier: number;
  /** Per cell, over all its leads: leads, resolved, wins, Σ won amount. */
  cellLeads: Float64Array;
  cellResolved: Float64Array;
  cellWins: Float64Array;
  cellRevenue: Float64Array;
  /** From quarterTopOrder. */
  order: Uint32Array;
  start: Uint32Array;
  /** Per lead: its won revenue — the amount of a won lead when finite, else 0. */
  revenue: Float64Array;
  /** Per lead (in a quarter): its place in the quarter's top order, 0 = highest score. */
  rank: Uint32Array;
  /** Along `order`: the lead's tier. */
  tierInOrder: Uint8Array;
}

/** Throws a RangeError when the leads' arrays or the METRICS.md "ROI" settings are malformed. */
export function checkRoiInput(leads: RoiLeads, settings: RoiSettings): void {
  const n = leads.quarter.length;
  const { tier, score, outcome, amount, daysToWin } = leads;
  for (const [name, a] of Object.entries({ tier, score, outcome, amount, daysToWin }))
    if (a.length !== n) throw new RangeError(`ROI: ${name} has ${a.length} leads, quarter has ${n}`);
  const { quarterCount: q, tierCount: t } = leads;
  if (!(Number.isInteger(q) && q >= 0)) throw new RangeError(`ROI: quarterCount ${q}`);
  if (!(Number.isInteger(t) && t >= 0 && t <= 256)) throw new RangeError(`ROI: tierCount ${t}`);
  const { costPerLead, marginPct, fixedPerQuarter, capacity, cut } = settings;
  if (costPerLead.length < t) throw new RangeError(`ROI: ${costPerLead.length} costs for ${t} tiers`);
  for (let k = 0; k < t; k++)
    if (!(Number.isFinite(costPerLead[k]) && costPerLead[k] >= 0))
      throw new RangeError(`ROI: cost per lead of tier ${k} is ${costPerLead[k]}`);
  if (!(marginPct >= 0 && marginPct <= 100)) throw new RangeError(`ROI: margin ${marginPct}%`);
  if (!(Number.isFinite(fixedPerQuarter) && fixedPerQuarter >= 0))
    throw new RangeError(`ROI: fixed cost per quarter ${fixedPerQuarter}`);
  if (capacity !== null && !(Number.isInteger(capacity) && capacity >= 0))
    throw new RangeError(`ROI: capacity ${capacity}`);
  if (!Number.isInteger(cut)) throw new RangeError(`ROI: cut ${cut}`);
}

/** Builds the RoiPrepared of `leads` (arrays assumed checked by checkRoiInput). */
export function prepareRoi(leads: RoiLeads): RoiPrepared {
  const { quarter, tier, outcome, amount, quarterCount: Q, tierCount: T } = leads;
  const wonOf = WON_OF; // locals: the hot loop reads no module binding
  const lostOf = LOST_OF;
  const n = quarter.length;
  const cell = new Int32Array(n);
  const revenue = new Float64Array(n);
  const cellLeads = new Float64Array(Q * T);
  const cellResolved = new Float64Array(Q * T);
  const cellWins = new Float64Array(Q * T);
  const cellRevenue = new Float64Array(Q * T);
  let noQuarter = 0;
  let noTier = 0;
  for (let i = 0; i < n; i++) {
    const q = quarter[i];
    const t = tier[i];
    if (!(q >= 0 && q < Q)) {
      noQuarter++;
      cell[i] = -1;
      continue;
    }
    if (t >= T) {
      noTier++;
      cell[i] = -1;
      continue;
    }
    const c = q * T + t;
    cell[i] = c;
    cellLeads[c]++;
    const o = outcome[i];
    const r = amount[i] * wonOf[o];
    const value = r - r === 0 ? r : 0; // NaN, ±∞ → 0
    revenue[i] = value;
    cellWins[c] += wonOf[o];
    cellResolved[c] += wonOf[o] + lostOf[o];
    cellRevenue[c] += value;
  }
  const { order, start } = quarterTopOrder(leads.score, cell, T, Q);
  const rank = new Uint32Array(n);
  const tierInOrder = new Uint8Array(order.length);
  for (let q = 0; q < Q; q++)
    for (let k = start[q]; k < start[q + 1]; k++) {
      const i = order[k];
      rank[i] = k - start[q];
      tierInOrder[k] = tier[i];
    }
  return {
    quarterCount: Q,
    tierCount: T,
    cell,
    noQuarter,
    noTier,
    cellLeads,
    cellResolved,
    cellWins,
    cellRevenue,
    order,
    start,
    revenue,
    rank,
    tierInOrder,
  };
}
