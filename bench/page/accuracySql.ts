/**
 * The Accuracy view's numbers computed in DuckDB-wasm SQL, for the accuracy.sql bench row: the same
 * re-score (scoreSql over the materialised rule matrix), Platt scaling by Newton steps (one aggregate query
 * per step), and per window: AUC, KS, average precision from the distinct-score table, Brier, log loss,
 * quantile reliability bins and ECE, the 1% lift table, tier × outcome counts with mean p (confusion,
 * per-tier calibration, rubric), per created quarter AUC / mean p / rate / ECE, and per-rule lift on the
 * test window. Not in SQL: the per-rule "wins pushed to the bottom tier" counterfactual.
 */
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import type { KernelPlan } from '../../src/model/compile';
import { scoreSql } from '../../src/model/scoreSql';
import { plattSql } from './plattSql';

export interface SqlAccuracy {
  a: number;
  b: number;
  /** Per window (0 = train, 1 = test). */
  auc: [number, number];
  ks: [number, number];
  ap: [number, number];
  brier: [number, number];
  logLoss: [number, number];
  ece: [number, number];
  /** Test window: TP at each 1% of leads. */
  liftTp: number[];
  quarters: number;
  rules: number;
}

const num = { type: 'number' } as const;
const numOrNull = { type: 'number', nullable: true } as const;

