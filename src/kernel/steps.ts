/**
 * Milliseconds per named step of one kernel job, in order (the bench prints them to show where a re-score's
 * time goes). A step named twice adds up.
 */
export class StepTimer {
  readonly ms: Record<string, number> = {};
  #mark: number;

  constructor(private readonly now: () => number) {
    this.#mark = now();
  }

  /** Ends the step `name` (it began where the last one ended). */
  lap(name: string): void {
    const at = this.now();
    this.ms[name] = (this.ms[name] ?? 0) + (at - this.#mark);
    this.#mark = at;
  }
}
