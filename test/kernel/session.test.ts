import { describe, expect, it } from 'vitest';
import { migration } from '../../src/kernel/aggregate';
import type { LeadOrderOptions } from '../../src/kernel/leadOrder';
import { KernelSession } from '../../src/kernel/session';
import { compilePlan } from '../../src/model/compile';
import { tinyScenario } from '../features/tinyScenario';

/**
 * The hand-made leads of test/kernel/score.test.ts: scores 100, 0 (disqualified), 92, 0, 24, 40. L1 and L3
 * requested a demo, L2 unsubscribed (decay none: the ages do not matter).
 */
function session(): KernelSession {
  const s = new KernelSession();
  s.setData(
    {
      n: 6,
      caseCodes: [
        Uint8Array.of(1, 0, 2, 0, 1, 1),
        Uint8Array.of(1, 2, 1, 0, 2, 1),
        Uint8Array.of(0, 1, 0, 0, 0, 0),
      ],
      events: {
        types: ['demo_request', 'unsubscribe'],
        lead: [Int32Array.of(0, 2), Int32Array.of(1)],
        age: [Float64Array.of(3, 40), Float64Array.of(7)],
      },
    },
    { outcome: Uint8Array.of(1, 2, 1, 0, 0, 0), createdDay: new Int32Array(6) },
    {},
  );
  return s;
}

describe('baseline comparison', () => {
  it('migration counts leads per (from, to) pair', () => {
    expect(migration(Uint8Array.of(0, 0, 1, 2, 2), 3, Uint8Array.of(0, 1, 1, 2, 0), 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });

  it('scores the baseline beside the scenario and counts the leads that change tier', () => {
    const kernel = session();
    const baseline = compilePlan(tinyScenario());
    const scenario = compilePlan(tinyScenario());
    scenario.dimWeights[1] = 0; // fit alone: scores 100, 0, 80, 0, 60, 100 → tiers A C A C B A
    const r = kernel.score(1, scenario, baseline, null, null, null, null, () => 0);
    // baseline tiers A C A C C B → scenario A C A C B A: L5 C → B, L6 B → A
    expect(Array.from(r.baseline!.tier)).toEqual([0, 2, 0, 2, 2, 1]);
    expect(r.baseline!.migration).toEqual([
      [2, 0, 0],
      [1, 0, 0],
      [0, 1, 2],
    ]);
    expect(r.baseline!.summary.tierCounts).toEqual([2, 1, 3]);
    expect(r.summary.tierCounts).toEqual([3, 1, 2]);
    const same = kernel.score(2, baseline, baseline, null, null, null, null, () => 0);
    expect(same.baseline!.migration).toEqual([
      [2, 0, 0],
      [0, 1, 0],
      [0, 0, 3],
    ]);
  });
});

describe('a scenario and a baseline with different rule conditions share one matrix', () => {
  it('scores each from its own columns (regression: the prepared layout ignored columns)', () => {
    const session = new KernelSession();
    // the demo rule under two decays: lead 0's demo, 30 days old, counts 1 without decay and 0 after a
    // 10-day window
    session.setData(
      {
        n: 2,
        caseCodes: [Uint8Array.of(1, 1), Uint8Array.of(1, 1), Uint8Array.of(0, 0)],
        events: { types: ['demo_request'], lead: [Int32Array.of(0)], age: [Float64Array.of(30)] },
      },
      { outcome: Uint8Array.of(0, 0), createdDay: new Int32Array(2) },
      {},
    );
    const scenario = compilePlan(tinyScenario());
    const baseline = compilePlan(tinyScenario());
    baseline.eventRules[0] = { ...baseline.eventRules[0], decay: { kind: 'window', windowDays: 10 } };
    const r = session.score(1, scenario, baseline, null, null, null, null, () => 0);
    // scenario: lead 0 fit 100 + demo → 100 (A); baseline: demo decayed away → 40 (B)
    expect(Array.from(r.tier)).toEqual([0, 1]);
    expect(Array.from(r.baseline!.tier)).toEqual([1, 1]);
    expect(r.baseline!.migration[1][0]).toBe(1);
  });
});

describe('the Leads table order comes with the scores', () => {
  const order: LeadOrderOptions = {
    key: 'q',
    tier: null,
    migration: null,
    masked: false,
    sort: 'score',
    descending: true,
    from: 0,
    count: 100,
  };

  it('sorts by score, filters by tier, mask and migration cell, and sorts by a sent rank', () => {
    const s = session();
    const scenario = compilePlan(tinyScenario());
    scenario.dimWeights[1] = 0; // fit alone: scores 100, 0, 80, 0, 60, 100 (see above)
    const baseline = compilePlan(tinyScenario());
    const rows = (o: Partial<typeof order>) =>
      Array.from(
        s.score(1, scenario, baseline, null, null, null, null, () => 0, { ...order, ...o })!.order!.rows,
      );
    expect(rows({})).toEqual([0, 5, 2, 4, 1, 3]);
    expect(rows({ descending: false })).toEqual([1, 3, 4, 2, 0, 5]);
    expect(rows({ tier: 0 })).toEqual([0, 5, 2]);
    // baseline C → scenario B: L5 only; baseline B → scenario A: L6
    expect(rows({ migration: { from: 2, to: 1 } })).toEqual([4]);
    expect(rows({ migration: { from: 1, to: 0 } })).toEqual([5]);
    s.setLeadKeys({ mask: Uint8Array.of(1, 1, 0, 0, 1, 0), rank: Uint32Array.of(2, 0, 1, 0, 2, 1) });
    expect(rows({ masked: true })).toEqual([0, 4, 1]);
    expect(rows({ sort: 'rank', descending: false })).toEqual([1, 3, 2, 5, 0, 4]);
    expect(rows({ sort: 'rank', masked: true, tier: 2 })).toEqual([1]);
    // no order unless asked
    expect(s.score(2, scenario, null, null, null, null, null, () => 0).order).toBeNull();
  });

  it('sends the page asked for with the rows’ own scores and tiers, and the query’s length', () => {
    const s = session();
    const scenario = compilePlan(tinyScenario());
    scenario.dimWeights[1] = 0;
    const r = s.score(1, scenario, null, null, null, null, null, () => 0, { ...order, from: 1, count: 2 });
    const page = r.order!;
    expect([page.total, page.from]).toEqual([6, 1]);
    expect(Array.from(page.rows)).toEqual([5, 2]);
    expect(Array.from(page.score)).toEqual([r.score[5], r.score[2]]);
    expect(Array.from(page.tier)).toEqual([r.tier[5], r.tier[2]]);
    expect(page.subscores.map((x) => x[1])).toEqual(r.subscores.map((x) => x[2]));
  });

  it('keeps the text keys across new data of the same leads, and refuses keys of another size', () => {
    const s = session();
    s.setLeadKeys({ mask: Uint8Array.of(0, 0, 0, 0, 0, 1), rank: null });
    const plan = compilePlan(tinyScenario());
    expect(
      Array.from(
        s.score(1, plan, null, null, null, null, null, () => 0, { ...order, masked: true }).order!.rows,
      ),
    ).toEqual([5]);
    s.setLeadKeys({ mask: Uint8Array.of(1), rank: null });
    expect(() => s.score(2, plan, null, null, null, null, null, () => 0, { ...order, masked: true })).toThrow(
      /mask/,
    );
  });
});
