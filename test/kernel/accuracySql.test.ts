import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accuracySql, type SqlAccuracy } from '../../bench/page/accuracySql';
import { accuracyOf, type AccuracyReport } from '../../src/kernel/accuracy';
import { scoreAll } from '../../src/kernel/score';
import { quartersOf } from '../../src/kernel/window';
import { compilePlan, layoutOf } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';
import { ruleMatrixSql } from '../../src/model/ruleSql';
import { loadSample, type LoadedSample } from './sample';

/** The accuracy.sql bench row computes the same numbers as the kernel (else its timing compares nothing). */
let sample: LoadedSample;
let report: AccuracyReport;
let sql: SqlAccuracy;

beforeAll(async () => {
  const scenario = defaultScenario({ withUrgency: true });
  sample = await loadSample(scenario);
  const plan = compilePlan(scenario);
  const facts = { outcome: sample.leads.outcome, createdDay: sample.leads.createdDay };
  const options = {
    splitDay: null,
    calibration: 'platt',
    binning: 'quantile',
    cutTier: 0,
    report: true,
  } as const;
  const scores = scoreAll(sample.matrix, plan);
  report = accuracyOf(sample.matrix, plan, scores, facts, options, quartersOf(facts.createdDay)).report!;
  const q = ruleMatrixSql(layoutOf(scenario)!);
  await sample.engine.query(`CREATE OR REPLACE TABLE rule_matrix AS ${q.sql}`, q.params);
  sql = await accuracySql(sample.engine, plan, report.splitDay!);
}, 120_000);
afterAll(() => sample?.engine.close());

describe('bench/page/accuracySql.ts (the accuracy.sql row) against the kernel on the sample', () => {
  it('fits the same Platt curve and finds the same metrics in both windows', () => {
    expect(sql.a).toBeCloseTo(report.calibration.a!, 6);
    expect(sql.b).toBeCloseTo(report.calibration.b!, 6);
    const windows = [report.train, report.test];
    windows.forEach((w, k) => {
      expect(sql.auc[k]).toBeCloseTo(w.auc!, 9);
      expect(sql.ks[k]).toBeCloseTo(w.ks!, 9);
      expect(sql.ap[k]).toBeCloseTo(w.ap!, 9);
      expect(sql.brier[k]).toBeCloseTo(w.brier!, 8);
      expect(sql.logLoss[k]).toBeCloseTo(w.logLoss!, 8);
      expect(sql.ece[k]).toBeCloseTo(w.ece!, 8);
    });
  });

  it('counts the same wins at every 1% of the test window, the same quarters and one column pair per rule', () => {
    expect(sql.liftTp).toEqual(report.test.lift!.map((r) => r.tp));
    expect(sql.quarters).toBe(report.byQuarter.length);
    expect(sql.rules).toBe(2 + 2 * report.rules.length);
  });
});
