import { quoteIdent } from '../db/ident';
import type { ColumnMapping } from './mapping';
import { ROLES, type FileKind } from './roles';

export const RAW_TABLE: Record<FileKind, string> = {
  leads: 'raw_leads',
  deals: 'raw_deals',
  activities: 'raw_activities',
  accounts: 'raw_accounts',
};
export const MAPPED_VIEW: Record<FileKind, string> = {
  leads: 'mapped_leads',
  deals: 'mapped_deals',
  activities: 'mapped_activities',
  accounts: 'mapped_accounts',
};

/**
 * The view that renames a raw upload's positional columns (column00 …) to roles. Column i of the mapping is
 * DuckDB column i; the column names go through the quoting helper, checked against DESCRIBE.
 */
export function mappedViewSql(kind: FileKind, mapping: ColumnMapping, rawColumns: readonly string[]): string {
  const selected = ROLES[kind].map((role) => {
    const index = mapping[role] ?? -1;
    if (index < 0 || index >= rawColumns.length) return `CAST(NULL AS VARCHAR) AS ${role}`;
    return `${quoteIdent(rawColumns[index], rawColumns)} AS ${role}`;
  });
  return `CREATE OR REPLACE VIEW ${MAPPED_VIEW[kind]} AS SELECT _row, ${selected.join(', ')} FROM ${RAW_TABLE[kind]}`;
}

/** A mapped view with no rows, for a kind the user did not load (no deals, no activities). */
export function emptyMappedViewSql(kind: FileKind): string {
  const selected = ROLES[kind].map((role) => `CAST(NULL AS VARCHAR) AS ${role}`);
  return `CREATE OR REPLACE VIEW ${MAPPED_VIEW[kind]} AS SELECT CAST(NULL AS BIGINT) AS _row, ${selected.join(', ')} WHERE false`;
}
