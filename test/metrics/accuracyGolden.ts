import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** test/golden/accuracy.json (make_accuracy_golden.py); null = scikit-learn raises or warns. */
export interface CalibrationGolden {
  index: number[];
  n: number[];
  probTrue: number[];
  probPred: number[];
  low: number[];
  high: number[];
  ece: number;
}
export interface LiftGolden {
  percent: number;
  count: number;
  threshold: number;
  tp: number;
  fp: number;
  precision: number;
  recall: number | null;
  lift: number | null;
}
export interface ConfusionGolden {
  cut: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
  accuracy: number;
}
export interface AccuracyFixture {
  name: string;
  scores: number[];
  won: number[];
  p: number[];
  tier: number[];
  nTiers: number;
  auc: number | null;
  roc: { fpr: number[]; tpr: number[]; thresholds: number[] } | null;
  ks: number | null;
  ap: number | null;
  brier: number;
  logLoss: number;
  calibration: { quantile: CalibrationGolden; uniform: CalibrationGolden };
  isotonic: { x: number[]; y: number[]; gridX: number[]; gridY: number[] } | null;
  platt: { a: number; b: number } | null;
  lift: Record<'1' | '5' | '10', LiftGolden[]>;
  confusion: ConfusionGolden[];
  madKudu: { leadShare: number; winShare: number | null; conversionRatio: number | null }[];
}
export interface LogisticGolden {
  name: string;
  rows: number[][];
  won: number[];
  intercept: number;
  coef: number[];
}
export interface AccuracyGolden {
  wilson: { wins: number; n: number; low: number; high: number }[];
  logistic: LogisticGolden[];
  fixtures: AccuracyFixture[];
}

export const golden = JSON.parse(readFileSync('test/golden/accuracy.json', 'utf8')) as AccuracyGolden;

/** it.each rows: [name, fixture]. */
export const fixtureRows = golden.fixtures.map((f) => [f.name, f] as const);

export const OPEN = 0;
export const WON = 1;
export const LOST = 2;

/** A fixture's leads with open leads and masked-out resolved leads interleaved — none of which may count. */
export interface Leads {
  scores: Float64Array;
  p: Float64Array;
  tier: Int32Array;
  outcome: Uint8Array;
  mask: Uint8Array;
}

/**
 * Lead i of the fixture, then an open lead (score tied with it, or far above), and after every third lead a
 * won lead outside the mask with an extreme score. Order among the counted leads is kept.
 */
export function withNoise(f: { scores: number[]; won: number[]; p?: number[]; tier?: number[] }): Leads {
  const scores: number[] = [];
  const p: number[] = [];
  const tier: number[] = [];
  const outcome: number[] = [];
  const mask: number[] = [];
  const push = (s: number, q: number, t: number, o: number, m: number) => {
    scores.push(s);
    p.push(q);
    tier.push(t);
    outcome.push(o);
    mask.push(m);
  };
  f.scores.forEach((s, i) => {
    const q = f.p ? f.p[i] : 0.5;
    const t = f.tier ? f.tier[i] : 0;
    push(s, q, t, f.won[i] ? WON : LOST, 1);
    push(i % 2 ? s : s + 1000, i % 2 ? q : 1, 0, OPEN, 1);
    if (i % 3 === 0) push(i % 2 ? 0 : s + 2000, i % 2 ? 0 : 1, 0, WON, 0);
  });
  return {
    scores: Float64Array.from(scores),
    p: Float64Array.from(p),
    tier: Int32Array.from(tier),
    outcome: Uint8Array.from(outcome),
    mask: Uint8Array.from(mask),
  };
}

/** Plain resolved arrays of a fixture. */
export function plain(f: { scores: number[]; won: number[]; p?: number[] }): {
  scores: Float64Array;
  p: Float64Array;
  outcome: Uint8Array;
} {
  return {
    scores: Float64Array.from(f.scores),
    p: Float64Array.from(f.p ?? []),
    outcome: Uint8Array.from(f.won, (w) => (w ? WON : LOST)),
  };
}

/** Same length and every |actual − expected| < tol (NaN fails). */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i] - expected[i]);
    if (!(d <= worst)) {
      worst = Number.isNaN(d) ? Infinity : d;
      at = i;
    }
  }
  expect(worst, `worst at [${at}]: ${actual[at]} vs ${expected[at]}`).toBeLessThan(tol);
}
