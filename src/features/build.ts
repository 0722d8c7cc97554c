import type { SqlEngine } from '../db/engine';
import type { RecordBatch } from 'apache-arrow';
import { readNumericColumn } from '../db/schema';
import { stringVector, TextColumnBuilder } from '../db/readTextColumn';
import { DictionaryText, recode, type TextColumn } from '../db/textColumn';
import { fetchOne, fetchRows, fetchTable, fetchTableStreamed, run } from '../db/sql';
import { OUTCOME, type EventLog, type RuleInputs, type SentInputs } from '../kernel/matrix';
import { pacer } from '../kernel/tasks';
import { conditionKey, layoutOf, type MatrixLayout } from '../model/compile';
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
  /** The horizon the outcomes were computed with (it only matters when lossRule is 'aging'). */
  agingHorizonDays: number;
  outcomes: OutcomeCounts;
}

/** How many leads each lead_table query reads. */
const LEAD_TABLE_RANGE = 250_000;

/** How many activity rows each statement ages into activity_events. */
const EVENT_RANGE = 5_000_000;

/** How many leads each statement adds to lead_features (see queries/features/lead_order.sql). */
const LEAD_CHUNK = 250_000;

/** Builds lead_features: one row per lead with its outcome, `chunk` leads at a time. */
export async function buildLeadFeatures(
  engine: SqlEngine,
  agingHorizonDays: number,
  chunk = LEAD_CHUNK,
): Promise<DatasetFacts> {
  const { end_date, explicit_losses } = await fetchOne(engine, 'features/data_end_date', {
    end_date: { type: 'date' },
    explicit_losses: { type: 'number' },
  });
  await run(engine, 'features/lead_order');
  try {
    await run(engine, 'features/lead_feature_rows');
    const { n } = await fetchOne(engine, 'features/lead_order_count', { n: { type: 'number' } });
    await run(engine, 'features/lead_features', { params: [end_date, agingHorizonDays, chunk] });
    for (let first = chunk + 1; first <= n; first += chunk)
      await run(engine, 'features/lead_features_more', {
        params: [end_date, agingHorizonDays, first, first + chunk - 1],
      });
  } finally {
    await run(engine, 'features/drop_lead_order');
  }
  const rows = await fetchRows(engine, 'features/outcome_counts', {
    outcome: { type: 'string' },
    n: { type: 'number' },
  });
  const outcomes: OutcomeCounts = { won: 0, lost: 0, open: 0 };
  for (const r of rows) if (r.outcome in outcomes) outcomes[r.outcome as keyof OutcomeCounts] = r.n;
  return {
    endDate: end_date,
    lossRule: explicit_losses > 0 ? 'explicit' : 'aging',
    agingHorizonDays,
    outcomes,
  };
}

/** The end of the data's last day: the latest possible as-of moment. */
export const endOfData = (facts: DatasetFacts) => `${facts.endDate} 23:59:59`;

/**
 * Ages every event at its lead's as-of moment: the end of the snapshot day when there is one, else
 * created_at + the observation window, or the data's end.
 */
export async function buildActivityEvents(
  engine: SqlEngine,
  facts: DatasetFacts,
  observationDays: number | null,
  snapshotDate: string | null = null,
  range = EVENT_RANGE,
): Promise<void> {
  const snapshot = snapshotDate === null ? null : `${snapshotDate} 23:59:59`;
  await run(engine, 'features/aged_events');
  const { last } = await fetchOne(engine, 'features/activity_row_span', { last: { type: 'number' } });
  const params = [endOfData(facts), observationDays, snapshot];
  await run(engine, 'features/activity_events', { params: [...params, 0, range] });
  for (let first = range + 1; first <= last; first += range)
    await run(engine, 'features/activity_events_more', { params: [...params, first, first + range - 1] });
}

/**
 * Case columns already computed, by rule condition, and the event log, for the activity_events of one
 * as-of rule: a structural edit then queries only the conditions that are new.
 */
export class RuleColumnCache {
  readonly codes = new Map<string, Uint8Array>();
  /** The event log, until it is handed to the kernel (`handedOver`), which keeps it under `logId`. */
  events: EventLog | null = null;
  /** The current event log's id, unique in the page: a new one per data set and as-of rule. */
  logId = 0;
  /** The as-of rule the cached columns were computed under (observation window and snapshot). */
  asOf: string | undefined = undefined;
  n = 0;

  /** The kernel was sent the log and keeps it: the cache lets go of it. */
  handedOver(): void {
    this.events = null;
  }
}
let lastLogId = 0;

/** Every aged event of activity_events, grouped by type (one counting pass over the rows). */
async function fetchEventLog(engine: SqlEngine): Promise<EventLog> {
  const types = (
    await fetchRows(engine, 'features/event_log_types', { activity_type: { type: 'string' } })
  ).map((r) => r.activity_type);
  const table = await fetchTableStreamed(engine, 'features/event_log');
  // batch by batch, yielding to the page now and then: ~6M events at a million leads
  const pace = pacer();
  const counts = new Int32Array(types.length);
  for (const batch of table.batches) {
    const code = readNumericColumn(batch, 'code', 'int32');
    for (let k = 0; k < code.length; k++) counts[code[k]]++;
    await pace();
  }
  const log: EventLog = {
    types,
    lead: Array.from(counts, (c) => new Int32Array(c)),
    age: Array.from(counts, (c) => new Float64Array(c)),
  };
  const filled = new Int32Array(types.length);
  for (const batch of table.batches) {
    const lead = readNumericColumn(batch, 'lead', 'int32');
    const code = readNumericColumn(batch, 'code', 'int32');
    const age = readNumericColumn(batch, 'age', 'float64');
    for (let k = 0; k < code.length; k++) {
      const t = code[k];
      const at = filled[t]++;
      log.lead[t][at] = lead[k];
      log.age[t][at] = age[k];
    }
    await pace();
  }
  return log;
}

