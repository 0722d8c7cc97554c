import type { LeadTable } from '../../features/build';
import type { ScoreResult } from '../../kernel/protocol';

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
type TextColumn = Exclude<(typeof LEAD_COLUMNS)[number], 'score' | 'tier'>;

export interface LeadQuery {
  /** Case-insensitive text matched against id, company, industry, region, source and owner. */
  text: string;
  /** A tier index, or null for all tiers. */
  tier: number | null;
  sort: LeadColumn;
  descending: boolean;
  /** Only leads that moved from baseline tier `from` to scenario tier `to`. */
  migration?: { from: number; to: number; baselineTier: Uint8Array } | null;
}

const SEARCHED: TextColumn[] = ['lead_id', 'company', 'industry', 'region', 'lead_source', 'owner'];

/** Row order of the Leads table: the filtered leads' indices, sorted; ties keep lead_id order. */
export function leadOrder(leads: LeadTable, result: ScoreResult, q: LeadQuery): Uint32Array {
  const needle = q.text.trim().toLowerCase();
  const picked: number[] = [];
  for (let i = 0; i < leads.n; i++) {
    if (q.tier !== null && result.tier[i] !== q.tier) continue;
    if (
      q.migration &&
      (q.migration.baselineTier[i] !== q.migration.from || result.tier[i] !== q.migration.to)
    )
      continue;
    if (needle && !SEARCHED.some((c) => leads.text[c][i].toLowerCase().includes(needle))) continue;
    picked.push(i);
  }
  const order = Uint32Array.from(picked);
  const sign = q.descending ? -1 : 1;
  if (q.sort === 'score' || q.sort === 'tier' || q.sort.startsWith('sub:')) {
    const key =
      q.sort === 'score'
        ? result.score
        : q.sort === 'tier'
          ? result.tier
          : result.subscores[Number(q.sort.slice(4))];
    order.sort((a, b) => sign * (key[a] - key[b]) || a - b);
  } else {
    const key = leads.text[q.sort as TextColumn];
    order.sort((a, b) => sign * (key[a] < key[b] ? -1 : key[a] > key[b] ? 1 : 0) || a - b);
  }
  return order;
}
