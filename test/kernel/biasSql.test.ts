import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchSegmentOf, biasSql, BENCH_SEGMENTS } from '../../bench/page/biasSql';
import { accuracyOf } from '../../src/kernel/accuracy';
import { biasOf, RuleTotals, segmentMembers, type BiasReport } from '../../src/kernel/bias';
import { scoreAll } from '../../src/kernel/score';
import { quartersOf } from '../../src/kernel/window';
import { compilePlan, layoutOf } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';
import { ruleMatrixSql } from '../../src/model/ruleSql';
import { loadSample, type LoadedSample } from './sample';

/** The bias.sql bench row computes the kernel's per-segment numbers (else its timing compares nothing). */
let sample: LoadedSample;
let report: BiasReport;
let sql: Awaited<ReturnType<typeof biasSql>>;

beforeAll(async () => {
  const scenario = defaultScenario({ withUrgency: true });
  sample = await loadSample(scenario);
  const plan = compilePlan(scenario);
  const facts = { outcome: sample.leads.outcome, createdDay: sample.leads.createdDay };
  const scores = scoreAll(sample.matrix, plan);
  const options = {
    splitDay: null,
    calibration: 'platt',
    binning: 'quantile',
    cutTier: 0,
    report: false,
  } as const;
  const acc = accuracyOf(sample.matrix, plan, scores, facts, options, quartersOf(facts.createdDay));
  const codes = Int32Array.from({ length: sample.leads.n }, (_, i) => benchSegmentOf(i));
  const labels = Array.from({ length: BENCH_SEGMENTS }, (_, k) => `s${k}`);
  const segment = { key: 'bench', codes, labels, second: null };
  const biasOptions = { key: 'bench', reference: null, cut: 0, focus: null };
  const members = segmentMembers(codes, BENCH_SEGMENTS);
  const totals = new RuleTotals(sample.matrix, facts.outcome);
  report = biasOf(
    sample.matrix,
    plan,
    scores,
    facts.outcome,
    acc.probability!,
    segment,
    biasOptions,
    members,
    totals,
  );
  const q = ruleMatrixSql(layoutOf(scenario)!);
  await sample.engine.query(`CREATE OR REPLACE TABLE rule_matrix AS ${q.sql}`, q.params);
  sql = await biasSql(sample.engine, plan, acc.splitDay!, 0);
}, 120_000);
afterAll(() => sample?.engine.close());

describe('bench/page/biasSql.ts (the bias.sql row) against the kernel on the sample', () => {
  it('finds the same segments, counts, expected wins, z, adjusted p and AUC within', () => {
    expect(sql.rows).toHaveLength(BENCH_SEGMENTS);
    sql.rows.forEach((s) => {
      const k = report.segments.rows[s.seg];
      expect([s.n, s.wins]).toEqual([k.n, k.wins]);
      expect(s.sumP).toBeCloseTo(k.sumP, 6);
      expect(s.z!).toBeCloseTo(k.z!, 6);
      if (k.pAdjusted === null) expect(s.pAdjusted).toBeNull();
      else expect(s.pAdjusted!).toBeCloseTo(k.pAdjusted, 6);
      if (k.auc === null) expect(s.auc).toBeNull();
      else expect(s.auc!).toBeCloseTo(k.auc, 9);
    });
    expect(sql.ruleColumns).toBe(23);
  });
});
