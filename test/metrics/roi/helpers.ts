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

function diffs(actual: unknown, expected: unknown, path: string, out: string[]): void {
  if (typeof expected === 'number') {
    const ok =
      typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
    if (!ok) out.push(`${path}: ${String(actual)} ≠ ${expected}`);
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      out.push(`${path}: ${String(actual)} is not an object`);
    else
      for (const [key, value] of Object.entries(expected))
        diffs((actual as Record<string, unknown>)[key], value, `${path}.${key}`, out);
  } else if (actual !== expected) out.push(`${path}: ${String(actual)} ≠ ${String(expected)}`);
}

/** Deep comparison of the fields of `expected`: numbers to 1e−9 (relative above 1), the rest exactly. */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  const out: string[] = [];
  diffs(actual, expected, path, out);
  expect(out).toEqual([]);
}

function nonFinite(value: unknown, path: string, out: string[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
  } else if (value !== null && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) nonFinite(v, `${path}.${key}`, out);
}

/** Every number anywhere in `value` is finite (METRICS.md: never NaN or ∞). */
export function expectAllFinite(value: unknown): void {
  const out: string[] = [];
  nonFinite(value, '$', out);
  expect(out).toEqual([]);
}
