// Links each lead to its account (by account id, else by company name compared by key), fills the lead's
// empty firmographic cells from it and says how the link went.

import type { SqlEngine } from '../db/engine';
import { fetchOne, fetchRows, run } from '../db/sql';
import type { RowProblem } from './cellProblems';
import { companyKey } from './companyName';
import { ROLES, type AccountRole } from './roles';
import { textColumnsToArrowIpc } from './textTable';

/** Lead columns an account can fill: every accounts role but its id (leads have the same columns). */
export type AccountFillRole = Exclude<AccountRole, 'account_id'>;
export const ACCOUNT_FILL_ROLES: readonly AccountFillRole[] = ROLES.accounts.filter(
  (role): role is AccountFillRole => role !== 'account_id',
);

export interface AccountLinkReport {
  /** Accounts in the canonical table (one per id, or per name when the file has no ids). */
  accounts: number;
  leads: number;
  /** Leads linked by their account id. */
  byId: number;
  /** Leads linked by company name (no id, or an id the accounts file lacks). */
  byName: number;
  accountsWithLeads: number;
  /** The most leads one account has (1 = one to one). */
  maxLeadsPerAccount: number;
  /** Empty lead cells filled from the lead's account, per column (only columns with fills). */
  filled: { role: AccountFillRole; n: number }[];
}

const COMPANY_KEYS = 'company_keys';

/** The key a company name is matched by: folded, without legal forms; null when nothing is left. */
export function companyMatchKey(name: string): string | null {
  const key = companyKey(name);
  return (key.base || key.folded) === '' ? null : key.base || key.folded;
}

async function writeCompanyKeys(engine: SqlEngine): Promise<void> {
  const names = (await fetchRows(engine, 'ingest/company_names', { name: { type: 'string' } })).map(
    (r) => r.name,
  );
  await run(engine, 'ingest/drop_staging', { identifiers: { staging: COMPANY_KEYS } });
  await engine.insertArrowIpc(
    COMPANY_KEYS,
    textColumnsToArrowIpc({ name: names, key: names.map(companyMatchKey) }),
  );
}

const COUNT_SCHEMA = {
  accounts: { type: 'number' },
  leads: { type: 'number' },
  by_id: { type: 'number' },
  by_name: { type: 'number' },
  accounts_with_leads: { type: 'number' },
  max_leads_per_account: { type: 'number' },
  fill_company: { type: 'number' },
  fill_country: { type: 'number' },
  fill_region: { type: 'number' },
  fill_industry: { type: 'number' },
  fill_employees: { type: 'number' },
  fill_annual_revenue: { type: 'number' },
} as const;

/**
 * Builds lead_accounts, fills the leads from their accounts and returns the link's counts with the leads
 * rows whose account id the accounts file does not have. Needs the canonical leads and accounts tables.
 */
export async function linkAccounts(
  engine: SqlEngine,
): Promise<{ report: AccountLinkReport; unknownIds: RowProblem[] }> {
  await writeCompanyKeys(engine);
  try {
    await run(engine, 'ingest/lead_accounts');
  } finally {
    await run(engine, 'ingest/drop_staging', { identifiers: { staging: COMPANY_KEYS } });
  }
  const c = await fetchOne(engine, 'ingest/account_link_counts', COUNT_SCHEMA);
  await run(engine, 'ingest/fill_from_accounts');
  const unknownIds = await fetchRows(engine, 'ingest/unknown_accounts', {
    row: { type: 'number' },
    role: { type: 'string' },
    raw: { type: 'string' },
    problem: { type: 'string' },
  });
  const fills: Record<AccountFillRole, number> = {
    company: c.fill_company,
    country: c.fill_country,
    region: c.fill_region,
    industry: c.fill_industry,
    employees: c.fill_employees,
    annual_revenue: c.fill_annual_revenue,
  };
  return {
    report: {
      accounts: c.accounts,
      leads: c.leads,
      byId: c.by_id,
      byName: c.by_name,
      accountsWithLeads: c.accounts_with_leads,
      maxLeadsPerAccount: c.max_leads_per_account,
      filled: ACCOUNT_FILL_ROLES.map((role) => ({ role, n: fills[role] })).filter((f) => f.n > 0),
    },
    unknownIds,
  };
}
