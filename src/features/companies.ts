import type { SqlEngine } from '../db/engine';
import { readNumericColumn, readStringColumnInSteps } from '../db/schema';
import { fetchTable } from '../db/sql';
import { pacer } from '../kernel/tasks';
import type { CompanyCount } from './identity';

/** Companies per step of building the list (~a few ms of object creation). */
const STEP = 32768;

/**
 * Leads per company name as written (queries/features/company_counts.sql), read column-wise and in steps:
 * hundreds of thousands of names at a million leads.
 */
export async function fetchCompanyCounts(
  engine: SqlEngine,
  pace: () => Promise<void> = pacer(),
): Promise<CompanyCount[]> {
  const table = await fetchTable(engine, 'features/company_counts');
  const names = await readStringColumnInSteps(table, 'company', pace);
  const leads = readNumericColumn(table, 'leads', 'float64');
  const companies = new Array<CompanyCount>(names.length);
  for (let i = 0; i < names.length; i++) {
    companies[i] = { name: names[i], leads: leads[i] };
    if ((i + 1) % STEP === 0) await pace();
  }
  return companies;
}
