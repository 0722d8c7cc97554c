import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accuracyOf, type AccuracyReport } from '../../src/kernel/accuracy';
import { auc } from '../../src/metrics/auc';
import { scoreAll, type Scores } from '../../src/kernel/score';
import { isoToDay, quartersOf, WINDOW, windowOf } from '../../src/kernel/window';
import { compilePlan } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';
import { loadSample, type LoadedSample } from './sample';

/**
 * The Accuracy view's numbers on the committed sample against scikit-learn. The kernel's as-of scores are
 * the input (test/golden/sample-scores.csv; the test checks they are still what the kernel computes), and
 * test/golden/make_sample_golden.py computes every metric from that file with sklearn alone.
 * UPDATE_GOLDEN=1 rewrites the scores file; then run the Python script.
 */
const SCORES = 'test/golden/sample-scores.csv';
const GOLDEN = 'test/golden/sample-accuracy.json';
const OUTCOME_NAMES = ['open', 'won', 'lost'];

interface Golden {
  split_day: number;
  platt: { a: number; b: number };
  test: {
    n: number;
    wins: number;
    auc: number;
    ks: number;
    ap: number;
    brier: number;
    log_loss: number;
    ece: number;
    calibration_prob_true: number[];
    calibration_prob_pred: number[];
    lift10: { count: number; tp: number; fp: number; precision: number; recall: number; lift: number }[];
    isotonic_brier: number;
  };
  train: { n: number; wins: number; auc: number };
}

let sample: LoadedSample;
let scores: Scores;
let report: AccuracyReport;
let probability: Float64Array;
let allAuc: number | null | undefined;
const scenario = defaultScenario({ withUrgency: true });

beforeAll(async () => {
  sample = await loadSample(scenario);
  const plan = compilePlan(scenario);
  scores = scoreAll(sample.matrix, plan);
  const facts = { outcome: sample.leads.outcome, createdDay: sample.leads.createdDay };
  const options = {
    splitDay: null,
    calibration: 'platt',
    binning: 'quantile',
    cutTier: 0,
    report: true,
  } as const;
  const r = accuracyOf(sample.matrix, plan, scores, facts, options, quartersOf(facts.createdDay));
  report = r.report!;
  probability = r.probability!;
  allAuc = r.allAuc;
  if (process.env.UPDATE_GOLDEN) {
    const window = windowOf(facts.createdDay, r.splitDay!);
    const lines = ['lead_id,score,outcome,window'];
    for (let i = 0; i < sample.leads.n; i++)
      lines.push(
        `${sample.leads.text.lead_id.get(i)},${scores.score[i]},${OUTCOME_NAMES[facts.outcome[i]]},${window[i] === WINDOW.train ? 'train' : window[i] === WINDOW.test ? 'test' : ''}`,
      );
    writeFileSync(SCORES, lines.join('\n') + '\n');
  }
}, 120_000);
afterAll(() => sample?.engine.close());

const golden = () => JSON.parse(readFileSync(GOLDEN, 'utf8')) as Golden;

