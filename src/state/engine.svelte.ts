import { errorMessage } from './errorMessage';
import { createBrowserEngine } from '../db/browserEngine';
import type { SqlEngine } from '../db/engine';

/** The one DuckDB-wasm instance of the page: booted once, with progress and a clear error state. */
class EngineState {
  status = $state<'booting' | 'ready' | 'error'>('booting');
  /** Share of the wasm bundle downloaded, 0..1. */
  progress = $state(0);
  error = $state('');
  #engine: Promise<SqlEngine> | null = null;

  get(): Promise<SqlEngine> {
    this.#engine ??= createBrowserEngine((p) => {
      this.progress = p.bytesTotal > 0 ? p.bytesLoaded / p.bytesTotal : 0;
    }).then(
      (engine) => {
        this.status = 'ready';
        this.progress = 1;
        return engine;
      },
      (error: unknown) => {
        this.status = 'error';
        this.error = errorMessage(error);
        throw error;
      },
    );
    return this.#engine;
  }

  /** Closes the connection and terminates the database worker (app teardown). */
  async close(): Promise<void> {
    const pending = this.#engine;
    this.#engine = null;
    if (pending) await (await pending.catch(() => null))?.close();
  }
}

export const engine = new EngineState();
