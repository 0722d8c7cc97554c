/** `scheduler.yield()` where the browser has it (Chromium): a new task that runs before other queued work. */
interface YieldingScheduler {
  yield(): Promise<void>;
}

function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Cuts a long main-thread loop into tasks of about `budgetMs`: call `pause()` between steps; it returns at
 * once while the slice has time left, else after the page had its turn (input, a frame).
 */
export class Pacer {
  #since = performance.now();
  constructor(private readonly budgetMs = 10) {}

  async pause(): Promise<void> {
    if (performance.now() - this.#since < this.budgetMs) return;
    await nextTask();
    this.#since = performance.now();
  }
}
