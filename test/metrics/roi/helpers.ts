import { expect } from 'vitest';
import type { RoiLeads } from '../../../src/metrics/roi/roi';

/** Leads from plain arrays (test fixtures). */
export function leadsOf(rows: {
  quarter: number[];
  tier: number[];
  score: number[];
  outcome: number[];
  amount: number[];
  days: number[];
  quarterCount: number;
  tierCount: number;
}): RoiLeads {
  return {
    quarter: Int32Array.from(rows.quarter),
    tier: Uint8Array.from(rows.tier),
    score: Float64Array.from(rows.score),
    outcome: Uint8Array.from(rows.outcome),
    amount: Float64Array.from(rows.amount),
    daysToWin: Float64Array.from(rows.days),
    quarterCount: rows.quarterCount,
    tierCount: rows.tierCount,
  };
}

/** Deep comparison: numbers to 1e−9 (relative for large values), null/booleans exactly. */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    const a = actual as number;
    expect(Math.abs(a - expected), `${path}: ${a} vs ${expected}`).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual, path).toBeTypeOf('object');
    expect(actual, path).not.toBeNull();
    for (const [key, value] of Object.entries(expected))
      expectClose((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
  } else expect(actual, path).toBe(expected);
}

/** Every number anywhere in `value` is finite (METRICS.md: never NaN or ∞). */
export function expectAllFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (value !== null && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) expectAllFinite(v, `${path}.${key}`);
}
