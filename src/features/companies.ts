import type { SqlEngine } from '../db/engine';
import { readNumericColumn, readStringColumnInSteps } from '../db/schema';
import { fetchTable } from '../db/sql';
import { pacer } from '../kernel/tasks';
import { packNamesInSteps } from './packedNames';
import { CompanyList } from './companyList';

/**
 * Leads per company name as written (queries/features/company_counts.sql), read column-wise and in steps:
 * hundreds of thousands of names at a million leads.
 */
export async function fetchCompanyCounts(
  engine: SqlEngine,
  pace: () => Promise<void> = pacer(),
): Promise<CompanyList> {
  const table = await fetchTable(engine, 'features/company_counts');
  const names = await readStringColumnInSteps(table, 'company', pace);
  const leads = readNumericColumn(table, 'leads', 'float64');
  const packed = await packNamesInSteps(names.length, (i) => names[i], pace);
  return new CompanyList(packed.names, packed.nameLengths, leads);
}
