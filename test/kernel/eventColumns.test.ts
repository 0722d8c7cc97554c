import { describe, expect, it } from 'vitest';
import { decayWeight, EventColumns, eventColumn, halving } from '../../src/kernel/eventColumns';
import type { RuleInputs } from '../../src/kernel/matrix';
import { sparseOf } from '../../src/kernel/prepare';
import { scoreAll } from '../../src/kernel/score';
import { compilePlan } from '../../src/model/compile';
import { tinyScenario } from '../features/tinyScenario';

const log = {
  types: ['demo_request', 'unsubscribe'],
  lead: [Int32Array.of(0, 2, 0), Int32Array.of(1)],
  age: [Float64Array.of(0, 30, 60), Float64Array.of(10)],
};
const inputs: RuleInputs = {
  n: 3,
  caseCodes: [new Uint8Array(3), new Uint8Array(3), new Uint8Array(3)],
  events: log,
};

describe('decayWeight (METRICS.md decay, as the SQL twin writes it)', () => {
  it('halves every half-life, falls linearly to zero, or keeps a hard window', () => {
    expect(decayWeight({ kind: 'exponential', halfLifeDays: 30 }, 60)).toBeCloseTo(0.25, 15);
    expect(decayWeight({ kind: 'linear', windowDays: 40 }, 30)).toBeCloseTo(0.25, 15);
    expect(decayWeight({ kind: 'linear', windowDays: 40 }, 50)).toBe(0);
    expect(decayWeight({ kind: 'window', windowDays: 30 }, 30)).toBe(1);
    expect(decayWeight({ kind: 'window', windowDays: 30 }, 30.0001)).toBe(0);
    expect(decayWeight({ kind: 'none' }, 1e6)).toBe(1);
  });
});

describe('halving (0.5^y without Math.pow)', () => {
  it('is exact for whole half-lives, down to the smallest double, and 0 beyond', () => {
    for (let k = 0; k <= 1074; k++) expect(halving(k)).toBe(2 ** -k);
    expect(halving(1074)).toBe(Number.MIN_VALUE);
    expect(halving(1075.5)).toBe(0);
    expect(halving(Infinity)).toBe(0);
  });

  it('is within one ulp of 0.5^y for fractional y, with known values checked', () => {
    expect(halving(0.5)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(halving(2.5)).toBeCloseTo(Math.SQRT1_2 / 4, 15);
    expect(halving(1 / 3) ** 3).toBeCloseTo(0.5, 15);
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 48271) % 2147483647;
      const y = (seed / 2147483647) * 60;
      const exact = Math.pow(0.5, y);
      expect(Math.abs(halving(y) - exact)).toBeLessThanOrEqual(exact * Number.EPSILON);
    }
  });
});

describe('eventColumn', () => {
  it("sums the rule's types' events per lead, decayed by age, matching types case-blind", () => {
    const c = eventColumn(log, 3, [' Demo_Request '], { kind: 'exponential', halfLifeDays: 30 });
    expect(Array.from(c)).toEqual([1 + 0.25, 0, 0.5]);
    expect(Array.from(eventColumn(log, 3, ['demo_request', 'unsubscribe'], { kind: 'none' }))).toEqual([
      2, 1, 1,
    ]);
  });
});

describe('eventColumn into a reused buffer', () => {
  it('clears what the buffer held before', () => {
    const used = new Float64Array(3).fill(7).buffer;
    const c = eventColumn(log, 3, ['demo_request'], { kind: 'exponential', halfLifeDays: 30 }, used);
    expect(c.buffer).toBe(used);
    expect(Array.from(c)).toEqual([1 + 0.25, 0, 0.5]);
  });
});

describe('EventColumns', () => {
  it('gives each (types, decay) one column of one stable matrix and re-points plans at it', () => {
    const columns = new EventColumns(inputs);
    const plan = compilePlan(tinyScenario({ kind: 'exponential', halfLifeDays: 30 }));
    const a = columns.resolve(plan);
    const again = columns.resolve(compilePlan(tinyScenario({ kind: 'exponential', halfLifeDays: 30 })));
    expect(again.eventRules.map((r) => r.column)).toEqual(a.eventRules.map((r) => r.column));
    const other = columns.resolve(compilePlan(tinyScenario({ kind: 'window', windowDays: 20 })));
    expect(other.eventRules[0].column).not.toBe(a.eventRules[0].column);
    const m = columns.matrix;
    expect(Array.from(m.eventCounts[a.eventRules[0].column])).toEqual([1.25, 0, 0.5]);
    // the 20-day window keeps only lead 0's fresh demo
    expect(Array.from(m.eventCounts[other.eventRules[0].column])).toEqual([1, 0, 0]);
  });
});

describe('EventColumns sparse forms', () => {
  it('keeps every lead with an event of the types, and counts as fired only those whose count is not 0', () => {
    const columns = new EventColumns(inputs);
    const plan = columns.resolve(compilePlan(tinyScenario({ kind: 'window', windowDays: 20 })));
    const column = columns.matrix.eventCounts[plan.eventRules[0].column];
    // demos at ages 0 and 60 (lead 0) and 30 (lead 2): lead 2 has one, but none inside 20 days
    expect(Array.from(column)).toEqual([1, 0, 0]);
    const sparse = sparseOf(column);
    expect(Array.from(sparse.index)).toEqual([0, 2]);
    expect(Array.from(sparse.index, (i) => sparse.column[i])).toEqual([1, 0]);
    expect(sparse.column).toBe(column);
    expect(sparse.fires).toBe(1);
    expect(scoreAll(columns.matrix, plan).ruleStats.eventFires).toEqual([1, 1]);
  });
});

describe('EventColumns memory', () => {
  it('drops the least recently used columns beyond its budget, never one the plans in use read', () => {
    // 4M leads: 32 MB per column, so the 112 MB budget holds 3; the plan and its baseline read 4 between them
    // (two event rules each), which are never dropped
    const n = 4_000_000;
    const columns = new EventColumns({
      n,
      caseCodes: [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)],
      events: { types: ['demo_request'], lead: [Int32Array.of(5)], age: [Float64Array.of(10)] },
    });
    const planWith = (halfLifeDays: number) =>
      compilePlan(tinyScenario({ kind: 'exponential', halfLifeDays }));
    const baseline = columns.resolve(planWith(1));
    for (let h = 2; h < 12; h++) columns.resolve(planWith(h), [planWith(1)]);
    const live = columns.matrix.eventCounts.filter((c) => c.length === n);
    expect(live.length).toBe(4);
    // no two kept columns share a buffer (evicted ones lend theirs to new columns)
    expect(new Set(live.map((c) => c.buffer)).size).toBe(live.length);
    // the baseline's columns were kept throughout: one demo 10 days old at a 1-day half-life
    expect(columns.matrix.eventCounts[baseline.eventRules[0].column]).toHaveLength(n);
    expect(columns.matrix.eventCounts[baseline.eventRules[0].column][5]).toBe(2 ** -10);
    // the last plan's column, written into a reused buffer, holds only its own lead's weight
    const last = columns.matrix.eventCounts[columns.resolve(planWith(11)).eventRules[0].column];
    expect(last[5]).toBeCloseTo(Math.pow(0.5, 10 / 11), 15);
    expect(last.reduce((sum, v) => sum + v, 0)).toBeCloseTo(Math.pow(0.5, 10 / 11), 15);
  });
});
