import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { DisparityMetric } from '../../../src/metrics/bias/disparity';
import type { SegmentBias, SegmentFlag } from '../../../src/metrics/bias/segments';

/** Golden values written by test/golden/make_bias_golden.py (pandas, scipy, scikit-learn). */
export interface GoldenSegmentRow {
  code: number;
  label: string;
  leads: number;
  n: number;
  wins: number;
  actual: number | null;
  low: number | null;
  high: number | null;
  sumP: number;
  expected: number | null;
  gap: number | null;
  oe: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  flag: SegmentFlag;
  auc: number | null;
}

export interface GoldenSegments {
  rows: GoldenSegmentRow[];
  missing: { leads: number; n: number; wins: number };
  family: number;
}

export interface GoldenBetween {
  difference: number | null;
  ratio: number | null;
  groups: number;
}

export interface GoldenDisparityRow extends Record<DisparityMetric, number | null> {
  code: number;
  n: number;
  wins: number;
  tooFew: boolean;
  ratio: Record<DisparityMetric, number | null>;
  parity: Record<DisparityMetric, boolean | null>;
}

export interface GoldenFixture {
  name: string;
  labels: string[];
  missingCode: number | null;
  p: number[];
  outcome: number[];
  segment: number[];
  tier: number[];
  tierCount: number;
  cut: number;
  scores: number[];
  segments: GoldenSegments;
  disparity: {
    reference: number | null;
    rows: GoldenDisparityRow[];
    between: Record<DisparityMetric, GoldenBetween>;
    betweenAll: Record<DisparityMetric, GoldenBetween>;
  };
  b?: number[];
  bLabels?: string[];
  intersection?: GoldenSegments & { labels: string[] };
}

export interface Golden {
  fixtures: GoldenFixture[];
  normal: { z: number; p: number; cdf: number }[];
  erfc: { x: number; erfc: number }[];
  bh: { p: number[]; adjusted: number[] }[];
}

export const golden = JSON.parse(readFileSync('test/golden/bias.json', 'utf8')) as Golden;

/** Equal to 1e−9 absolute, or both null (division by zero is null on both sides). */
export function expectClose(actual: number | null, expected: number | null, what: string, tol = 1e-9): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected), what).toBeLessThanOrEqual(tol);
}

/** Relative agreement for quantities that span many decades (p-values). */
export function expectRelClose(
  actual: number | null,
  expected: number | null,
  what: string,
  rel = 1e-9,
): void {
  expectClose(actual, expected, what);
  if (expected !== null && expected !== 0) {
    expect(Math.abs((actual as number) - expected) / Math.abs(expected), what).toBeLessThanOrEqual(rel);
  }
}

/** Compares a segmentBias result with the pandas/scipy/sklearn table, number by number. */
export function compareSegments(got: SegmentBias, want: GoldenSegments): void {
  expect(got.missing).toEqual(want.missing);
  expect(got.family).toBe(want.family);
  expect(got.rows.map((r) => r.code)).toEqual(want.rows.map((r) => r.code));
  got.rows.forEach((r, i) => {
    const w = want.rows[i];
    const at = `${w.label}`;
    expect(r.label, at).toBe(w.label);
    expect([r.leads, r.n, r.wins], at).toEqual([w.leads, w.n, w.wins]);
    expect(r.small, at).toBe(w.n < 30);
    expectClose(r.actual, w.actual, `${at} actual`);
    expectClose(r.actualCi?.low ?? null, w.low, `${at} wilson low`);
    expectClose(r.actualCi?.high ?? null, w.high, `${at} wilson high`);
    expectClose(r.sumP, w.sumP, `${at} Σp`);
    expectClose(r.expected, w.expected, `${at} expected`);
    expectClose(r.gap, w.gap, `${at} gap`);
    expectClose(r.oe, w.oe, `${at} O/E`);
    expectClose(r.z, w.z, `${at} z`);
    expectRelClose(r.p, w.p, `${at} p`);
    expectRelClose(r.pAdjusted, w.pAdjusted, `${at} BH p`);
    expect(r.flag, at).toBe(w.flag);
    expectClose(r.auc, w.auc, `${at} AUC`);
  });
  expect(got.flagged).toBe(want.rows.filter((r) => r.flag === 'over' || r.flag === 'under').length);
}
