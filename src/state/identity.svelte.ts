import type { SqlEngine } from '../db/engine';
import {
  distinctCompanies,
  isMerged,
  mergeNames,
  mergesFromJson,
  mergesToJson,
  NO_MERGES,
  unmergeNames,
  type CompanyMerges,
} from '../features/companyMerges';
import { fetchCompanyCounts } from '../features/companies';
import { CompanyList } from '../features/companyList';
import { findDuplicates, type DuplicateGroup } from '../features/identity';
import type { LoadReport } from '../ingest/load';
import { engine } from './engine.svelte';
import { errorMessage } from './errorMessage';
import { localMergeStore, type MergeStore } from './mergeMemory';
import { findDuplicatesOffThread } from './duplicatesOffThread';
import type { DuplicatesReply } from './duplicatesWorker';

/**
 * Company identity resolution for the loaded leads: the names with their lead counts, the probable
 * duplicate groups, and the user's merges (name → the name it is counted as). Merges are kept across
 * loads: they are keyed by the names as written, so they apply again to a re-export of the same CRM.
 */
export class IdentityState {
  companies = $state.raw<CompanyList>(CompanyList.EMPTY);
  /** The largest groups, up to `keep` of them (all of them by default). */
  groups = $state.raw<DuplicateGroup[]>([]);
  /** Every group found, kept or not. */
  groupCount = $state(0);
  merges = $state.raw<CompanyMerges>(NO_MERGES);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state('');
  /** Distinct company names as written, and once the merges are applied. */
  distinct = $derived({
    written: this.companies.count,
    merged: distinctCompanies(this.companies, this.merges),
  });
  #report: LoadReport | null = null;
  /** The data set the merges are saved under (mergeMemory.ts), or null to keep them for this visit only. */
  #key: string | null = null;

  constructor(
    private readonly engine: () => Promise<SqlEngine>,
    private readonly store: MergeStore | null = null,
    /** How the groups are found: in this thread by default, in a worker in the app (seconds at 1M leads). */
    private readonly group: (companies: CompanyList) => Promise<DuplicatesReply> = async (c) => {
      const { groups } = findDuplicates(c.toCounts());
      return { groups, groupCount: groups.length };
    },
  ) {}

  /**
   * Fetches the companies of a report's leads and groups them (once per report; the latest wins). With a
   * key, the merges saved for that data set come back (when valid) and later merges are saved under it.
   */
  async refresh(report: LoadReport, key: string | null = null): Promise<void> {
    if (report === this.#report) return;
    this.#report = report;
    this.#key = key;
    if (key !== null && this.store) this.restore(this.store.get(key));
    this.status = 'loading';
    try {
      const companies = await fetchCompanyCounts(await this.engine());
      const { groups, groupCount } = await this.group(companies);
      if (report !== this.#report) return;
      this.companies = companies;
      this.groups = groups;
      this.groupCount = groupCount;
      this.status = 'ready';
    } catch (error) {
      if (report !== this.#report) return;
      this.error = errorMessage(error);
      this.status = 'error';
    }
  }

  isMerged(group: DuplicateGroup): boolean {
    return isMerged(
      this.merges,
      group.names.map((n) => n.name),
    );
  }

  /** Counts every name of the group as its canonical (most leads) name. */
  merge(group: DuplicateGroup): void {
    this.merges = mergeNames(
      this.merges,
      group.names.map((n) => n.name),
      group.canonical,
    );
    this.#save();
  }

  unmerge(group: DuplicateGroup): void {
    this.merges = unmergeNames(
      this.merges,
      group.names.map((n) => n.name),
    );
    this.#save();
  }

  #save(): void {
    if (this.#key !== null) this.store?.put(this.#key, this.toJSON());
  }

  /** The merges as JSON-ready [name, canonical] pairs (for a scenario or a file). */
  toJSON(): [string, string][] {
    return mergesToJson(this.merges);
  }

  /** Restores saved merges; false (and nothing changed) when the value is not valid. */
  restore(value: unknown): boolean {
    const merges = mergesFromJson(value);
    if (!merges) return false;
    this.merges = merges;
    return true;
  }
}

/** Groups the Data view can list (it shows the first 100). */
const KEPT_GROUPS = 1000;
export const identity = new IdentityState(
  () => engine.get(),
  localMergeStore(),
  (companies) => findDuplicatesOffThread(companies, KEPT_GROUPS),
);
