import type { EngineStoppedError } from '../db/engineErrors';
import { headroom, memoryFacts, type Headroom, type MemoryFacts } from '../db/headroom';
import { loadPathOf } from '../ingest/bigFile';
import type { PreparedFile, SourceFile } from '../ingest/prepare';
import type { DatasetState } from './dataset.svelte';
import { EngineRecovery, type RecoveryOutcome } from './engineRecovery';
import { i18n } from './i18n.svelte';

export interface MemoryWarning {
  headroom: Headroom;
  files: { name: string; size: number }[];
}

type Notify = (notice: { kind: 'info' | 'error'; text: string; details: string[] }) => void;

/**
 * The scale-and-failure side of loading: the memory check before a load (the user may go on anyway),
 * cancelling a running load (its engine is stopped; the previous data is put back), and the automatic
 * reload of the kept files after the engine died.
 */
export class LoadControl {
  /** A warning waiting for the user's choice; the load waits with it. */
  memoryWarning = $state.raw<MemoryWarning | null>(null);
  /** Size of the files the running load reads (0 when unknown), for the progress line. */
  bytes = $state(0);
  #answer: ((go: boolean) => void) | null = null;
  readonly #recovery: EngineRecovery;

  constructor(
    private readonly dataset: DatasetState,
    private readonly stopEngine: () => Promise<void>,
    private readonly notify: Notify,
    private readonly facts: () => MemoryFacts = memoryFacts,
  ) {
    this.#recovery = new EngineRecovery({
      loading: () => dataset.status === 'loading',
      hasFiles: () => dataset.files.length > 0,
      reload: () => dataset.reload(),
      ready: () => dataset.status === 'ready',
    });
  }

  /** Resolves true when the uploads fit or the user chose to go on, false when they chose not to. */
  confirmMemory(sources: readonly SourceFile[]): Promise<boolean> {
    const files = sources.map((s) => ({ name: s.name, size: s.file?.size ?? s.bytes.length }));
    const check = headroom(
      sources.map((s, i) => ({ ...files[i], path: loadPathOf(s) })),
      this.facts(),
    );
    if (!check.warn) return Promise.resolve(true);
    this.#answer?.(false);
    this.memoryWarning = { headroom: check, files };
    return new Promise((resolve) => (this.#answer = resolve));
  }

  answer(go: boolean): void {
    this.memoryWarning = null;
    this.#answer?.(go);
    this.#answer = null;
  }

  /** Notes what a load is about to read, for the progress line. */
  starting(files: readonly PreparedFile[]): void {
    this.bytes = files.reduce((sum, f) => sum + (f.source.file?.size ?? f.source.bytes.length), 0);
  }

  /** Stops the running load; the dataset puts the previous data back. */
  async cancel(): Promise<void> {
    if (this.dataset.status === 'loading') await this.stopEngine();
  }

  /** After the engine stopped: reload the kept files when it died, and say what happened. */
  async afterStop(stop: EngineStoppedError): Promise<RecoveryOutcome> {
    const outcome = await this.#recovery.afterStop(stop);
    if (outcome === 'reloaded') this.notify({ kind: 'info', text: i18n.t('scale.restarted'), details: [] });
    if (outcome === 'failed' || outcome === 'given-up')
      this.notify({ kind: 'error', text: i18n.t(`scale.restart-${outcome}`), details: [] });
    return outcome;
  }
}
