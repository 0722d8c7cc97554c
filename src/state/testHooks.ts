/** What end-to-end tests may do that a user cannot: stop the engine as a wasm trap would. */
export interface ScorelabTestHooks {
  trapEngine(): Promise<void>;
}

declare global {
  interface Window {
    __scorelabTest?: ScorelabTestHooks;
  }
}

/**
 * Exposes `window.__scorelabTest`. Harmless in production: a trap only makes the app restart its engine
 * and reload the files it keeps, as it does after a real one.
 */
export function installTestHooks(engine: { stop(reason: 'trap'): Promise<void> }): void {
  if (typeof window === 'undefined') return;
  window.__scorelabTest = { trapEngine: () => engine.stop('trap') };
}
