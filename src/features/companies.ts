import type { SqlEngine } from '../db/engine';
import { readNumericColumn, readStringColumn } from '../db/schema';
import { fetchTable } from '../db/sql';
import type { CompanyCount } from './identity';

/** Leads per company name as written (queries/features/company_counts.sql), read column-wise. */
export async function fetchCompanyCounts(engine: SqlEngine): Promise<CompanyCount[]> {
  const table = await fetchTable(engine, 'features/company_counts');
  const names = readStringColumn(table, 'company');
  const leads = readNumericColumn(table, 'leads', 'float64');
  return names.map((name, i) => ({ name, leads: leads[i] }));
}
