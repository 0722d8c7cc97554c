// Every cell or row of the loaded files the canonical tables could not take as is, or took with a
// warning: cast failures, undecided or implausible dates, ids in scientific notation, bands Excel turned
// into dates, deals that contradict themselves (queries/ingest/*_problems.sql).

import type { SqlEngine } from '../db/engine';
import { fetchRows } from '../db/sql';
import { dateParam, decimalParam, type LoadPlan } from './columnPlan';
import type { FileKind } from './roles';

/** A problem as the *_problems queries return it; load.ts adds the file name. */
export interface RowProblem {
  row: number;
  role: string;
  raw: string;
  problem: string;
}

const PROBLEM_SCHEMA = {
  row: { type: 'number' },
  role: { type: 'string' },
  raw: { type: 'string' },
  problem: { type: 'string' },
} as const;

/** The kinds whose problems one query over their whole table gives (activities stream: see below). */
export type WholeKind = Exclude<FileKind, 'activities'>;

function problemQuery(plan: LoadPlan, kind: WholeKind): { name: string; params: string[] } {
  if (kind === 'leads')
    return { name: 'ingest/lead_problems', params: [dateParam(plan, 'leads', 'created_at')] };
  if (kind === 'deals')
    return {
      name: 'ingest/deal_problems',
      params: [
        decimalParam(plan, 'deals', 'amount'),
        dateParam(plan, 'deals', 'created_at'),
        dateParam(plan, 'deals', 'closed_at'),
      ],
    };
  return {
    name: 'ingest/account_problems',
    params: [decimalParam(plan, 'accounts', 'employees'), decimalParam(plan, 'accounts', 'annual_revenue')],
  };
}

/** The problems of one loaded kind, ordered by row then column. */
export async function cellProblems(
  engine: SqlEngine,
  plan: LoadPlan,
  kind: WholeKind,
): Promise<RowProblem[]> {
  const { name, params } = problemQuery(plan, kind);
  return fetchRows(engine, name, PROBLEM_SCHEMA, { params });
}

/** The problems of the activity rows first … last, while the streamed upload's raw table holds them. */
export async function activityPartProblems(
  engine: SqlEngine,
  plan: LoadPlan,
  part: { first: number; last: number },
): Promise<RowProblem[]> {
  return fetchRows(engine, 'ingest/activity_problems', PROBLEM_SCHEMA, {
    params: [dateParam(plan, 'activities', 'occurred_at'), part.first, part.last],
  });
}

/** Events whose lead is not in the leads file, once every activity is in. */
export async function unknownActivityLeads(engine: SqlEngine): Promise<RowProblem[]> {
  return fetchRows(engine, 'ingest/activity_unknown_leads', PROBLEM_SCHEMA);
}

/** Problems ordered by row then column, as each *_problems query orders its own. */
export function byRowThenRole(a: RowProblem, b: RowProblem): number {
  return a.row - b.row || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0);
}
