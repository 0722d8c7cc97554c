import type { SqlEngine } from '../db/engine';
import type { LoadReport } from '../ingest/load';
import type { PreparedFile } from '../ingest/prepare';
import { loadQuality, type ColumnQuality } from '../ingest/quality';
import { engine } from './engine.svelte';
import { errorMessage } from './errorMessage';

/** The data-quality panel's statistics for the loaded report (latest report wins). */
export class QualityState {
  columns = $state.raw<ColumnQuality[]>([]);
  status = $state<'idle' | 'loading' | 'ready' | 'error'>('idle');
  error = $state('');
  /** How long the last computation took, in ms (shown so slow files are visible). */
  ms = $state(0);
  #report: LoadReport | null = null;
  #queue: Promise<void> = Promise.resolve();

  constructor(private readonly engine: () => Promise<SqlEngine>) {}

  /** Computes the statistics of a report's files once; a newer report makes older results stale. */
  refresh(report: LoadReport, files: readonly PreparedFile[]): Promise<void> {
    if (report === this.#report) return this.#queue;
    this.#report = report;
    this.status = 'loading';
    const sources = files.map((f) => ({
      name: f.source.name,
      kind: f.kind,
      headers: f.headers,
      mapping: f.mapping,
    }));
    // one computation at a time: they share the engine's temp table
    this.#queue = this.#queue.then(async () => {
      if (report !== this.#report) return;
      const started = performance.now();
      try {
        const columns = await loadQuality(await this.engine(), sources, report);
        if (report !== this.#report) return;
        this.columns = columns;
        this.ms = performance.now() - started;
        this.status = 'ready';
      } catch (error) {
        if (report !== this.#report) return;
        this.error = errorMessage(error);
        this.status = 'error';
      }
    });
    return this.#queue;
  }
}

export const quality = new QualityState(() => engine.get());
