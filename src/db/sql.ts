import type { RecordBatch, Schema, Table } from 'apache-arrow';
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

/**
 * Runs queries/<name>.sql (params $1 … $2: a range of positions) for 1 … total, `range` at a time, and
 * returns the results as one table: DuckDB holds one range's result at a time.
 */
export async function fetchTableInRanges(
  engine: SqlEngine,
  name: string,
  total: number,
  range: number,
): Promise<Table> {
  const parts: Table[] = [];
  for (let first = 1; first === 1 || first <= total; first += range)
    parts.push(await fetchTable(engine, name, { params: [first, first + range - 1] }));
  // built with the results' own Arrow classes: the Node engine's differ from the ES module's
  const TableOf = parts[0].constructor as new (schema: Schema, batches: RecordBatch[]) => Table;
  return new TableOf(
    parts[0].schema,
    parts.flatMap((p) => p.batches),
  );
}
