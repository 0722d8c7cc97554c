import type { CompanyList } from './companyList';

/**
 * The user's merges for counting: company name as written → the name it is counted as. Plain entries
 * (not an object) so a name such as "__proto__" is just a name; serialised as [name, canonical] pairs.
 */
export type CompanyMerges = ReadonlyMap<string, string>;

export const NO_MERGES: CompanyMerges = new Map();

/** The name a company is counted as. */
export const canonicalOf = (merges: CompanyMerges, name: string): string => merges.get(name) ?? name;

/** Counts names as canonical; a name already merged elsewhere, or counted as one of them, moves too. */
export function mergeNames(
  merges: CompanyMerges,
  names: readonly string[],
  canonical: string,
): CompanyMerges {
  const moved = new Set(names.map((n) => canonicalOf(merges, n)));
  const next = new Map(merges);
  for (const [name, target] of merges) if (moved.has(target)) next.set(name, canonical);
  for (const name of names) next.set(name, canonical);
  next.delete(canonical);
  return next;
}

/** Undoes the merge of these names (each counts as itself again). */
export function unmergeNames(merges: CompanyMerges, names: readonly string[]): CompanyMerges {
  const next = new Map(merges);
  for (const name of names) next.delete(name);
  return next;
}

/** Whether all names are counted as one. */
export const isMerged = (merges: CompanyMerges, names: readonly string[]): boolean =>
  names.length > 1 && names.every((n) => canonicalOf(merges, n) === canonicalOf(merges, names[0]));

/**
 * Distinct companies once merges are applied, from the merges alone: the names merged away leave, and
 * each name they are counted as joins unless it is already one of the names left.
 */
export function distinctCompanies(companies: CompanyList, merges: CompanyMerges): number {
  let moved = 0;
  const targets = new Set<string>();
  for (const [name, canonical] of merges) {
    if (!companies.has(name)) continue;
    moved++;
    targets.add(canonical);
  }
  let joined = 0;
  for (const name of targets) if (!companies.has(name) || merges.has(name)) joined++;
  return companies.count - moved + joined;
}

/** Leads per company once merges are applied (canonical name → leads). */
export function leadsPerCompany(companies: CompanyList, merges: CompanyMerges): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < companies.count; i++) {
    const key = canonicalOf(merges, companies.nameAt(i));
    out.set(key, (out.get(key) ?? 0) + companies.leads[i]);
  }
  return out;
}

export const mergesToJson = (merges: CompanyMerges): [string, string][] => [...merges];

/** Reads saved merges; null when the value is not a list of [name, canonical] text pairs. */
export function mergesFromJson(value: unknown): CompanyMerges | null {
  if (!Array.isArray(value)) return null;
  const pairs: [string, string][] = [];
  for (const entry of value as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 2) return null;
    const [name, canonical] = entry as unknown[];
    if (typeof name !== 'string' || typeof canonical !== 'string' || name === canonical) return null;
    pairs.push([name, canonical]);
  }
  return new Map(pairs);
}