export async function accuracySql(
  engine: SqlEngine,
  plan: KernelPlan,
  splitDay: number,
): Promise<SqlAccuracy> {
  const s = scoreSql(plan, 'rule_matrix');
  const split = s.params.length + 1;
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE acc AS
WITH scored AS (${s.sql})
SELECT s.lead_id, s.score, s.tier, CAST(f.outcome = 'won' AS INTEGER) AS y,
  CASE WHEN date_diff('day', DATE '1970-01-01', CAST(f.created_at AS DATE)) < $${split} THEN 0 ELSE 1 END AS win,
  year(f.created_at) * 4 + quarter(f.created_at) AS q
FROM scored s JOIN lead_features f USING (lead_id)
WHERE f.outcome <> 'open' AND f.created_at IS NOT NULL`,
    [...s.params, splitDay],
  );

  // Platt: Newton on (a, b) with one aggregate per step, from the intercept-only fit
  const { a, b } = await plattSql(engine, 'acc', 'win = 0');
  await engine.query(
    `CREATE OR REPLACE TEMP TABLE accp AS SELECT *, 1 / (1 + exp(-($1 * score + $2))) AS p FROM acc`,
    [a, b],
  );

  // ranking metrics from the distinct-score table, per window
  const rank = readRows(
    await engine.query(`WITH g AS (
  SELECT win, score, sum(y) AS w, count(*) - sum(y) AS l FROM accp GROUP BY win, score
), c AS (
  SELECT win, score, w, l,
    sum(l) OVER (PARTITION BY win ORDER BY score ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS l_below,
    sum(w) OVER (PARTITION BY win ORDER BY score DESC ROWS UNBOUNDED PRECEDING) AS tps,
    sum(l) OVER (PARTITION BY win ORDER BY score DESC ROWS UNBOUNDED PRECEDING) AS fps,
    sum(w) OVER (PARTITION BY win) AS nw, sum(l) OVER (PARTITION BY win) AS nl
  FROM g
)
SELECT win,
  CAST(sum(w * (coalesce(l_below, 0) + l / 2.0)) / (max(nw) * max(nl)) AS DOUBLE) AS auc,
  CAST(max(tps / nw - fps / nl) AS DOUBLE) AS ks,
  CAST(sum(w / nw * tps / (tps + fps)) AS DOUBLE) AS ap
FROM c GROUP BY win ORDER BY win`),
    { win: num, auc: num, ks: num, ap: num },
  );

  const prob = readRows(
    await engine.query(`SELECT win, CAST(avg((p - y) * (p - y)) AS DOUBLE) AS brier,
  CAST(-avg(y * ln(least(greatest(p, 1e-15), 1 - 1e-15)) + (1 - y) * ln(1 - least(greatest(p, 1e-15), 1 - 1e-15))) AS DOUBLE) AS logloss
FROM accp GROUP BY win ORDER BY win`),
    { win: num, brier: num, logloss: num },
  );

  // quantile reliability bins (np.percentile edges; a p on an inner edge goes to the lower bin) and ECE,
  // per window and per created quarter
  const eceSql = (key: string) => `WITH e AS (
  SELECT ${key} AS k, quantile_cont(p, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) AS edges FROM accp GROUP BY ${key}
), b AS (
  SELECT ${key} AS k, len(list_filter(e.edges, x -> x < p)) AS bin, y, p FROM accp JOIN e ON e.k = ${key}
), bins AS (SELECT k, bin, count(*) AS n, avg(y) AS rate, avg(p) AS mp FROM b GROUP BY k, bin)
SELECT k, CAST(sum(n * abs(rate - mp)) / sum(n) AS DOUBLE) AS ece FROM bins GROUP BY k ORDER BY k`;
  const ece = readRows(await engine.query(eceSql('win')), { k: num, ece: num });
  const quarterEce = readRows(await engine.query(eceSql('q')), { k: num, ece: num });

  const quarter = readRows(
    await engine.query(`WITH g AS (
  SELECT q, score, sum(y) AS w, count(*) - sum(y) AS l FROM accp GROUP BY q, score
), c AS (
  SELECT q, w, l, sum(l) OVER (PARTITION BY q ORDER BY score ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS l_below,
    sum(w) OVER (PARTITION BY q) AS nw, sum(l) OVER (PARTITION BY q) AS nl FROM g
), m AS (SELECT q, avg(p) AS mp, avg(y) AS rate, count(*) AS n FROM accp GROUP BY q)
SELECT c.q, CAST(sum(w * (coalesce(l_below, 0) + l / 2.0)) / nullif(max(nw) * max(nl), 0) AS DOUBLE) AS auc,
  CAST(any_value(m.mp) AS DOUBLE) AS mp, CAST(any_value(m.rate) AS DOUBLE) AS rate
FROM c JOIN m USING (q) GROUP BY c.q ORDER BY c.q`),
    { q: num, auc: numOrNull, mp: num, rate: num },
  );

  // lift at each 1% of the test window, score descending then lead id ascending
  const lift = readRows(
    await engine.query(`WITH o AS (
  SELECT y, row_number() OVER (ORDER BY score DESC, lead_id) AS rn, count(*) OVER () AS n FROM accp WHERE win = 1
), c AS (SELECT rn, n, sum(y) OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING) AS tp FROM o)
SELECT k, CAST(c.tp AS DOUBLE) AS tp FROM range(1, 101) t(k) JOIN c ON c.rn = CAST(ceil(c.n * k / 100.0) AS BIGINT) ORDER BY k`),
    { k: num, tp: num },
  );

  // tier × outcome with mean p per window: confusion at every cut, per-tier calibration, the rubric
  readRows(
    await engine.query(
      `SELECT win, tier, y, count(*) AS n, CAST(avg(p) AS DOUBLE) AS mp FROM accp GROUP BY win, tier, y`,
    ),
    { win: num, tier: num, y: num, n: num, mp: num },
  );

  // per-rule lift on the test window: fires with / without and their wins
  const fires = [
    ...plan.caseRules.map((r) => `c${r.column} <> 0`),
    ...plan.eventRules.map((r) => `e${r.column} > 0`),
  ];
  const ruleCols = fires
    .map((f, k) => `count(*) FILTER (WHERE ${f}) AS f${k}, sum(y) FILTER (WHERE ${f}) AS w${k}`)
    .join(', ');
  const rules = await engine.query(
    `SELECT count(*) AS n, sum(y) AS wins, ${ruleCols} FROM accp JOIN rule_matrix USING (lead_id) WHERE win = 1`,
  );

  return {
    a,
    b,
    auc: [rank[0].auc, rank[1].auc],
    ks: [rank[0].ks, rank[1].ks],
    ap: [rank[0].ap, rank[1].ap],
    brier: [prob[0].brier, prob[1].brier],
    logLoss: [prob[0].logloss, prob[1].logloss],
    ece: [ece[0].ece, ece[1].ece],
    liftTp: lift.map((r) => r.tp),
    quarters: quarterEce.length === quarter.length ? quarter.length : -1,
    rules: rules.numCols,
  };
}
