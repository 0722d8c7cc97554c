import type { LeadTable } from '../features/build';
import { pageStart, type LeadKeys, type LeadOrderOptions } from '../kernel/leadOrder';
import { isTextColumn, textMask, textRank, type LeadColumn, type TextColumn } from '../views/leads/leadKeys';

/** What the query runs on: the leads, their data version, and a migration-matrix cell, if one is picked. */
export interface LeadQueryInput {
  leads: LeadTable;
  version: number;
  migration: { from: number; to: number } | null;
}

/** Rows of the table that come back with each re-score: dozens of screens of it, a few kB at most. */
export const PAGE_ROWS = 600;

/**
 * The Leads table's filter and sort. The kernel orders the rows with each re-score (main-thread work
 * per re-score: none); the text filter and text sorts need the leads' text, so their mask and rank are
 * computed here, once per filter text or sort column, and sent to the kernel before the request.
 */
export class LeadQuery {
  /** Position of the page's first row in the order (see `show`). */
  from = $state(0);
  text = $state('');
  tier = $state<number | null>(null);
  sort = $state<LeadColumn>('score');
  descending = $state(true);
  #mask: { leads: LeadTable; needle: string; mask: Uint8Array | null } | null = null;
  #rank: { leads: LeadTable; column: TextColumn; rank: Uint32Array } | null = null;

  constructor(private readonly send: (keys: LeadKeys) => void) {}

  reset(): void {
    this.from = 0;
    this.text = '';
    this.tier = null;
    this.sort = 'score';
    this.descending = true;
  }

  sortBy(column: LeadColumn): void {
    if (this.sort === column) this.descending = !this.descending;
    else {
      this.sort = column;
      this.descending = column === 'score' || column.startsWith('sub:');
    }
  }

  /**
   * The table shows rows `first` … `last - 1` of `total`: when they leave the page, the next re-score sends
   * the page centred on them (the kernel keeps the million-lead arrays; the page is what the table reads).
   */
  show(first: number, last: number, total: number): void {
    const from = pageStart(this.from, PAGE_ROWS, total);
    if (first >= from && last <= Math.min(total, from + PAGE_ROWS)) return;
    this.from = Math.max(0, Math.floor((first + last - PAGE_ROWS) / 2));
  }

  /** Names the query: an order computed for another one (or other data) is not this one's. */
  key(input: LeadQueryInput): string {
    return JSON.stringify([
      input.version,
      this.text.trim().toLowerCase(),
      this.tier,
      this.sort,
      this.descending,
      input.migration,
    ]);
  }

  /** The kernel's options for the query; new text keys go to the kernel first. */
  options(input: LeadQueryInput): LeadOrderOptions {
    const { leads } = input;
    const needle = this.text.trim().toLowerCase();
    const sort = this.sort;
    let changed = false;
    if (this.#mask?.leads !== leads || this.#mask.needle !== needle) {
      this.#mask = { leads, needle, mask: textMask(leads, needle) };
      changed = true;
    }
    if (isTextColumn(sort) && (this.#rank?.leads !== leads || this.#rank.column !== sort)) {
      this.#rank = { leads, column: sort, rank: textRank(leads, sort) };
      changed = true;
    }
    if (changed)
      this.send({
        mask: this.#mask.mask?.slice() ?? null,
        rank: this.#rank?.leads === leads ? this.#rank.rank.slice() : null,
      });
    return {
      key: this.key(input),
      tier: this.tier,
      // a plain copy: the filter may be reactive state, which cannot be posted to a worker
      migration: input.migration && { from: input.migration.from, to: input.migration.to },
      masked: this.#mask.mask !== null,
      sort: isTextColumn(sort) ? 'rank' : sort,
      descending: this.descending,
      from: this.from,
      count: PAGE_ROWS,
    };
  }
}
