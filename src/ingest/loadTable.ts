import type { SqlEngine } from '../db/engine';
import { run } from '../db/sql';
import { textTableToArrowIpc, type TextTable } from './textTable';

/**
 * Loads a table read in JS as raw upload table `table` (fixed internal name): inserted from Arrow into a
 * staging table, then copied into the CSV upload's shape (_row, column0 …, all text).
 */
export async function loadTextTable(engine: SqlEngine, table: string, data: TextTable): Promise<void> {
  const staging = `${table}_arrow`;
  await run(engine, 'ingest/drop_staging', { identifiers: { staging } });
  await engine.insertArrowIpc(staging, textTableToArrowIpc(data));
  try {
    await run(engine, 'ingest/raw_table', { identifiers: { table, staging } });
  } finally {
    await run(engine, 'ingest/drop_staging', { identifiers: { staging } });
  }
}
