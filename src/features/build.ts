import type { SqlEngine } from '../db/engine';
import { readNumericColumn, readStringColumn } from '../db/schema';
import { fetchOne, fetchRows, fetchTable, run } from '../db/sql';
import { OUTCOME, type RuleMatrix } from '../kernel/matrix';
import { layoutOf, type MatrixLayout } from '../model/compile';
import { ruleMatrixSql } from '../model/ruleSql';
import type { Scenario } from '../model/scenario';

export interface OutcomeCounts {
  won: number;
  lost: number;
  open: number;
}
export interface DatasetFacts {
  /** The latest date in the data (YYYY-MM-DD): the as-of date of current scores. */
  endDate: string;
  /** 'explicit' when the data has lost deals, else losses come from the aging-out horizon. */
  lossRule: 'explicit' | 'aging';
  outcomes: OutcomeCounts;
}

/** Builds lead_features: one row per lead with its outcome. */
export async function buildLeadFeatures(engine: SqlEngine, agingHorizonDays: number): Promise<DatasetFacts> {
  const { end_date, explicit_losses } = await fetchOne(engine, 'features/data_end_date', {
    end_date: { type: 'date' },
    explicit_losses: { type: 'number' },
  });
  await run(engine, 'features/lead_features', { params: [end_date, agingHorizonDays] });
  const rows = await fetchRows(engine, 'features/outcome_counts', {
    outcome: { type: 'string' },
    n: { type: 'number' },
  });
  const outcomes: OutcomeCounts = { won: 0, lost: 0, open: 0 };
  for (const r of rows) if (r.outcome in outcomes) outcomes[r.outcome as keyof OutcomeCounts] = r.n;
  return { endDate: end_date, lossRule: explicit_losses > 0 ? 'explicit' : 'aging', outcomes };
}

/** The end of the data's last day: the latest possible as-of moment. */
export const endOfData = (facts: DatasetFacts) => `${facts.endDate} 23:59:59`;

/** Ages every event at its lead's as-of moment (created_at + the observation window, or the data's end). */
export async function buildActivityEvents(
  engine: SqlEngine,
  facts: DatasetFacts,
  observationDays: number | null,
): Promise<void> {
  await run(engine, 'features/activity_events', { params: [endOfData(facts), observationDays] });
}

/** The rule matrix for a scenario's structure, as typed arrays in lead_id order. */
export async function buildRuleMatrix(
  engine: SqlEngine,
  facts: DatasetFacts,
  layoutOrScenario: MatrixLayout | Scenario,
): Promise<RuleMatrix> {
  const layout = 'key' in layoutOrScenario ? layoutOrScenario : layoutOf(layoutOrScenario)!;
  await buildActivityEvents(engine, facts, layout.observationDays);
  const q = ruleMatrixSql(layout);
  const table = await engine.query(q.sql, q.params);
  return {
    n: table.numRows,
    caseCodes: q.caseColumns.map((c) => readNumericColumn(table, c, 'uint8')),
    eventCounts: q.eventColumns.map((c) => readNumericColumn(table, c, 'float64')),
  };
}

export const LEAD_TEXT_COLUMNS = [
  'lead_id',
  'company',
  'country',
  'region',
  'industry',
  'employees',
  'size_band',
  'lead_source',
  'owner',
  'job_title',
  'created_at',
  'created_quarter',
  'outcome',
] as const;
export type LeadTextColumn = (typeof LEAD_TEXT_COLUMNS)[number];

/** What the Leads view and the export show per lead, in the kernel's order. */
export interface LeadTable {
  n: number;
  text: Record<LeadTextColumn, string[]>;
  outcome: Uint8Array;
  wonAmount: Float64Array;
}

export async function fetchLeadTable(engine: SqlEngine): Promise<LeadTable> {
  const table = await fetchTable(engine, 'features/lead_table');
  const text = Object.fromEntries(LEAD_TEXT_COLUMNS.map((c) => [c, readStringColumn(table, c)])) as Record<
    LeadTextColumn,
    string[]
  >;
  const outcome = Uint8Array.from(text.outcome, (o) => OUTCOME[o as keyof typeof OUTCOME] ?? OUTCOME.open);
  return { n: table.numRows, text, outcome, wonAmount: readNumericColumn(table, 'won_amount', 'float64') };
}
