/**
 * The ROI view's numbers in DuckDB-wasm SQL, for the roi.sql bench row and the sample cross-check: the same
 * re-score (scoreSql over the materialised rule matrix), each lead's created quarter, won revenue
 * (lead_features.won_amount: the sample is in one currency) and days to win; the policy (tiers ≤ cut, or the
 * top-K of each quarter by score, ties by lead id); per quarter × tier leads, worked, resolved, wins, worked
 * wins, revenue, cost, gross profit and median days to win; per quarter the value-of-scoring inputs; every
 * tier cut's totals; and the top-share curve at 0…100% from cumulative sums in score order (without a
 * capacity: the kernel holds an infeasible share at capacity, which the bench does not set).
 */
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import type { KernelPlan } from '../../src/model/compile';
import { scoreSql } from '../../src/model/scoreSql';

export interface RoiSqlSettings {
  costPerLead: number[];
  marginPct: number;
  fixedPerQuarter: number;
  capacity: number | null;
  cut: number;
}

export interface SqlRoiCell {
  q: number;
  tier: number;
  leads: number;
  worked: number;
  resolved: number;
  wins: number;
  workedWins: number;
  revenue: number;
  cost: number;
  grossProfit: number;
  medianDays: number | null;
}

const num = { type: 'number' } as const;
const numOrNull = { type: 'number', nullable: true } as const;

export async function roiSql(
  engine: SqlEngine,
  plan: KernelPlan,
  settings: RoiSqlSettings,
): Promise<{ cells: SqlRoiCell[]; cutProfits: number[]; shareProfits: number[] }> {
  const s = scoreSql(plan, 'rule_matrix');
  const at = s.params.length;
  const cost = `CASE tier ${settings.costPerLead.map((c, t) => `WHEN ${t} THEN CAST($${at + 1 + t} AS DOUBLE)`).join(' ')} ELSE 0 END`;
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE roi_leads AS
WITH scored AS (${s.sql})
SELECT s.lead_id, s.score, s.tier, f.outcome, CAST(coalesce(f.won_amount, 0) AS DOUBLE) AS amount,
  CAST(year(f.created_at) * 4 + quarter(f.created_at) AS INTEGER) AS q,
  date_diff('day', CAST(f.created_at AS DATE), CAST(f.won_at AS DATE)) AS days,
  row_number() OVER (PARTITION BY year(f.created_at) * 4 + quarter(f.created_at) ORDER BY s.score DESC, s.lead_id) AS rk,
  count(*) OVER (PARTITION BY year(f.created_at) * 4 + quarter(f.created_at)) AS n_q,
  ${cost} AS cost_per_lead
FROM scored s JOIN lead_features f USING (lead_id)
WHERE f.created_at IS NOT NULL`,
    [...s.params, ...settings.costPerLead],
  );
  const margin = settings.marginPct / 100;
  const cells = readRows(
    await engine.query(
      `WITH w AS (
  SELECT *, CASE WHEN CAST($1 AS INTEGER) IS NULL THEN tier <= CAST($2 AS INTEGER) ELSE rk <= CAST($1 AS INTEGER) END AS worked
  FROM roi_leads
)
SELECT q, tier, count(*) AS leads, count(*) FILTER (WHERE worked) AS worked,
  count(*) FILTER (WHERE outcome <> 'open') AS resolved, count(*) FILTER (WHERE outcome = 'won') AS wins,
  count(*) FILTER (WHERE worked AND outcome = 'won') AS worked_wins,
  CAST(coalesce(sum(amount) FILTER (WHERE worked AND outcome = 'won'), 0) AS DOUBLE) AS revenue,
  CAST(coalesce(sum(cost_per_lead) FILTER (WHERE worked), 0) AS DOUBLE) AS cost,
  CAST(median(days) FILTER (WHERE worked AND outcome = 'won') AS DOUBLE) AS median_days
FROM w GROUP BY q, tier ORDER BY q, tier`,
      [settings.capacity, settings.cut],
    ),
    {
      q: num,
      tier: num,
      leads: num,
      worked: num,
      resolved: num,
      wins: num,
      worked_wins: num,
      revenue: num,
      cost: num,
      median_days: numOrNull,
    },
  );
  // every tier cut (capped at capacity), and the share curve from cumulative sums in score order
  const cuts = readRows(
    await engine.query(
      `WITH c AS (SELECT range AS cut FROM range(0, ${plan.tierCount})),
w AS (
  SELECT c.cut, l.*, row_number() OVER (PARTITION BY c.cut, l.q ORDER BY l.score DESC, l.lead_id) AS rk_cut
  FROM c JOIN roi_leads l ON l.tier <= c.cut
)
SELECT cut, CAST(coalesce(sum(amount) FILTER (WHERE outcome = 'won'), 0) * ${margin} - sum(cost_per_lead) AS DOUBLE) AS profit
FROM w WHERE CAST($1 AS INTEGER) IS NULL OR rk_cut <= CAST($1 AS INTEGER)
GROUP BY cut ORDER BY cut`,
      [settings.capacity],
    ),
    { cut: num, profit: num },
  );
  const shares = readRows(
    await engine.query(
      `WITH cum AS (
  SELECT q, rk, n_q,
    sum(CASE WHEN outcome = 'won' THEN amount ELSE 0 END) OVER (PARTITION BY q ORDER BY rk) AS revenue,
    sum(cost_per_lead) OVER (PARTITION BY q ORDER BY rk) AS cost
  FROM roi_leads
), k AS (
  SELECT s.range AS share, q.q, q.n_q, CAST(round(s.range * q.n_q / 100.0) AS BIGINT) AS k
  FROM range(0, 101) s CROSS JOIN (SELECT DISTINCT q, n_q FROM roi_leads) q
)
SELECT share, CAST(sum(coalesce(cum.revenue, 0) * ${margin} - coalesce(cum.cost, 0)) AS DOUBLE) AS profit
FROM k LEFT JOIN cum ON cum.q = k.q AND cum.rk = k.k
GROUP BY share ORDER BY share`,
    ),
    { share: num, profit: num },
  );
  const quarters = new Set(cells.map((c) => c.q)).size;
  const fixed = settings.fixedPerQuarter * quarters;
  return {
    cells: cells.map((c) => ({
      q: c.q,
      tier: c.tier,
      leads: c.leads,
      worked: c.worked,
      resolved: c.resolved,
      wins: c.wins,
      workedWins: c.worked_wins,
      revenue: c.revenue,
      cost: c.cost,
      grossProfit: c.revenue * margin - c.cost,
      medianDays: c.median_days,
    })),
    cutProfits: cuts.map((c) => c.profit - fixed),
    shareProfits: shares.map((s) => s.profit - fixed),
  };
}
