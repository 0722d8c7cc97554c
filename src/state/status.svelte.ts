import { app } from './app.svelte';
import { engine } from './engine.svelte';

export type AppStatus = 'loading' | 'ready' | 'error';

/** One status for the whole page: ready only once the current data has been scored. */
export function appStatus(): AppStatus {
  if (engine.status === 'error') return 'error';
  const d = app.dataset;
  if (d.status === 'error') return 'error';
  if (engine.status === 'booting' || d.status === 'loading') return 'loading';
  return app.scoring.resultVersion === d.version ? 'ready' : 'loading';
}
