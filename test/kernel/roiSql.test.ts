import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roiSql } from '../../bench/page/roiSql';
import { fetchWonRevenue, revenueIn, wonRevenueRows } from '../../src/features/revenue';
import { NO_DAY } from '../../src/kernel/matrix';
import { roiOf, type RoiResult } from '../../src/kernel/roi';
import { scoreAll } from '../../src/kernel/score';
import { quartersOf } from '../../src/kernel/window';
import { compilePlan, layoutOf } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';
import { ruleMatrixSql } from '../../src/model/ruleSql';
import { loadSample, type LoadedSample } from './sample';

/**
 * The committed sample's ROI numbers from the kernel, cross-checked against an independent computation in
 * DuckDB SQL (bench/page/roiSql.ts, also the roi.sql bench row): every quarter × tier cell, every tier cut
 * and the top-share curve.
 */
let sample: LoadedSample;
const scenario = defaultScenario({ withUrgency: true });
const plan = compilePlan(scenario);

async function kernelRoi(capacity: number | null): Promise<RoiResult> {
  const revenue = await fetchWonRevenue(sample.engine);
  const n = sample.leads.n;
  const { amount } = revenueIn(revenue, n, 'USD', null);
  const daysToWin = new Float64Array(n).fill(NaN);
  for (const r of wonRevenueRows(revenue))
    if (sample.leads.createdDay[r.lead] !== NO_DAY)
      daysToWin[r.lead] = r.wonDay - sample.leads.createdDay[r.lead];
  const q = quartersOf(sample.leads.createdDay);
  const scores = scoreAll(sample.matrix, plan);
  const data = { key: 'k', quarter: q.codes, labels: q.labels, amount, daysToWin };
  const options = {
    key: 'k',
    costPerLead: [150, 60, 20],
    marginPct: 70,
    fixedPerQuarter: 1000,
    capacity,
    cut: 1,
  };
  return roiOf(data, scores, sample.leads.outcome, plan.tierCount, options);
}

beforeAll(async () => {
  sample = await loadSample(scenario);
  const q = ruleMatrixSql(layoutOf(scenario)!);
  await sample.engine.query(`CREATE OR REPLACE TABLE rule_matrix AS ${q.sql}`, q.params);
}, 120_000);
afterAll(() => sample?.engine.close());

describe('ROI on the committed sample: kernel vs an independent DuckDB SQL computation', () => {
  for (const capacity of [null, 200]) {
    it(`every quarter × tier cell, and every tier cut (capacity ${capacity ?? 'none'})`, async () => {
      const k = await kernelRoi(capacity);
      const settings = { costPerLead: [150, 60, 20], marginPct: 70, fixedPerQuarter: 1000, capacity, cut: 1 };
      const sql = await roiSql(sample.engine, plan, settings);
      const first = Math.min(...sql.cells.map((c) => c.q));
      expect(sql.cells).toHaveLength(k.labels.length * plan.tierCount);
      for (const c of sql.cells) {
        const f = k.report.cells[c.q - first][c.tier];
        expect([f.leads, f.worked, f.resolved, f.wins, f.workedWins]).toEqual([
          c.leads,
          c.worked,
          c.resolved,
          c.wins,
          c.workedWins,
        ]);
        expect(f.revenue).toBeCloseTo(c.revenue, 6);
        expect(f.cost).toBeCloseTo(c.cost, 6);
        expect(f.grossProfit).toBeCloseTo(c.grossProfit, 6);
        expect(f.medianDaysToWin).toBe(c.medianDays);
      }
      k.report.optimiser.cuts.forEach((cut, i) => expect(cut.grossProfit).toBeCloseTo(sql.cutProfits[i], 6));
      if (capacity === null)
        k.report.optimiser.shares.forEach((s, i) =>
          expect(s.grossProfit).toBeCloseTo(sql.shareProfits[i], 6),
        );
      // the totals the view shows are the sums of those cells plus the fixed cost of each quarter
      const revenue = sql.cells.reduce((a, c) => a + c.revenue, 0);
      expect(k.report.total.revenue).toBeCloseTo(revenue, 6);
      expect(k.report.total.cost).toBeCloseTo(
        sql.cells.reduce((a, c) => a + c.cost, 0) + 1000 * k.labels.length,
        6,
      );
    });
  }
});
