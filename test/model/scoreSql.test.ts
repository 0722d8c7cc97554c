import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import { buildLeadFeatures, type DatasetFacts } from '../../src/features/build';
import { scoreAll } from '../../src/kernel/score';
import { buildScenarioMatrix } from '../kernel/sample';
import { compilePlan, layoutOf } from '../../src/model/compile';
import { ruleMatrixSql } from '../../src/model/ruleSql';
import { scoreSql } from '../../src/model/scoreSql';
import { loadFixture } from '../queries/fixture';
import { tinyScenario } from '../features/tinyScenario';

let engine: SqlEngine;
let facts: DatasetFacts;
beforeAll(async () => {
  ({ engine } = await loadFixture());
  facts = await buildLeadFeatures(engine, 180);
});
afterAll(() => engine?.close());

describe('scoreSql, the kernel’s SQL twin', () => {
  it('gives the same score and tier as the kernel for every lead', async () => {
    const scenario = tinyScenario({ kind: 'exponential', halfLifeDays: 30 });
    const matrix = await buildScenarioMatrix(engine, facts, scenario);
    const q = ruleMatrixSql(layoutOf(scenario)!);
    await engine.query(`CREATE OR REPLACE TABLE rule_matrix AS ${q.sql}`, q.params);
    const plan = compilePlan(scenario);
    const s = scoreSql(plan, 'rule_matrix');
    const rows = readRows(await engine.query(`${s.sql} ORDER BY lead_id`, s.params), {
      lead_id: { type: 'string' },
      score: { type: 'number' },
      tier: { type: 'number' },
    });
    const k = scoreAll(matrix, plan);
    expect(rows.map((r) => r.score)).toEqual(Array.from(k.score));
    expect(rows.map((r) => r.tier)).toEqual(Array.from(k.tier));
    // by hand: L3 is Manufacturing + decision maker (fit 80) and its demo decayed 121.99 days → behaviour
    // 25·0.5^(121.99/30)/25·100; score = (40·80 + 60·beh)/100
    const beh = Math.pow(0.5, (121 + 86399 / 86400) / 30) * 100;
    expect(rows[2].score).toBeCloseTo((40 * 80 + 60 * beh) / 100, 4);
  });
  it('builds the same rule matrix a range of leads at a time', async () => {
    const layout = layoutOf(tinyScenario({ kind: 'linear', windowDays: 90 }))!;
    const whole = ruleMatrixSql(layout);
    const all = (await engine.query(whole.sql, whole.params)).toArray().map((r) => ({ ...r.toJSON() }));
    expect(all.length).toBeGreaterThan(2);
    const parts: Record<string, unknown>[] = [];
    // ranges of 4 leads, the last one past the end
    for (let first = 1; first <= all.length; first += 4) {
      const q = ruleMatrixSql(layout, { first, last: first + 3 });
      parts.push(...(await engine.query(q.sql, q.params)).toArray().map((r) => ({ ...r.toJSON() })));
    }
    expect(parts).toEqual(all);
    // an event column is non-zero somewhere, so the ranged event sums are compared too
    expect(all.some((r) => Object.entries(r).some(([k, v]) => k.startsWith('e') && v !== 0))).toBe(true);
  });
});
