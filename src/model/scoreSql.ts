import type { SqlParam } from '../db/engine';
import type { KernelPlan } from './compile';

/**
 * The scoring of METRICS.md as one SQL query over a materialised rule matrix (columns c<i>, e<i>), giving
 * lead_id, score and tier. It is the kernel's independent twin: the benchmark times it, the tests
 * compare the two, and a user can run it in their own warehouse. Arithmetic follows the kernel's order
 * so both give the same doubles.
 */
export function scoreSql(plan: KernelPlan, matrixTable: string): { sql: string; params: SqlParam[] } {
  const params: SqlParam[] = [];
  const p = (v: number) => {
    params.push(v);
    // numbered placeholders: terms are built in rule order but appear in the text by dimension
    return `CAST($${params.length} AS DOUBLE)`;
  };
  const dims = plan.dimWeights.length;
  const terms: string[][] = Array.from({ length: dims }, () => []);
  const disqualifiers: string[] = [];
  plan.caseRules.forEach((rule) => {
    if (rule.disqualify) {
      disqualifiers.push(`c${rule.column} <> 0`);
      return;
    }
    const whens = Array.from(rule.points.subarray(1), (pts, k) => `WHEN ${k + 1} THEN ${p(pts)}`);
    terms[rule.dim].push(`(CASE c${rule.column} ${whens.join(' ')} ELSE CAST(0 AS DOUBLE) END)`);
  });
  plan.eventRules.forEach((rule) => {
    terms[rule.dim].push(`(${p(rule.perEvent)} * least(CAST(e${rule.column} AS DOUBLE), ${p(rule.cap)}))`);
  });
  const pointCols = terms.map((t, d) => `(CAST(0 AS DOUBLE) + ${t.length ? t.join(' + ') : '0'}) AS p${d}`);
  const subCols = Array.from({ length: dims }, (_, d) => {
    const max = plan.dimMax[d];
    if (max <= 0) return `CAST(0 AS DOUBLE) AS s${d}`;
    return `(least(greatest(p${d}, 0), ${p(max)}) / ${p(max)} * 100) AS s${d}`;
  });
  const weightSum = plan.dimWeights.reduce((a, b) => a + b, 0);
  const weighted = Array.from({ length: dims }, (_, d) => `${p(plan.dimWeights[d])} * s${d}`).join(' + ');
  const score = weightSum > 0 ? `(CAST(0 AS DOUBLE) + ${weighted}) / ${p(weightSum)}` : 'CAST(0 AS DOUBLE)';
  const tiers = Array.from(plan.thresholds, (t, k) => `WHEN score >= ${p(t)} THEN ${k}`).join(' ');
  const dq = disqualifiers.length ? disqualifiers.join(' OR ') : 'false';
  const sql = `WITH points AS (SELECT lead_id, (${dq}) AS dq, ${pointCols.join(', ')} FROM ${matrixTable}),
subscores AS (SELECT lead_id, dq, ${subCols.join(', ')} FROM points),
scored AS (SELECT lead_id, dq, ${score} AS score FROM subscores)
SELECT lead_id, score, CAST(CASE WHEN dq THEN ${plan.tierCount - 1} ${tiers} ELSE ${plan.tierCount - 1} END AS INTEGER) AS tier
FROM scored`;
  return { sql, params };
}
