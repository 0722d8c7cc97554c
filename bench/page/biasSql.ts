/**
 * The Bias view's per-segment numbers in DuckDB-wasm SQL, for the bias.sql bench row: the same re-score
 * (scoreSql over the materialised rule matrix), the Platt fit on the training window by Newton steps (one
 * aggregate per step, as accuracy.sql), then per segment of a 50-value column: resolved leads, wins, Σp,
 * Σp(1−p), leads and wins in the top tiers, wins in the bottom tier, AUC within the segment (distinct-score
 * table), and per rule its fires and points inside each segment. z, p-values and the Benjamini–Hochberg
 * adjustment of the ≤ 50 rows are computed in JS with the app's own functions (SQL has no normal CDF).
 */
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import { benjaminiHochberg, twoSidedP } from '../../src/metrics/bias/stats';
import type { KernelPlan } from '../../src/model/compile';
import { scoreSql } from '../../src/model/scoreSql';
import { plattSql } from './plattSql';

export const BENCH_SEGMENTS = 50;
/** The bench's 50-value segment of the lead at kernel index i (SQL: _idx − 1). */
export const benchSegmentOf = (i: number) => (i * 7919) % BENCH_SEGMENTS;

export interface SqlBiasRow {
  seg: number;
  n: number;
  wins: number;
  sumP: number;
  z: number | null;
  pAdjusted: number | null;
  auc: number | null;
}

const num = { type: 'number' } as const;
const numOrNull = { type: 'number', nullable: true } as const;

export async function biasSql(
  engine: SqlEngine,
  plan: KernelPlan,
  splitDay: number,
  cut: number,
): Promise<{ rows: SqlBiasRow[]; ruleColumns: number }> {
  const s = scoreSql(plan, 'rule_matrix');
  const at = s.params.length;
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE bias_scored AS
WITH scored AS (${s.sql})
SELECT s.lead_id, s.score, s.tier, CAST(f.outcome = 'won' AS INTEGER) AS y,
  CAST((f._idx - 1) * 7919 % ${BENCH_SEGMENTS} AS INTEGER) AS seg,
  date_diff('day', DATE '1970-01-01', CAST(f.created_at AS DATE)) < $${at + 1} AS train
FROM scored s JOIN lead_features f USING (lead_id)
WHERE f.outcome <> 'open'`,
    [...s.params, splitDay],
  );
  const { a, b } = await plattSql(engine, 'bias_scored', 'train');
  const bottom = plan.tierCount - 1;
  const rows = readRows(
    await engine.query(
      `WITH p AS (SELECT *, 1 / (1 + exp(-($1 * score + $2))) AS p FROM bias_scored),
agg AS (
  SELECT seg, count(*) AS n, CAST(sum(y) AS BIGINT) AS wins, CAST(sum(p) AS DOUBLE) AS sum_p, CAST(sum(p * (1 - p)) AS DOUBLE) AS var,
    count(*) FILTER (WHERE tier <= ${cut}) AS top, CAST(sum(y) FILTER (WHERE tier <= ${cut}) AS BIGINT) AS top_wins,
    CAST(sum(y) FILTER (WHERE tier = ${bottom}) AS BIGINT) AS bottom_wins
  FROM p GROUP BY seg
), g AS (SELECT seg, score, sum(y) AS w, count(*) - sum(y) AS l FROM p GROUP BY seg, score),
c AS (
  SELECT seg, w, l, sum(l) OVER (PARTITION BY seg ORDER BY score ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS l_below,
    sum(w) OVER (PARTITION BY seg) AS nw, sum(l) OVER (PARTITION BY seg) AS nl FROM g
), auc AS (
  SELECT seg, CASE WHEN max(nw) >= 10 AND max(nl) >= 10
    THEN CAST(sum(w * (coalesce(l_below, 0) + l / 2.0)) / (max(nw) * max(nl)) AS DOUBLE) END AS auc
  FROM c GROUP BY seg
)
SELECT agg.seg, n, wins, sum_p, var, top, coalesce(top_wins, 0) AS top_wins, coalesce(bottom_wins, 0) AS bottom_wins, auc.auc
FROM agg JOIN auc USING (seg) ORDER BY agg.seg`,
      [a, b],
    ),
    {
      seg: num,
      n: num,
      wins: num,
      sum_p: num,
      var: num,
      top: num,
      top_wins: num,
      bottom_wins: num,
      auc: numOrNull,
    },
  );
  // per rule: fires and points inside each segment (the rule-contrast table)
  const fires = [
    ...plan.caseRules.map((r) => `count(*) FILTER (WHERE m.c${r.column} <> 0) AS f_c${r.column}`),
    ...plan.eventRules.map((r) => `count(*) FILTER (WHERE m.e${r.column} > 0) AS f_e${r.column}`),
  ];
  const rules = await engine.query(
    `SELECT b.seg, ${fires.join(', ')} FROM bias_scored b JOIN rule_matrix m USING (lead_id) GROUP BY b.seg`,
  );

  const z = rows.map((r) => (r.var > 0 ? (r.wins - r.sum_p) / Math.sqrt(r.var) : null));
  const judged = rows
    .map((r, k) => ({ k, p: twoSidedP(z[k]) }))
    .filter(({ k, p }) => rows[k].n >= 30 && rows[k].wins >= 5 && p !== null);
  const adjusted = benjaminiHochberg(judged.map((j) => j.p!));
  const pAdjusted = new Map(judged.map((j, i) => [j.k, adjusted[i]]));
  return {
    rows: rows.map((r, k) => ({
      seg: r.seg,
      n: r.n,
      wins: r.wins,
      sumP: r.sum_p,
      z: z[k],
      pAdjusted: pAdjusted.get(k) ?? null,
      auc: r.auc,
    })),
    ruleColumns: rules.numCols - 1,
  };
}
