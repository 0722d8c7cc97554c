import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import type { LoadReport } from '../../src/ingest/load';
import { loadFixture } from './fixture';

let engine: SqlEngine;
let report: LoadReport;
beforeAll(async () => {
  ({ engine, report } = await loadFixture());
});
afterAll(() => engine?.close());

const problemsOf = (file: string) =>
  report.problems.filter((p) => p.file === file).map((p) => `${p.row}:${p.role}:${p.problem}:${p.raw}`);

describe('ingest/*.sql on the hand-made fixture', () => {
  it('ingest/raw_file.sql and ingest/count_rows.sql read every data line in file order', () => {
    expect(report.files.map((f) => [f.name, f.rows])).toEqual([
      ['leads.csv', 8],
      ['deals.csv', 6],
      ['activities.csv', 7],
    ]);
  });

  it('ingest/leads.sql keeps one row per id and types the values', async () => {
    const rows = readRows(
      await engine.query(
        'SELECT lead_id, employees, is_decision_maker, created_at FROM leads ORDER BY lead_id',
      ),
      {
        lead_id: { type: 'string' },
        employees: { type: 'number', nullable: true },
        is_decision_maker: { type: 'boolean', nullable: true },
        created_at: { type: 'date', nullable: true },
      },
    );
    expect(rows).toEqual([
      { lead_id: 'L1', employees: 120, is_decision_maker: true, created_at: '2024-01-05' },
      { lead_id: 'L2', employees: 15, is_decision_maker: false, created_at: '2024-01-10' },
      { lead_id: 'L3', employees: 1200, is_decision_maker: true, created_at: '2024-02-01' },
      { lead_id: 'L4', employees: 60, is_decision_maker: null, created_at: '2024-03-01' },
      { lead_id: 'L5', employees: 8, is_decision_maker: false, created_at: '2024-04-01' },
      { lead_id: 'L6', employees: null, is_decision_maker: true, created_at: null },
    ]);
  });

  it('ingest/lead_problems.sql names the row, role and raw value of each problem', () => {
    expect(problemsOf('leads.csv')).toEqual([
      '6:created_at:bad_date:2024-13-45',
      '6:employees:bad_number:many',
      '7:lead_id:duplicate_id:L1',
      '8:lead_id:missing_id:',
    ]);
  });

  it('ingest/deals.sql classifies stages (from ingest/distinct_values.sql) and parses money', async () => {
    const rows = readRows(await engine.query('SELECT deal_id, outcome, amount FROM deals ORDER BY deal_id'), {
      deal_id: { type: 'string' },
      outcome: { type: 'string' },
      amount: { type: 'number', nullable: true },
    });
    expect(rows.map((r) => `${r.deal_id}:${r.outcome}:${r.amount}`)).toEqual([
      'D1:won:10000',
      'D2:lost:null', // a lost deal's 0 means "not recorded" (BAD-INPUTS 13)
      'D3:lost:500',
      'D4:won:2500.5',
      'D5:open:900',
      'D6:won:1',
    ]);
    expect(report.valueMaps.stageWon).toEqual(['Closed Won']);
    expect(report.valueMaps.stageLost).toEqual(['Closed Lost']);
  });

  it('ingest/deal_problems.sql reports a deal whose lead is unknown', () => {
    expect(problemsOf('deals.csv')).toEqual(['6:lead_id:unknown_lead:L99']);
  });

  it('ingest/activities.sql, ingest/activity_problems.sql and ingest/canonical_counts.sql: an undatable event is dropped and reported', async () => {
    expect(report.counts).toEqual({ leads: 6, deals: 6, activities: 6, accounts: 0 });
    expect(problemsOf('activities.csv')).toEqual(['6:occurred_at:bad_date:not a date']);
  });

  it('ingest/rejected_lines.sql reports ragged lines with their line number and raw text', async () => {
    const { createNodeEngine } = await import('../../src/db/nodeEngine');
    const { prepareFile } = await import('../../src/ingest/prepare');
    const { loadFiles } = await import('../../src/ingest/load');
    const e = await createNodeEngine();
    const text = 'lead_id,company,industry\nL1,A,Software\nL2,B\nL3,C,Retail,extra\nL4,D,Energy\n';
    const r = await loadFiles(e, [
      prepareFile({ name: 'ragged.csv', bytes: new TextEncoder().encode(text) }),
    ]);
    expect(r.files[0].rejectedLines.map((l) => [l.line, l.raw])).toEqual([
      [3, 'L2,B'],
      [4, 'L3,C,Retail,extra'],
    ]);
    expect(r.counts.leads).toBe(2);
    await e.close();
  });
});
