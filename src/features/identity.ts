import { companyKey, hasCjk, legalFormPlaces, type CompanyKey } from '../ingest/companyName';
import { pairsOneSwapApart } from './swappedLetters';

/** One company name as written in the leads, with how many leads carry it. */
export interface CompanyCount {
  name: string;
  leads: number;
}

/** Why names were grouped, strongest first. */
export const DUPLICATE_REASONS = ['folding', 'legal-form', 'branch', 'swapped-letters'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Probable spellings of one company: two or more names as written. */
export interface DuplicateGroup {
  /** The name with the most leads: what a merge counts the group as. */
  canonical: string;
  /** Most leads first. */
  names: CompanyCount[];
  leads: number;
  reasons: DuplicateReason[];
}

export interface DuplicateReport {
  groups: DuplicateGroup[];
  /** Distinct names as written. */
  companies: number;
}

/** Names shorter than this (without legal form) are too short to call a swap a typo. */
export const SWAP_MIN_LENGTH = 5;

class UnionFind {
  readonly parent: Int32Array;
  readonly reasons: Uint8Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.reasons = new Uint8Array(n);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[i] !== root) [i, this.parent[i]] = [this.parent[i], root];
    return root;
  }
  /** Joins the groups of a and b for a reason; no-op (and no reason) when they are already one. */
  union(a: number, b: number, reason: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    this.parent[rb] = ra;
    this.reasons[ra] |= this.reasons[rb] | (1 << reason);
  }
}

/** Joins the names whose key is the same (one pass with a map: the blocking step). */
function joinBy(keys: readonly string[], uf: UnionFind, reason: number): void {
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else uf.union(j, i, reason);
  });
}

const REASON = { folding: 0, 'legal-form': 1, branch: 2, 'swapped-letters': 3 } as const;

/**
 * Names whose cores agree once branch markers and places are gone: all of them when they name at most one
 * place (Acme GmbH, ACME Germany, Acme德国分公司), otherwise only those naming the same place (美国华信科技
 * and 巴西华信科技 stay apart, and so does a bare 华信科技 that could be either).
 */
function joinByCore(keys: readonly CompanyKey[], uf: UnionFind): void {
  const byCore = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = byCore.get(k.core);
    if (list) list.push(i);
    else byCore.set(k.core, [i]);
  });
  for (const list of byCore.values()) {
    if (list.length < 2) continue;
    const places = new Set(list.map((i) => keys[i].place).filter((p) => p !== null));
    if (places.size <= 1) {
      for (const i of list) uf.union(list[0], i, REASON.branch);
      continue;
    }
    const firstAt = new Map<string, number>();
    for (const i of list) {
      const place = keys[i].place;
      if (place === null) continue;
      const j = firstAt.get(place);
      if (j === undefined) firstAt.set(place, i);
      else uf.union(j, i, REASON.branch);
    }
  }
}

/**
 * ACME Germany (only a name and a place, and no other name with that core) belongs to the one company
 * whose name starts with that word (Acme Logistics GmbH). When several do, the one whose legal form fits
 * the place is taken (GmbH for Germany); when that still leaves several or none, it is left alone.
 */
function joinBareNames(keys: readonly CompanyKey[], uf: UnionFind): void {
  const byFirstWord = new Map<string, Set<string>>();
  const namesByCore = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const same = namesByCore.get(k.core);
    if (same) same.push(i);
    else namesByCore.set(k.core, [i]);
    const space = k.core.indexOf(' ');
    if (space < 0) return;
    const word = k.core.slice(0, space);
    byFirstWord.set(word, (byFirstWord.get(word) ?? new Set<string>()).add(k.core));
  });
  const fits = (core: string, place: string) =>
    namesByCore.get(core)!.some((i) => legalFormPlaces(keys[i])?.has(place) ?? false);
  keys.forEach((k, i) => {
    const { core, place } = k;
    if (place === null || core.includes(' ') || hasCjk(core) || namesByCore.get(core)!.length > 1) return;
    let cores = [...(byFirstWord.get(core) ?? [])];
    if (cores.length > 1) cores = cores.filter((c) => fits(c, place));
    if (cores.length === 1) uf.union(namesByCore.get(cores[0])![0], i, REASON.branch);
  });
}

/** Legal-form-free names two neighbouring letters apart (Amce Logistics / Acme Logistics GmbH). */
function joinSwaps(keys: readonly CompanyKey[], uf: UnionFind): void {
  const owner = new Map<string, number>();
  keys.forEach((k, i) => {
    if (k.base.length >= SWAP_MIN_LENGTH && !hasCjk(k.base) && !/\d/.test(k.base) && !owner.has(k.base))
      owner.set(k.base, i);
  });
  const bases = [...owner.keys()];
  for (const [a, b] of pairsOneSwapApart(bases))
    uf.union(owner.get(bases[a])!, owner.get(bases[b])!, REASON['swapped-letters']);
}

const byLeads = (a: CompanyCount, b: CompanyCount) =>
  b.leads - a.leads || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Groups names that probably spell one company, each with the rules that joined it. Rules run strongest
 * first, each blocked by its own key (a map lookup per name), so the work grows with the number of names,
 * never with its square: same after folding, same without the legal form, same without a branch marker
 * or place, a bare name + place, and two neighbouring letters swapped.
 */
export function findDuplicates(companies: readonly CompanyCount[]): DuplicateReport {
  const merged = new Map<string, number>();
  for (const c of companies) merged.set(c.name, (merged.get(c.name) ?? 0) + c.leads);
  const names = [...merged].map(([name, leads]) => ({ name, leads }));
  const keys = names.map((c) => companyKey(c.name));
  const uf = new UnionFind(names.length);
  joinBy(
    keys.map((k) => k.folded),
    uf,
    REASON.folding,
  );
  joinBy(
    keys.map((k) => k.base),
    uf,
    REASON['legal-form'],
  );
  joinByCore(keys, uf);
  joinBareNames(keys, uf);
  joinSwaps(keys, uf);

  const members = new Map<number, CompanyCount[]>();
  names.forEach((c, i) => {
    const root = uf.find(i);
    const list = members.get(root);
    if (list) list.push(c);
    else members.set(root, [c]);
  });
  const groups: DuplicateGroup[] = [];
  for (const [root, list] of members) {
    if (list.length < 2) continue;
    list.sort(byLeads);
    groups.push({
      canonical: list[0].name,
      names: list,
      leads: list.reduce((n, c) => n + c.leads, 0),
      reasons: DUPLICATE_REASONS.filter((r) => uf.reasons[root] & (1 << REASON[r])),
    });
  }
  groups.sort((a, b) => b.leads - a.leads || byLeads(a.names[0], b.names[0]));
  return { groups, companies: names.length };
}