/** The kernel's inputs for a layout (or one scenario): case code columns in lead_id order and the event log. */
export async function buildRuleInputs(
  engine: SqlEngine,
  facts: DatasetFacts,
  layoutOrScenario: MatrixLayout | Scenario,
  cache: RuleColumnCache = new RuleColumnCache(),
): Promise<RuleInputs> {
  const sent = await kernelInputs(engine, facts, layoutOrScenario, cache);
  // a log handed to the kernel is read again from activity_events (what the kernel keeps is not here)
  return { ...sent, events: sent.events ?? (await fetchEventLog(engine)) };
}

/**
 * The kernel's inputs as the workers are sent them: the event log only when it is new (the cache's
 * `logId` names it; after `cache.handedOver()` the workers' kept copy stands for it).
 */
export async function kernelInputs(
  engine: SqlEngine,
  facts: DatasetFacts,
  layoutOrScenario: MatrixLayout | Scenario,
  cache: RuleColumnCache,
): Promise<SentInputs> {
  const layout = 'key' in layoutOrScenario ? layoutOrScenario : layoutOf(layoutOrScenario)!;
  const asOf = JSON.stringify([layout.observationDays, layout.snapshotDate]);
  if (cache.asOf !== asOf) {
    await buildActivityEvents(engine, facts, layout.observationDays, layout.snapshotDate);
    cache.codes.clear();
    cache.events = await fetchEventLog(engine);
    cache.logId = ++lastLogId;
    cache.asOf = asOf;
  }
  const missing: MatrixLayout = {
    ...layout,
    caseRules: layout.caseRules.filter((r) => !cache.codes.has(conditionKey(r))),
    eventRules: [],
  };
  if (missing.caseRules.length > 0 || cache.codes.size === 0) {
    const q = ruleMatrixSql(missing);
    const table = await engine.query(q.sql, q.params);
    missing.caseRules.forEach((r, i) =>
      cache.codes.set(conditionKey(r), readNumericColumn(table, q.caseColumns[i], 'uint8')),
    );
    cache.n = table.numRows;
  }
  return {
    n: cache.n,
    caseCodes: layout.caseRules.map((r) => cache.codes.get(conditionKey(r))!),
    events: cache.events,
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
  /** Compact columns (dictionary codes or UTF-8 bytes): values are decoded for the rows read. */
  text: Record<LeadTextColumn, TextColumn>;
  outcome: Uint8Array;
  wonAmount: Float64Array;
  /** Days since 1970-01-01 of created_at, NO_DAY when unknown. */
  createdDay: Int32Array;
  /** Days since 1970-01-01 of the first won deal's close, NO_DAY when not won. */
  wonDay: Int32Array;
}

export async function fetchLeadTable(engine: SqlEngine, range = LEAD_TABLE_RANGE): Promise<LeadTable> {
  // read a range of leads at a time, batch by batch: only the compact columns grow
  const text = {} as Record<LeadTextColumn, TextColumnBuilder>;
  for (const c of LEAD_TEXT_COLUMNS) text[c] = new TextColumnBuilder();
  const parts = {
    wonAmount: [] as Float64Array[],
    createdDay: [] as Int32Array[],
    wonDay: [] as Int32Array[],
  };
  const add = (batch: RecordBatch) => {
    for (const c of LEAD_TEXT_COLUMNS) text[c].addVector(stringVector(batch, c));
    parts.wonAmount.push(readNumericColumn(batch, 'won_amount', 'float64'));
    parts.createdDay.push(readNumericColumn(batch, 'created_day', 'int32'));
    parts.wonDay.push(readNumericColumn(batch, 'won_day', 'int32'));
  };
  const { n } = await fetchOne(engine, 'features/lead_count', { n: { type: 'number' } });
  const pace = pacer();
  for (let first = 1; first <= n; first += range) {
    const table = await fetchTable(engine, 'features/lead_table', { params: [first, first + range - 1] });
    for (const batch of table.batches) {
      add(batch);
      await pace();
    }
  }
  const columns = {} as Record<LeadTextColumn, TextColumn>;
  for (const c of LEAD_TEXT_COLUMNS) columns[c] = text[c].finish();
  return {
    n: columns.lead_id.length,
    text: columns,
    outcome: outcomeCodes(columns.outcome),
    wonAmount: concat(parts.wonAmount, Float64Array),
    createdDay: concat(parts.createdDay, Int32Array),
    wonDay: concat(parts.wonDay, Int32Array),
  };
}

function concat<T extends Float64Array | Int32Array>(parts: T[], Ctor: new (n: number) => T): T {
  const out = new Ctor(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const outcomeOf = (o: string) => OUTCOME[o as keyof typeof OUTCOME] ?? OUTCOME.open;

/** The kernel's outcome code per lead (an unknown outcome counts as open). */
function outcomeCodes(column: TextColumn): Uint8Array {
  if (column instanceof DictionaryText) {
    const byCode = column.values.map(outcomeOf);
    return recode(column.codes, byCode, new Uint8Array(column.codes.length));
  }
  return Uint8Array.from({ length: column.length }, (_, i) => outcomeOf(column.get(i)));
}
