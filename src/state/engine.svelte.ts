import { errorMessage } from './errorMessage';
import { createBrowserEngine, type BrowserEngine } from '../db/browserEngine';
import type { SqlEngine } from '../db/engine';
import type { EngineStoppedError } from '../db/engineErrors';

/**
 * The one DuckDB-wasm instance of the page: booted on first use, with progress and a clear error state.
 * When it dies (a wasm trap) or is stopped (a cancelled load) it is dropped; the next get() boots a new one
 * and the listeners (the app's recovery) are told why.
 */
class EngineState {
  status = $state<'booting' | 'ready' | 'error'>('booting');
  /** Share of the wasm bundle downloaded, 0..1. */
  progress = $state(0);
  error = $state('');
  /** Share done of the query running now, as DuckDB reports it (0..1), or null when it cannot tell. */
  queryProgress = $state<number | null>(null);
  /** How many times the engine was replaced after dying or being stopped. */
  restarts = $state(0);
  #engine: Promise<BrowserEngine> | null = null;
  #listeners: ((stop: EngineStoppedError) => void)[] = [];

  get(): Promise<SqlEngine> {
    this.#engine ??= this.#boot();
    return this.#engine;
  }

  /** Calls `listener` each time a running engine dies or is stopped. */
  onStopped(listener: (stop: EngineStoppedError) => void): void {
    this.#listeners.push(listener);
  }

  /** Ends whatever the engine is doing (a cancelled load): its worker is terminated, its data gone. */
  async stop(reason: 'trap' | 'stopped' = 'stopped'): Promise<void> {
    (await this.#engine?.catch(() => null))?.stop(reason);
  }

  /** Closes the connection and terminates the database worker (app teardown). */
  async close(): Promise<void> {
    const pending = this.#engine;
    this.#engine = null;
    this.#listeners = [];
    if (pending) await (await pending.catch(() => null))?.close();
  }

  #boot(): Promise<BrowserEngine> {
    this.status = 'booting';
    const booting = createBrowserEngine(
      (p) => {
        this.progress = p.bytesTotal > 0 ? p.bytesLoaded / p.bytesTotal : 0;
      },
      (share) => (this.queryProgress = share),
    ).then(
      (engine) => {
        this.status = 'ready';
        this.progress = 1;
        void engine.stopped.then((stop) => {
          if (this.#engine !== booting) return;
          this.#engine = null;
          this.restarts++;
          for (const listener of this.#listeners) listener(stop);
        });
        return engine;
      },
      (error: unknown) => {
        this.status = 'error';
        this.error = errorMessage(error);
        throw error;
      },
    );
    return booting;
  }
}

export const engine = new EngineState();
