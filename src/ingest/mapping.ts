// Maps CSV headers to canonical roles and guesses which kind of file they describe.

import { REQUIRED_ROLES, ROLE_ALIASES, ROLES, type FileKind } from './roles';

const KINDS: readonly FileKind[] = ['leads', 'deals', 'activities', 'accounts'];

/** Comparable form of a header: NFKC, lowercase, without spaces, punctuation or symbols; CJK kept. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\s]/gu, '');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

// Short aliases ("id", "type", "阶段") only match a whole header; longer ones may sit inside one.
function allowsContainsMatch(normalizedAlias: string): boolean {
  return CJK.test(normalizedAlias) ? normalizedAlias.length >= 3 : normalizedAlias.length >= 6;
}

function aliasesOf(kind: FileKind, role: string): string[] {
  const normalized = (ROLE_ALIASES[kind][role] ?? []).map(normalizeHeader).filter((a) => a !== '');
  return [...new Set(normalized)];
}

/**
 * role → column position (0-based), or null when unmapped. Positions, not header texts: a file may have two
 * `industry` headers or an empty one, and each must stay choosable.
 */
export type ColumnMapping = Record<string, number | null>;

/** The header each role maps to (for display and for tests written against header names). */
export function mappedHeaders(
  headers: readonly string[],
  mapping: ColumnMapping,
): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(mapping).map(([role, index]) => [role, index === null ? null : (headers[index] ?? null)]),
  );
}

/** Each role's header by name; see autoMapColumns. */
export function autoMap<K extends FileKind>(headers: string[], kind: K): Record<string, string | null> {
  return mappedHeaders(headers, autoMapColumns(headers, kind));
}

export function autoMapColumns<K extends FileKind>(headers: string[], kind: K): ColumnMapping {
  const roles: readonly string[] = ROLES[kind];
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = Object.fromEntries(roles.map((r) => [r, null]));

  // 1. Exact matches; for each role its aliases in priority order, each against headers left to right.
  for (const role of roles) {
    for (const alias of aliasesOf(kind, role)) {
      const index = normalized.findIndex((h, i) => !used.has(i) && h === alias);
      if (index >= 0) {
        mapping[role] = index;
        used.add(index);
        break;
      }
    }
  }

  // 2. Containment ("Annual Revenue (USD)"), most specific alias first so "Company Size" goes to
  // employees ("companysize") before company ("company") can claim it.
  const candidates: { role: string; alias: string; index: number }[] = [];
  for (const role of roles) {
    if (mapping[role] !== null) continue;
    for (const alias of aliasesOf(kind, role)) {
      if (!allowsContainsMatch(alias)) continue;
      normalized.forEach((h, index) => {
        if (!used.has(index) && h.includes(alias)) candidates.push({ role, alias, index });
      });
    }
  }
  candidates.sort((a, b) => b.alias.length - a.alias.length || a.index - b.index);
  for (const { role, index } of candidates) {
    if (mapping[role] !== null || used.has(index)) continue;
    mapping[role] = index;
    used.add(index);
  }
  return mapping;
}

export function missingRequired(
  kind: FileKind,
  mapping: Readonly<Record<string, string | number | null>>,
): string[] {
  return REQUIRED_ROLES[kind].filter((role) => (mapping[role] ?? null) === null);
}

// Roles that tell the kinds apart weigh more; lead_id and created_at occur in every kind.
const ROLE_WEIGHTS: Record<FileKind, Record<string, number>> = {
  leads: { lead_id: 1, company: 3, industry: 3, created_at: 0.5 },
  deals: { deal_id: 3, lead_id: 1, stage: 2, amount: 2, closed_at: 2, created_at: 0.5 },
  activities: { activity_id: 2, lead_id: 1, activity_type: 4, occurred_at: 1 },
  // below leads for the same firmographic columns: a leads file with a company column stays leads
  accounts: { account_id: 2, company: 1, industry: 0.5 },
};
const DEFAULT_WEIGHT = 1;

/**
 * Scores each kind by its matched roles. A kind is plausible only with at least one required role;
 * ties go to leads, then deals, so a leads file carrying a stage or amount column stays leads.
 */
export function detectFileKind(headers: string[]): {
  kind: FileKind | null;
  scores: Record<FileKind, number>;
} {
  const scores = { leads: 0, deals: 0, activities: 0, accounts: 0 } satisfies Record<FileKind, number>;
  let kind: FileKind | null = null;
  for (const k of KINDS) {
    const mapping = autoMap(headers, k);
    scores[k] = Object.entries(mapping)
      .filter(([, header]) => header !== null)
      .reduce((sum, [role]) => sum + (ROLE_WEIGHTS[k][role] ?? DEFAULT_WEIGHT), 0);
    const plausible = missingRequired(k, mapping).length < REQUIRED_ROLES[k].length;
    if (plausible && (kind === null || scores[k] > scores[kind])) kind = k;
  }
  return { kind, scores };
}
