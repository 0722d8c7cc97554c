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

function problemQuery(plan: LoadPlan, kind: FileKind): { name: string; params: string[] } {
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
  if (kind === 'accounts')
    return {
      name: 'ingest/account_problems',
      params: [decimalParam(plan, 'accounts', 'employees'), decimalParam(plan, 'accounts', 'annual_revenue')],
    };
  return { name: 'ingest/activity_problems', params: [dateParam(plan, 'activities', 'occurred_at')] };
}

/** The problems of one loaded kind, ordered by row then column. */
export async function cellProblems(engine: SqlEngine, plan: LoadPlan, kind: FileKind): Promise<RowProblem[]> {
  const { name, params } = problemQuery(plan, kind);
  return fetchRows(engine, name, PROBLEM_SCHEMA, { params });
}
