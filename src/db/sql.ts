import type { RecordBatch, Table } from 'apache-arrow';
import type { SqlEngine, SqlParam } from './engine';
import { readOne, readRows, type ResultSchema, type RowOf } from './schema';

const FILES = import.meta.glob('../../queries/**/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** The text of queries/<name>.sql, e.g. sqlText('features/lead_features'). */
export function sqlText(name: string): string {
  const text = FILES[`../../queries/${name}.sql`];
  if (text === undefined) throw new Error(`no query file queries/${name}.sql`);
  return text;
}

/**
 * Fills {{placeholders}} that stand for identifiers. Values must already be quoted by quoteIdent
 * (or be fixed internal names); values never go here, they are bound as parameters.
 */
export function withIdentifiers(sql: string, identifiers: Record<string, string>): string {
  return sql.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = identifiers[key];
    if (value === undefined) throw new Error(`no identifier for {{${key}}}`);
    return value;
  });
}

export interface QueryOptions {
  params?: readonly SqlParam[];
  identifiers?: Record<string, string>;
}

function prepare(name: string, options: QueryOptions): string {
  const text = sqlText(name);
  return options.identifiers ? withIdentifiers(text, options.identifiers) : text;
}

/** Runs queries/<name>.sql for its effect (CREATE …). */
export async function run(engine: SqlEngine, name: string, options: QueryOptions = {}): Promise<void> {
  await engine.query(prepare(name, options), options.params);
}

/** Runs queries/<name>.sql and returns its raw Arrow result (for typed-array export). */
export async function fetchTable(
  engine: SqlEngine,
  name: string,
  options: QueryOptions = {},
): Promise<Table> {
  return engine.query(prepare(name, options), options.params);
}

/** Runs queries/<name>.sql (no parameters) and reads its result as DuckDB streams it; for million-row reads. */
export async function fetchTableStreamed(
  engine: SqlEngine,
  name: string,
  options: Omit<QueryOptions, 'params'> = {},
): Promise<Table> {
  return engine.queryStreamed(prepare(name, options));
}

/** Runs queries/<name>.sql (no parameters) and hands its result to `onBatch` a record batch at a time. */
export async function forEachBatch(
  engine: SqlEngine,
  name: string,
  onBatch: (batch: RecordBatch) => void,
  options: Omit<QueryOptions, 'params'> = {},
): Promise<void> {
  await engine.queryBatches(prepare(name, options), onBatch);
}

/** Runs queries/<name>.sql and returns rows checked against the schema. */
export async function fetchRows<S extends ResultSchema>(
  engine: SqlEngine,
  name: string,
  schema: S,
  options: QueryOptions = {},
): Promise<RowOf<S>[]> {
  return readRows(await fetchTable(engine, name, options), schema);
}

export async function fetchOne<S extends ResultSchema>(
  engine: SqlEngine,
  name: string,
  schema: S,
  options: QueryOptions = {},
): Promise<RowOf<S>> {
  return readOne(await fetchTable(engine, name, options), schema);
}
