// Builds the canonical leads, deals, activities and accounts tables from the clean_* views with each
// column read as its plan says; folds spelling variants of the leads category columns.

import type { SqlEngine } from '../db/engine';
import { quoteIdent } from '../db/ident';
import { fetchRows, run } from '../db/sql';
import { CATEGORY_ROLES, columnKey, type ColumnKey } from './columns';
import { dateParam, decimalParam, type LoadPlan } from './columnPlan';
import type { RawPart } from './loadCsv';

/** Spellings of one category value that were made one ("Google" ← google, ＧＯＯＧＬＥ). */
export interface FoldGroup {
  /** The spelling every variant now has: the commonest. */
  value: string;
  spellings: { spelling: string; n: number }[];
}

export interface StageAndBooleanLists {
  booleanTrue: readonly string[];
  booleanFalse: readonly string[];
  stageWon: readonly string[];
  stageLost: readonly string[];
}

const joinList = (values: readonly string[]) => values.join('\u001f');

/** Folds the leads category columns' spelling variants; returns the groups it folded, per column. */
export async function foldCategories(engine: SqlEngine): Promise<Map<ColumnKey, FoldGroup[]>> {
  const rows = await fetchRows(engine, 'ingest/fold_groups', {
    role: { type: 'string' },
    value: { type: 'string' },
    spelling: { type: 'string' },
    n: { type: 'number' },
  });
  const folds = new Map<ColumnKey, FoldGroup[]>();
  for (const r of rows) {
    const key = columnKey('leads', r.role);
    const groups = folds.get(key) ?? [];
    let group = groups.find((g) => g.value === r.value);
    if (!group) groups.push((group = { value: r.value, spellings: [] }));
    group.spellings.push({ spelling: r.spelling, n: r.n });
    folds.set(key, groups);
  }
  for (const role of CATEGORY_ROLES)
    if (folds.has(columnKey('leads', role)))
      await run(engine, 'ingest/fold_values', { identifiers: { column: quoteIdent(role, [role]) } });
  return folds;
}

/** Runs `build` on each part of the activities upload in turn, with the _row span the raw table now holds. */
export type ActivityParts = (build: (part: RawPart) => Promise<void>) => Promise<void>;

/**
 * Creates leads, deals, activities and accounts (foldCategories runs after the accounts fill the leads);
 * the activities a part of the streamed upload at a time, `afterPart` running on each.
 */
export async function buildCanonicalTables(
  engine: SqlEngine,
  plan: LoadPlan,
  lists: StageAndBooleanLists,
  activityParts: ActivityParts,
  afterPart: (part: RawPart) => Promise<void> = async () => {},
): Promise<void> {
  await run(engine, 'ingest/leads', {
    params: [
      joinList(lists.booleanTrue),
      joinList(lists.booleanFalse),
      plan.today,
      dateParam(plan, 'leads', 'created_at'),
      decimalParam(plan, 'leads', 'employees'),
      decimalParam(plan, 'leads', 'annual_revenue'),
    ],
  });
  await run(engine, 'ingest/deals', {
    params: [
      joinList(lists.stageWon),
      joinList(lists.stageLost),
      plan.today,
      decimalParam(plan, 'deals', 'amount'),
      dateParam(plan, 'deals', 'created_at'),
      dateParam(plan, 'deals', 'closed_at'),
    ],
  });
  const occurred = dateParam(plan, 'activities', 'occurred_at');
  await run(engine, 'ingest/activity_rows'); // a macro over clean_activities, which exists by now
  await activityParts(async (part) => {
    await run(engine, part.index === 0 ? 'ingest/activities' : 'ingest/activities_more', {
      params: [plan.today, occurred, part.first, part.last],
    });
    await afterPart(part);
  });
  await run(engine, 'ingest/accounts', {
    params: [decimalParam(plan, 'accounts', 'employees'), decimalParam(plan, 'accounts', 'annual_revenue')],
  });
}
