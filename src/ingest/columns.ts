// Names a mapped column across files: roles repeat between kinds (leads.created_at, deals.created_at).

import type { FileKind } from './roles';

/** '<kind>.<role>', e.g. 'deals.amount': the key of every per-column option and report. */
export type ColumnKey = `${FileKind}.${string}`;

export const columnKey = (kind: FileKind, role: string): ColumnKey => `${kind}.${role}`;

export const DATE_ROLES: Record<FileKind, readonly string[]> = {
  leads: ['created_at'],
  deals: ['created_at', 'closed_at'],
  activities: ['occurred_at'],
  accounts: [],
};
export const NUMBER_ROLES: Record<FileKind, readonly string[]> = {
  leads: ['employees', 'annual_revenue'],
  deals: ['amount'],
  activities: [],
  accounts: ['employees', 'annual_revenue'],
};
export const ID_ROLES: Record<FileKind, readonly string[]> = {
  leads: ['lead_id', 'account_id'],
  deals: ['deal_id', 'lead_id'],
  activities: ['activity_id', 'lead_id'],
  accounts: ['account_id'],
};
export const BOOLEAN_ROLES: readonly string[] = [
  'is_decision_maker',
  'budget_confirmed',
  'competitor_present',
];
/** Leads category columns whose spelling variants are folded into one value for segments. */
export const CATEGORY_ROLES: readonly string[] = [
  'country',
  'region',
  'industry',
  'lead_source',
  'owner',
  'job_title',
  'purchase_timeframe',
  'decision_stage',
];
/** Counts, where -1 is a CRM's "not recorded". */
export const COUNT_ROLES: readonly string[] = ['employees'];
