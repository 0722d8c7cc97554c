import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import { textValues, type TextColumn } from '../../src/db/textColumn';
import { matrixWithEvents } from '../../src/kernel/eventColumns';
import { layoutOf } from '../../src/model/compile';
import {
  buildActivityEvents,
  buildLeadFeatures,
  buildRuleInputs,
  fetchLeadTable,
  LEAD_TEXT_COLUMNS,
  type DatasetFacts,
} from '../../src/features/build';
import { loadFixture } from '../queries/fixture';
import { fetchBiasColumn } from '../../src/features/biasColumns';
import { fetchDealSteps, fetchWonRevenue, wonRevenueRows } from '../../src/features/revenue';
import { sqlText } from '../../src/db/sql';
import { tinyScenario } from './tinyScenario';

let engine: SqlEngine;
let facts: DatasetFacts;
beforeAll(async () => {
  ({ engine } = await loadFixture());
  facts = await buildLeadFeatures(engine, 180);
});
afterAll(() => engine?.close());

describe('features/*.sql on the hand-made fixture', () => {
  it('features/data_end_date.sql is the latest date in the data; the loss rule is explicit', () => {
    expect(facts.endDate).toBe('2024-06-30');
    expect(facts.lossRule).toBe('explicit');
  });

  it('features/lead_features.sql: won beats lost, open without a resolved deal; features/outcome_counts.sql agrees', async () => {
    const rows = readRows(
      await engine.query('SELECT lead_id, outcome, won_amount FROM lead_features ORDER BY lead_id'),
      {
        lead_id: { type: 'string' },
        outcome: { type: 'string' },
        won_amount: { type: 'number' },
      },
    );
    expect(rows.map((r) => `${r.lead_id}:${r.outcome}:${r.won_amount}`)).toEqual([
      'L1:won:10000',
      'L2:lost:0',
      'L3:won:2500.5',
      'L4:open:0',
      'L5:open:0',
      'L6:open:0',
    ]);
    expect(facts.outcomes).toEqual({ won: 2, lost: 1, open: 3 });
  });

  it('features/activity_events.sql ages events at the end of the last day when scoring current', async () => {
    await buildActivityEvents(engine, facts, null);
    const rows = readRows(
      await engine.query("SELECT age_days FROM activity_events WHERE lead_id = 'L1' ORDER BY age_days"),
      { age_days: { type: 'number' } },
    );
    // 2024-06-30 23:59:59 minus 12:00:00, 00:00:00 the same day, and 2024-05-31 12:00 (30 days + 43199 s)
    expect(rows.map((r) => r.age_days)).toEqual([43199 / 86400, 86399 / 86400, 30 + 43199 / 86400]);
  });

  it('features/activity_events.sql with an observation window ages events at created_at + window and drops later ones', async () => {
    await buildActivityEvents(engine, facts, 30);
    const rows = readRows(
      await engine.query('SELECT lead_id, age_days FROM activity_events ORDER BY lead_id, age_days'),
      {
        lead_id: { type: 'string' },
        age_days: { type: 'number' },
      },
    );
    // L1 created 2024-01-05 → as of 2024-02-04: all its events are later. L2 created 2024-01-10 → as of
    // 2024-02-09: its unsubscribe on 2024-02-01 is 8 days old. L3 created 2024-02-01 → as of 2024-03-02:
    // its demo on 2024-03-01 is 1 day old. L4 created 2024-03-01 → as of 2024-03-31: its visit is later.
    expect(rows).toEqual([
      { lead_id: 'L2', age_days: 8 },
      { lead_id: 'L3', age_days: 1 },
    ]);
  });

  it('features/activity_events.sql with a snapshot ages every event at the end of that day, whatever the window', async () => {
    await buildActivityEvents(engine, facts, 30, '2024-03-01');
    const rows = readRows(
      await engine.query('SELECT lead_id, age_days FROM activity_events ORDER BY lead_id, age_days'),
      { lead_id: { type: 'string' }, age_days: { type: 'number' } },
    );
    // as of 2024-03-01 23:59:59 for every lead: L2's unsubscribe on 2024-02-01 00:00 is 29 days + 86399 s
    // old, L3's demo on 2024-03-01 00:00 is 86399 s old; L1's and L4's events come later and never count
    expect(rows).toEqual([
      { lead_id: 'L2', age_days: 29 + 86399 / 86400 },
      { lead_id: 'L3', age_days: 86399 / 86400 },
    ]);
  });

  it('features/aged_events.sql, features/activity_events_more.sql and features/activity_row_span.sql: built a range of activity rows at a time, the same events', async () => {
    const all = async () =>
      readRows(
        await engine.query('SELECT lead_id, activity_type, age_days FROM activity_events ORDER BY ALL'),
        { lead_id: { type: 'string' }, activity_type: { type: 'string' }, age_days: { type: 'number' } },
      );
    for (const window of [null, 30]) {
      await buildActivityEvents(engine, facts, window);
      const whole = await all();
      expect(whole.length).toBeGreaterThan(1);
      for (const range of [1, 2, 3]) {
        await buildActivityEvents(engine, facts, window, null, range);
        expect(await all()).toEqual(whole);
      }
    }
  });

  it('features/lead_column_text.sql and features/lead_column_number.sql give one column in lead order, blanks kept', async () => {
    const created = (await fetchLeadTable(engine)).createdDay;
    const source = await fetchBiasColumn(engine, 'lead_source', created);
    expect(source.kind).toBe('text');
    expect(textValues(source.values as TextColumn)).toEqual([
      'Referral',
      'Website',
      'Website',
      'Trade Show',
      'Website',
      'Website',
    ]);
    const employees = await fetchBiasColumn(engine, 'employees', created);
    expect(employees.kind).toBe('number');
    // L3's "1,200" parses; L6's "many" does not and is missing (NaN), never 0
    expect(Array.from(employees.values as Float64Array)).toEqual([120, 15, 1200, 60, 8, NaN]);
  });

  it('features/won_revenue.sql gives won amounts per lead and currency with the win day', async () => {
    const rows = wonRevenueRows(await fetchWonRevenue(engine));
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    // L1 (index 0): D1 $10,000 closed 2024-03-01; L3 (index 2): D4 2500.5 closed 2024-04-10; L99 has no lead
    expect(rows).toEqual([
      { lead: 0, currency: 'USD', amount: 10000, wonDay: day('2024-03-01') },
      { lead: 2, currency: 'USD', amount: 2500.5, wonDay: day('2024-04-10') },
    ]);
  });

  it('features/deal_funnel.sql gives each lead with a deal its furthest step and latest stage', async () => {
    const rows = readRows(await engine.query(sqlText('features/deal_funnel')), {
      lead: { type: 'number' },
      step: { type: 'number' },
      stage: { type: 'string' },
    });
    expect(rows).toEqual([
      { lead: 0, step: 2, stage: 'Closed Won' },
      { lead: 1, step: 1, stage: 'Closed Lost' },
      { lead: 2, step: 2, stage: 'Closed Won' },
      { lead: 3, step: 1, stage: 'Proposal' },
    ]);
  });

  it('fetchDealSteps reads the funnel per lead: furthest step, latest stage, stages by deal count then name', async () => {
    const steps = await fetchDealSteps(engine, 6);
    // Closed Won on two leads; Closed Lost and Proposal on one each, in name order; L5 and L6 have no deal
    expect(steps.stages).toEqual(['Closed Won', 'Closed Lost', 'Proposal']);
    expect(Array.from(steps.step)).toEqual([2, 1, 2, 1, 0, 0]);
    expect(Array.from(steps.stage)).toEqual([0, 1, 0, 2, -1, -1]);
    // leads past n (a shorter lead set) are left out, not written out of range
    const shorter = await fetchDealSteps(engine, 2);
    expect([Array.from(shorter.step), Array.from(shorter.stage)]).toEqual([
      [2, 1],
      [0, 1],
    ]);
  });

  it('features/lead_table.sql lists display columns in lead_id order with size bands and quarters, features/lead_count.sql: read a range of leads at a time', async () => {
    const t = await fetchLeadTable(engine);
    for (const range of [1, 4, 6]) {
      const ranged = await fetchLeadTable(engine, range);
      for (const c of LEAD_TEXT_COLUMNS) expect(textValues(ranged.text[c])).toEqual(textValues(t.text[c]));
      expect([ranged.outcome, ranged.wonAmount, ranged.createdDay, ranged.wonDay]).toEqual([
        t.outcome,
        t.wonAmount,
        t.createdDay,
        t.wonDay,
      ]);
    }
    expect(textValues(t.text.lead_id)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
    expect(textValues(t.text.size_band)).toEqual(['50–249', '1–49', '1000+', '50–249', '1–49', '']);
    expect(textValues(t.text.created_quarter)).toEqual([
      '2024-Q1',
      '2024-Q1',
      '2024-Q1',
      '2024-Q1',
      '2024-Q2',
      '',
    ]);
    expect(Array.from(t.outcome)).toEqual([1, 2, 1, 0, 0, 0]);
  });

  it('features/field_values.sql and features/activity_types.sql list values with counts for the editor', async () => {
    const { activityTypes, fieldValues } = await import('../../src/features/values');
    expect(await fieldValues(engine, 'industry')).toEqual([
      { value: 'Software', n: 3 },
      { value: 'Government', n: 1 },
      { value: 'Manufacturing', n: 1 },
      { value: 'Retail', n: 1 },
    ]);
    await expect(fieldValues(engine, 'industry; DROP TABLE leads')).rejects.toThrow('unknown column');
    expect(await activityTypes(engine)).toEqual([
      { value: 'demo_request', n: 2 },
      { value: 'web_visit', n: 2 },
      { value: 'pricing_page_visit', n: 1 },
      { value: 'unsubscribe', n: 1 },
    ]);
  });

  it('features/event_log.sql + features/event_log_types.sql: the rule inputs code each case rule and log every aged event; the kernel sums them decayed', async () => {
    const scenario = tinyScenario({ kind: 'exponential', halfLifeDays: 30 });
    const inputs = await buildRuleInputs(engine, facts, scenario);
    expect(inputs.n).toBe(6);
    // industry: Software → 1, Manufacturing → 2 (matching ignores case), others 0
    expect(Array.from(inputs.caseCodes[0])).toEqual([1, 0, 2, 0, 1, 1]);
    // decision maker: true → 1, false → 2, unknown → 0
    expect(Array.from(inputs.caseCodes[1])).toEqual([1, 2, 1, 0, 2, 1]);
    expect(Array.from(inputs.caseCodes[2])).toEqual([0, 1, 0, 0, 0, 0]);
    // the log: each type's events with their lead and age in days at the lead's as-of moment
    const demoType = inputs.events.types.indexOf('demo_request');
    expect(Array.from(inputs.events.lead[demoType]).sort()).toEqual([0, 2]);
    // L1's demo 43199 s before the as-of moment; L3's demo on 2024-03-01, 121 days + 86399 s before
    const m = matrixWithEvents(inputs, layoutOf(scenario)!.eventRules);
    const demo = m.eventCounts[0];
    expect(demo[0]).toBeCloseTo(Math.pow(0.5, 43199 / 86400 / 30), 6);
    expect(demo[2]).toBeCloseTo(Math.pow(0.5, (121 + 86399 / 86400) / 30), 6);
    expect([demo[1], demo[3], demo[4], demo[5]]).toEqual([0, 0, 0, 0]);
    expect(m.eventCounts[1][1]).toBeCloseTo(Math.pow(0.5, (150 + 86399 / 86400) / 30), 6);
  });
});

describe('RuleColumnCache', () => {
  it('queries only new case conditions; a decay edit needs no query at all', async () => {
    const { RuleColumnCache } = await import('../../src/features/build');
    const { setDecay } = await import('../../src/model/edits');
    const cache = new RuleColumnCache();
    const base = tinyScenario({ kind: 'exponential', halfLifeDays: 30 });
    await buildRuleInputs(engine, facts, base, cache);
    const edited = tinyScenario({ kind: 'exponential', halfLifeDays: 30 });
    setDecay(edited, 'demo', { kind: 'none' });
    edited.dimensions[0].rules.push({
      id: 'dm2',
      kind: 'boolean',
      field: 'budget_confirmed',
      pointsTrue: 5,
      pointsFalse: 0,
    });
    const queries: string[] = [];
    const spy = {
      ...engine,
      query: (sql: string, params?: readonly (string | number | boolean | null)[]) => (
        queries.push(sql),
        engine.query(sql, params)
      ),
    };
    const cached = await buildRuleInputs(spy, facts, layoutOf(edited, base)!, cache);
    const fresh = await buildRuleInputs(engine, facts, layoutOf(edited, base)!);
    expect(cached.caseCodes.map((c) => Array.from(c))).toEqual(fresh.caseCodes.map((c) => Array.from(c)));
    expect(cached.events).toEqual(fresh.events);
    // one query, for the single new case condition; the decay edit is the kernel's
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain(' AS c0');
    expect(queries[0]).not.toContain(' AS c1');
    expect(queries[0]).not.toContain(' AS e0');
    // the decay-free demo column the kernel computes: L1's demo counts 1
    const m = matrixWithEvents(cached, [{ events: ['demo_request'], decay: { kind: 'none' } }]);
    expect(m.eventCounts[0][0]).toBe(1);
  });
});
