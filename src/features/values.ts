import type { SqlEngine } from '../db/engine';
import { quoteIdent } from '../db/ident';
import { fetchRows } from '../db/sql';
import { CATEGORY_FIELDS } from '../model/scenario';

export interface ValueCount {
  value: string;
  n: number;
}
const SCHEMA = { value: { type: 'string' }, n: { type: 'number' } } as const;

/** A categorical lead column's values with counts, for picking a rule's values from the data. */
export async function fieldValues(engine: SqlEngine, field: string): Promise<ValueCount[]> {
  return fetchRows(engine, 'features/field_values', SCHEMA, {
    identifiers: { column: quoteIdent(field, CATEGORY_FIELDS) },
  });
}

export async function activityTypes(engine: SqlEngine): Promise<ValueCount[]> {
  return fetchRows(engine, 'features/activity_types', SCHEMA);
}
