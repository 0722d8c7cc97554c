// The data-quality panel's column statistics of an upload, counted a part at a time while the load holds
// its raw rows (a streamed upload's chunks; a whole raw table's row ranges), so the raw tables can go once
// the load is done. Filled cells are exact; distinct values and the top five are exact up to DISTINCT_CAP
// distinct values, past which a column (ids, timestamps of a huge file) is no longer counted.

import type { SqlEngine } from '../db/engine';
import { fetchRows, run } from '../db/sql';
import type { ValueCount } from './quality';

/** Past this many distinct values a streamed column's values are no longer counted. */
export const DISTINCT_CAP = 1_000_000;

/** One raw column of a streamed upload as counted. */
export interface StreamedColumnStats {
  col: string;
  filled: number;
  /** Distinct filled values; null when there are more than DISTINCT_CAP. */
  distinct: number | null;
  /** The five commonest filled values; empty when the column was not counted to the end. */
  top: ValueCount[];
}

const STATS = {
  col: { type: 'string' },
  filled: { type: 'number' },
  distinct_values: { type: 'number' },
} as const;
const TOP = { col: { type: 'string' }, value: { type: 'string' }, n: { type: 'number' } } as const;
const joinList = (values: Iterable<string>) => [...values].join('\u001f');

export class QualityCounter {
  readonly #filled = new Map<string, number>();
  readonly #capped = new Set<string>();

  constructor(
    private readonly engine: SqlEngine,
    private readonly cap = DISTINCT_CAP,
  ) {}

  async start(): Promise<void> {
    await run(this.engine, 'quality/stream_counts_start');
  }

  /** Counts the raw rows first … last of `table`. */
  async add(table: string, part: { first: number; last: number }): Promise<void> {
    const engine = this.engine;
    await run(engine, 'quality/value_counts', {
      identifiers: { table },
      params: [part.first, part.last, joinList(this.#capped)],
    });
    try {
      for (const s of await fetchRows(engine, 'quality/column_stats', STATS))
        this.#filled.set(s.col, (this.#filled.get(s.col) ?? 0) + s.filled);
      await run(engine, 'quality/stream_counts_merge', { params: [joinList(this.#capped)] });
    } finally {
      await run(engine, 'quality/drop_counts');
    }
    const over = await fetchRows(
      engine,
      'quality/stream_counts_over',
      { col: { type: 'string' } },
      {
        params: [this.cap],
      },
    );
    if (over.length === 0) return;
    for (const { col } of over) this.#capped.add(col);
    await run(engine, 'quality/stream_counts_forget', { params: [joinList(this.#capped)] });
  }

  /** Every counted column's statistics; frees the counts. */
  async finish(): Promise<StreamedColumnStats[]> {
    const engine = this.engine;
    await run(engine, 'quality/stream_counts_finish');
    try {
      const stats = new Map((await fetchRows(engine, 'quality/column_stats', STATS)).map((s) => [s.col, s]));
      const top = await fetchRows(engine, 'quality/top_values', TOP);
      return [...this.#filled].map(([col, filled]) => {
        const capped = this.#capped.has(col);
        return {
          col,
          filled,
          distinct: capped ? null : (stats.get(col)?.distinct_values ?? 0),
          top: capped ? [] : top.filter((t) => t.col === col).map((t) => ({ value: t.value, n: t.n })),
        };
      });
    } finally {
      await run(engine, 'quality/drop_counts');
      await run(engine, 'quality/stream_counts_drop');
    }
  }
}

/** Rows of a whole raw table counted at a time. */
const ROWS_PER_PART = 1_000_000;

/**
 * Counts a raw table that holds a whole upload, a range of rows at a time. `rows`: its row count, when its
 * _row runs 1 … rows (a CSV upload); else (a table read in JS, numbered by its sheet rows) in one part.
 */
export async function countRawTable(
  engine: SqlEngine,
  table: string,
  rows: number | null,
): Promise<StreamedColumnStats[]> {
  const counter = new QualityCounter(engine);
  await counter.start();
  if (rows === null)
    await counter.add(table, { first: -Number.MAX_SAFE_INTEGER, last: Number.MAX_SAFE_INTEGER });
  else
    for (let first = 1; first <= rows; first += ROWS_PER_PART)
      await counter.add(table, { first, last: first + ROWS_PER_PART - 1 });
  return counter.finish();
}
