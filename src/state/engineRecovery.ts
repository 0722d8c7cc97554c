import type { EngineStoppedError } from '../db/engineErrors';

/** What the recovery acts on: the dataset, which keeps its files. */
export interface RecoveryTarget {
  /** A load is running: its own failure path puts the previous data back, so recovery stays out. */
  loading(): boolean;
  /** Whether there are kept files to reload. */
  hasFiles(): boolean;
  /** Loads the kept files into a new engine, keeping the scenario. */
  reload(): Promise<void>;
  /** Whether the data is there again after the reload. */
  ready(): boolean;
}

/**
 * - 'reloaded': the engine was replaced and the kept files loaded again.
 * - 'skipped': a cancel, or a load was running (it restores the data itself), or nothing was loaded.
 * - 'failed': the reload did not bring the data back.
 * - 'given-up': the engine stopped too often in a short time; reloading again would loop.
 */
export type RecoveryOutcome = 'reloaded' | 'skipped' | 'failed' | 'given-up';

/** Reloads the kept files after the engine died, at most `limit` times within `windowMs`. */
export class EngineRecovery {
  #recent: number[] = [];

  constructor(
    private readonly target: RecoveryTarget,
    private readonly limit = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async afterStop(stop: EngineStoppedError): Promise<RecoveryOutcome> {
    if (stop.reason === 'stopped' || this.target.loading() || !this.target.hasFiles()) return 'skipped';
    const t = this.now();
    this.#recent = this.#recent.filter((at) => t - at < this.windowMs);
    if (this.#recent.length >= this.limit) return 'given-up';
    this.#recent.push(t);
    await this.target.reload();
    return this.target.ready() ? 'reloaded' : 'failed';
  }
}
