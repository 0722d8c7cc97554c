import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';

const num = { type: 'number' } as const;

/**
 * Platt scaling in DuckDB, as the SQL twins of the accuracy and bias benches do it: Newton on (a, b) from
 * the intercept-only fit, one aggregate query per step, over the rows of `table` where `trainWhere` holds
 * (columns `score`, `y`). Both arguments are the benches' own constants, never user text.
 */
export async function plattSql(
  engine: SqlEngine,
  table: string,
  trainWhere: string,
): Promise<{ a: number; b: number }> {
  const start = readRows(await engine.query(`SELECT avg(y) AS m FROM ${table} WHERE ${trainWhere}`), {
    m: num,
  })[0];
  let a = 0;
  let b = Math.log(start.m / (1 - start.m));
  for (let step = 0; step < 50; step++) {
    const g = readRows(
      await engine.query(
        `WITH t AS (SELECT score, y, 1 / (1 + exp(-($1 * score + $2))) AS p FROM ${table} WHERE ${trainWhere})
SELECT sum(p - y) AS gb, sum((p - y) * score) AS ga, sum(p * (1 - p)) AS hbb,
  sum(p * (1 - p) * score) AS hab, sum(p * (1 - p) * score * score) AS haa FROM t`,
        [a, b],
      ),
      { gb: num, ga: num, hbb: num, hab: num, haa: num },
    )[0];
    const det = g.haa * g.hbb - g.hab * g.hab;
    a -= (g.hbb * g.ga - g.hab * g.gb) / det;
    b -= (g.haa * g.gb - g.hab * g.ga) / det;
    if (Math.hypot(g.ga, g.gb) < 1e-8) break;
  }
  return { a, b };
}
