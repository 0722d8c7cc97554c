// How a staged accounts file would link to the leads, judged in the wizard before anything is loaded:
// the same rule as lead_accounts.sql (account id first, else company name by companyMatchKey).

import { companyMatchKey } from './accountLink';
import { csvRecords } from './csvRecords';
import type { PreparedFile } from './prepare';
import { SCAN_RECORDS } from './preview';

export interface AccountLinkPreview {
  /** 'id' when both files map an account id (names still link the rest), else 'name'. */
  by: 'id' | 'name';
  /** The headers the link compares: the leads file's, then the accounts file's. */
  leadsKey: string;
  accountsKey: string;
  /** Leads rows read. */
  rows: number;
  /** Leads rows that find an account. */
  matched: number;
  /** The most leads rows one account has. */
  maxPerAccount: number;
}

/** The given columns of each data record, trimmed ('' for an empty cell), up to maxRecords records. */
function* columnsOf(file: PreparedFile, columns: readonly number[], maxRecords: number): Generator<string[]> {
  if (file.table) {
    for (const row of file.table.rows.slice(0, maxRecords)) yield columns.map((c) => (row[c] ?? '').trim());
    return;
  }
  let header = true;
  for (const record of csvRecords(file.text, file.delimiter, maxRecords + 1)) {
    if (header) header = false;
    else yield columns.map((c) => (record[c] ?? '').trim());
  }
}

/** null when the files share no key (the wizard says so); the scan stops at SCAN_RECORDS rows each. */
export function accountLinkPreview(
  leads: PreparedFile,
  accounts: PreparedFile,
  maxRecords = SCAN_RECORDS,
): AccountLinkPreview | null {
  const ids = [leads.mapping.account_id ?? null, accounts.mapping.account_id ?? null];
  const names = [leads.mapping.company ?? null, accounts.mapping.company ?? null];
  const byId = ids[0] !== null && ids[1] !== null;
  const byName = names[0] !== null && names[1] !== null;
  if (!byId && !byName) return null;

  // each account's identity: its id, else its name key; a name key belongs to the first account with it
  const accountIds = new Set<string>();
  const accountOfName = new Map<string, string>();
  for (const [id, name] of columnsOf(accounts, [ids[1] ?? -1, names[1] ?? -1], maxRecords)) {
    if (id !== '') accountIds.add(id);
    const key = name === '' ? null : companyMatchKey(name);
    if (key !== null && !accountOfName.has(key)) accountOfName.set(key, id !== '' ? id : `\u0000${key}`);
  }

  const leadsPerAccount = new Map<string, number>();
  let rows = 0;
  let matched = 0;
  let maxPerAccount = 0;
  for (const [id, name] of columnsOf(leads, [ids[0] ?? -1, names[0] ?? -1], maxRecords)) {
    rows++;
    let account = byId && accountIds.has(id) ? id : undefined;
    if (account === undefined && byName && name !== '') {
      const key = companyMatchKey(name);
      account = key === null ? undefined : accountOfName.get(key);
    }
    if (account === undefined) continue;
    matched++;
    const n = (leadsPerAccount.get(account) ?? 0) + 1;
    leadsPerAccount.set(account, n);
    maxPerAccount = Math.max(maxPerAccount, n);
  }
  const [leadsColumn, accountsColumn] = byId ? ids : names;
  return {
    by: byId ? 'id' : 'name',
    leadsKey: leads.headers[leadsColumn!] ?? '',
    accountsKey: accounts.headers[accountsColumn!] ?? '',
    rows,
    matched,
    maxPerAccount,
  };
}
