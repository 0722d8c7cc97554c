import type { LeadTable } from '../../features/build';

export const LEAD_COLUMNS = [
  'lead_id',
  'company',
  'industry',
  'region',
  'lead_source',
  'owner',
  'created_at',
  'outcome',
  'score',
  'tier',
] as const;
/** A fixed column, or a dimension's subscore by dimension index (`sub:0` …). */
export type LeadColumn = (typeof LEAD_COLUMNS)[number] | `sub:${number}`;
export type TextColumn = Exclude<(typeof LEAD_COLUMNS)[number], 'score' | 'tier'>;

const SEARCHED: TextColumn[] = ['lead_id', 'company', 'industry', 'region', 'lead_source', 'owner'];

export function isTextColumn(column: LeadColumn): column is TextColumn {
  return column !== 'score' && column !== 'tier' && !column.startsWith('sub:');
}

/**
 * 1 for the leads whose id, company, industry, region, source or owner contains the text
 * (case-insensitive); null when the text is blank (every lead).
 */
export function textMask(leads: LeadTable, text: string): Uint8Array | null {
  const needle = text.trim().toLowerCase();
  if (!needle) return null;
  const mask = new Uint8Array(leads.n);
  for (const column of SEARCHED) leads.text[column].markContaining(needle, mask);
  return mask;
}

/**
 * Dense rank of each lead's value in a text column, in UTF-16 code-unit order (the order of `<` on
 * strings): equal values get equal ranks, so a sort on the rank keeps lead order among them.
 */
export function textRank(leads: LeadTable, column: TextColumn): Uint32Array {
  return leads.text[column].ranks();
}