describe('accuracy on the committed sample against scikit-learn (test/golden/make_sample_golden.py)', () => {
  it('starts from the as-of scores and windows the golden was computed from', () => {
    expect(existsSync(SCORES)).toBe(true);
    const rows = readFileSync(SCORES, 'utf8').trimEnd().split('\n').slice(1);
    expect(rows.length).toBe(sample.leads.n);
    const window = windowOf(sample.leads.createdDay, report.splitDay!);
    let worst = 0;
    rows.forEach((line, i) => {
      const [id, score, outcome, w] = line.split(',');
      expect(id).toBe(sample.leads.text.lead_id.get(i));
      expect(outcome).toBe(OUTCOME_NAMES[sample.leads.outcome[i]]);
      expect(w).toBe(window[i] === WINDOW.train ? 'train' : 'test');
      worst = Math.max(worst, Math.abs(Number(score) - scores.score[i]));
    });
    expect(worst).toBeLessThan(1e-12);
    expect(report.splitDay).toBe(golden().split_day);
  });

  it('the AUC over both windows (merged groups) is the AUC over all resolved leads', () => {
    expect(allAuc).not.toBeUndefined();
    expect(Math.abs(allAuc! - auc(scores.score, sample.leads.outcome)!)).toBeLessThan(1e-12);
  });

  it('rank metrics match to 1e-9', () => {
    const g = golden();
    expect(report.test.resolved).toBe(g.test.n);
    expect(report.test.wins).toBe(g.test.wins);
    expect(report.train.resolved).toBe(g.train.n);
    expect(report.test.auc!).toBeCloseTo(g.test.auc, 9);
    expect(report.train.auc!).toBeCloseTo(g.train.auc, 9);
    expect(report.test.gini!).toBeCloseTo(2 * g.test.auc - 1, 9);
    expect(report.test.ks!).toBeCloseTo(g.test.ks, 9);
    expect(report.test.ap!).toBeCloseTo(g.test.ap, 9);
  });

  it('Platt scaling on the training window and the probability metrics on the test window match to 1e-4', () => {
    const g = golden();
    expect(Math.abs(report.calibration.a! - g.platt.a)).toBeLessThan(1e-4);
    expect(Math.abs(report.calibration.b! - g.platt.b)).toBeLessThan(1e-4);
    expect(Math.abs(report.test.brier! - g.test.brier)).toBeLessThan(1e-6);
    expect(Math.abs(report.test.logLoss! - g.test.log_loss)).toBeLessThan(1e-6);
    expect(Math.abs(report.test.ece! - g.test.ece)).toBeLessThan(1e-6);
    const bins = report.test.reliability!;
    expect(bins.map((b) => b.rate)).toHaveLength(g.test.calibration_prob_true.length);
    bins.forEach((b, k) => {
      expect(Math.abs(b.rate - g.test.calibration_prob_true[k])).toBeLessThan(1e-9);
      expect(Math.abs(b.meanP - g.test.calibration_prob_pred[k])).toBeLessThan(1e-6);
    });
    expect(probability.every((p) => p > 0 && p < 1)).toBe(true);
  });

  it('the lift table at 10% steps (score descending, lead id ascending) matches', () => {
    const g = golden();
    const rows = report.test.lift!.filter((r) => r.percent % 10 === 0);
    expect(rows).toHaveLength(10);
    rows.forEach((r, k) => {
      const e = g.test.lift10[k];
      expect([r.count, r.tp, r.fp]).toEqual([e.count, e.tp, e.fp]);
      expect(r.precision).toBeCloseTo(e.precision, 12);
      expect(r.recall!).toBeCloseTo(e.recall, 12);
      expect(r.lift!).toBeCloseTo(e.lift, 12);
    });
  });

  it('a snapshot backtest judges only leads created by the snapshot day', () => {
    const plan = compilePlan(scenario);
    const facts = { outcome: sample.leads.outcome, createdDay: sample.leads.createdDay };
    const snapshotDay = isoToDay('2025-06-30')!;
    const options = {
      splitDay: null,
      calibration: 'platt',
      binning: 'quantile',
      cutTier: 0,
      report: true,
      snapshotDay,
    } as const;
    const r = accuracyOf(sample.matrix, plan, scores, facts, options, quartersOf(facts.createdDay)).report!;
    let dated = 0;
    for (let i = 0; i < sample.leads.n; i++)
      if (facts.outcome[i] !== 0 && facts.createdDay[i] <= snapshotDay) dated++;
    expect(r.train.resolved + r.test.resolved).toBe(dated);
    expect(r.splitDay!).toBeLessThanOrEqual(snapshotDay);
  });

  it('isotonic calibration gives the Brier score of sklearn IsotonicRegression(out_of_bounds="clip")', () => {
    const plan = compilePlan(scenario);
    const facts = { outcome: sample.leads.outcome, createdDay: sample.leads.createdDay };
    const options = {
      splitDay: null,
      calibration: 'isotonic',
      binning: 'quantile',
      cutTier: 0,
      report: true,
    } as const;
    const r = accuracyOf(sample.matrix, plan, scores, facts, options, quartersOf(facts.createdDay)).report!;
    expect(Math.abs(r.test.brier! - golden().test.isotonic_brier)).toBeLessThan(1e-6);
  });
});
