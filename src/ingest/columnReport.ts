// What the import wizard shows per mapped column after a load: how it was read and what was missing.

import type { SqlEngine } from '../db/engine';
import { fetchOne, fetchRows } from '../db/sql';
import type { FoldGroup } from './canonical';
import type { ColumnKey } from './columns';
import { decimalParam, type DatePlan, type LoadPlan, type NumberPlan } from './columnPlan';
import { MAPPED_VIEW } from './mappedView';
import type { MissingCount } from './missing';
import type { FileKind } from './roles';

export interface ColumnReport {
  key: ColumnKey;
  kind: FileKind;
  role: string;
  /** The markers read as missing for this column (lower-cased; '' is the empty cell). */
  markers: string[];
  /** Cells per marker found, commonest first (the marker as spelled in the data). */
  missing: MissingCount[];
  /** Date columns: the detected day/month order (or 'ambiguous' with candidates) and the one used. */
  date?: DatePlan;
  /**
   * Number columns: the detected decimal separator with the suffixes and currencies seen, and the
   * separator used. For deals.amount, currencies lists the canonical deals' currencies (the currency
   * column, else the amount's symbol) and mixedCurrencies says whether there are several.
   */
  number?: NumberPlan & { currencies: string[]; mixedCurrencies: boolean };
  /** Leads category columns: spelling variants folded into one value. */
  folded: FoldGroup[];
}

/** Cells per missing marker of each column of a kind's mapped view, by column key. */
export async function markerCounts(engine: SqlEngine, kind: FileKind): Promise<Map<string, MissingCount[]>> {
  const rows = await fetchRows(
    engine,
    'ingest/marker_counts',
    { column_key: { type: 'string' }, marker: { type: 'string' }, n: { type: 'number' } },
    { identifiers: { view: MAPPED_VIEW[kind] }, params: [kind] },
  );
  const counts = new Map<string, MissingCount[]>();
  for (const r of rows)
    counts.set(r.column_key, [...(counts.get(r.column_key) ?? []), { marker: r.marker, n: r.n }]);
  return counts;
}

async function dealCurrencies(engine: SqlEngine): Promise<string[]> {
  const rows = await fetchRows(engine, 'ingest/deal_currencies', {
    currency: { type: 'string', nullable: true },
    n: { type: 'number' },
  });
  return rows.flatMap((r) => (r.currency === null ? [] : [r.currency]));
}

/** `streamed`: the marker counts of streamed kinds, whose mapped views no longer hold their rows. */
export async function columnReports(
  engine: SqlEngine,
  plan: LoadPlan,
  folds: Map<ColumnKey, FoldGroup[]>,
  streamed: Partial<Record<FileKind, ReadonlyMap<string, MissingCount[]>>> = {},
): Promise<ColumnReport[]> {
  const reports: ColumnReport[] = [];
  const counts = new Map<string, MissingCount[]>();
  for (const kind of new Set(plan.columns.map((c) => c.kind)))
    for (const [key, list] of streamed[kind] ?? (await markerCounts(engine, kind)))
      counts.set(key, [...list]);
  for (const c of plan.columns) {
    const missing = counts.get(c.key) ?? [];
    const report: ColumnReport = {
      key: c.key,
      kind: c.kind,
      role: c.role,
      markers: c.markers,
      missing,
      folded: folds.get(c.key) ?? [],
    };
    if (c.date) report.date = c.date;
    if (c.number) {
      const currencies =
        c.key === 'deals.amount' ? await dealCurrencies(engine) : c.number.detected.profile.currencies;
      report.number = { ...c.number, currencies, mixedCurrencies: currencies.length > 1 };
    }
    if (c.key === 'deals.amount') {
      const { n } = await fetchOne(
        engine,
        'ingest/lost_zero_amounts',
        { n: { type: 'number' } },
        {
          params: [decimalParam(plan, 'deals', 'amount')],
        },
      );
      if (n > 0) missing.push({ marker: '0', n, rule: 'lost-deal-zero' });
    }
    reports.push(report);
  }
  return reports;
}
