import type { SqlEngine } from '../db/engine';
import { run } from '../db/sql';

/** The ingest SQL macros (queries/ingest/*.sql), each after the ones it calls. */
export const INGEST_MACROS = [
  'halfwidth',
  'day_month_iso',
  'crm_strptime',
  'parse_date',
  'parse_timestamp',
  'placeholder_date',
  'usable_date',
  'date_problem',
  'number_text',
  'number_digits',
  'number_scale',
  'parse_number',
  'amount_currency',
  'parse_bool',
  'fold_key',
  'scientific_id',
  'excel_date_band',
  'unmark',
] as const;

export async function createIngestMacros(engine: SqlEngine): Promise<void> {
  for (const m of INGEST_MACROS) await run(engine, `ingest/${m}`);
}
