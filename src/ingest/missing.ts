// Missing-value markers per column (BAD-INPUTS 13): cells read as "no value", neither a value nor a
// failure, and counted per column in the load report.

import {
  BOOLEAN_ROLES,
  columnKey,
  COUNT_ROLES,
  DATE_ROLES,
  ID_ROLES,
  NUMBER_ROLES,
  type ColumnKey,
} from './columns';
import type { FileKind } from './roles';

const COMMON = ['', 'null', 'n/a', '#n/a', '-', '--', 'unknown', '未知'];
/** Salesforce's empty reference id, in its 18- and 15-character forms. */
const PLACEHOLDER_IDS = ['000000000000000aaa', '000000000000000'];

/**
 * The default markers of one column, lower-cased (cells are compared lower-cased and trimmed):
 * - every column: empty, null, N/A, #N/A, -, --, unknown, 未知;
 * - 'NA' everywhere except region and country, where it is North America or Namibia;
 * - picklist placeholders Select and --None-- in text columns;
 * - 无 ("none") except in yes/no columns, where it means no;
 * - placeholder ids (000000000000000AAA) in id and owner columns;
 * - -1 in count columns (employees); 0000-00-00 in date columns.
 * A lost deal's amount of 0 is also "not recorded" (deals.sql), counted with these.
 */
export function defaultMarkers(kind: FileKind, role: string): string[] {
  const markers = [...COMMON];
  if (role !== 'region' && role !== 'country') markers.push('na');
  if (!BOOLEAN_ROLES.includes(role)) markers.push('无');
  const isId = ID_ROLES[kind].includes(role);
  const isNumber = NUMBER_ROLES[kind].includes(role);
  const isDate = DATE_ROLES[kind].includes(role);
  if (!isId && !isNumber && !isDate) markers.push('select', '--none--');
  if (isId || role === 'owner') markers.push(...PLACEHOLDER_IDS);
  if (isNumber && COUNT_ROLES.includes(role)) markers.push('-1');
  if (isDate) markers.push('0000-00-00');
  return markers;
}

/** The markers used for one column: the caller's list (an empty cell is always missing), else the defaults. */
export function markersFor(
  kind: FileKind,
  role: string,
  overrides: Partial<Record<ColumnKey, readonly string[]>> = {},
): string[] {
  const given = overrides[columnKey(kind, role)];
  if (!given) return defaultMarkers(kind, role);
  return [...new Set(['', ...given.map((m) => m.trim().toLowerCase())])];
}

/** How many cells of a column were one marker; rule 'lost-deal-zero' is the 0 amount of a lost deal. */
export interface MissingCount {
  marker: string;
  n: number;
  rule?: 'lost-deal-zero';
}
