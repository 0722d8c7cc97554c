/** What end-to-end tests and the bench may do or see that a user cannot. */
export interface ScorelabTestHooks {
  /** Stops the engine as a wasm trap would. */
  trapEngine(): Promise<void>;
  /** Kernel requests not yet answered: 0 once the last edit's numbers are in. */
  scoringPending(): number;
  /** Whether the result on screen carries the calibrated probabilities (a re-score that asked for them). */
  calibrated(): boolean;
  /** Sets a dimension's weight as its slider does (for views without a slider, e.g. Leads). */
  setWeight(dimension: number, weight: number): void;
  weight(dimension: number): number;
}

declare global {
  interface Window {
    __scorelabTest?: ScorelabTestHooks;
  }
}

/**
 * Exposes `window.__scorelabTest`. Harmless in production: a trap only makes the app restart its engine
 * and reload the files it keeps, as it does after a real one; the others do what the UI does.
 */
export function installTestHooks(hooks: ScorelabTestHooks): void {
  if (typeof window === 'undefined') return;
  window.__scorelabTest = hooks;
}
