/** `scheduler.yield()` where the browser has it (Chromium): a new task that runs before other queued work. */
interface YieldingScheduler {
  yield(): Promise<void>;
}

/**
 * Resolves in a task of its own: `scheduler.yield()` where there is one, else a message to itself (timers
 * are throttled in background tabs).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves once the page has drawn its next frame: a task queued from the frame's callback runs after the
 * frame is out. In a background tab, where frames stop, after `maxMs` instead.
 */
export function afterNextPaint(maxMs = 100): Promise<void> {
  if (typeof requestAnimationFrame === 'undefined') return nextTask();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/**
 * For a long loop on the UI thread: `await pace()` between steps yields to the page once `sliceMs` have
 * passed since the last yield, so no task runs much longer than a frame and few yields are paid.
 */
export function pacer(sliceMs = 12, pause: () => Promise<void> = nextTask): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await pause();
    since = performance.now();
  };
}

type Column = Uint8Array | Int32Array | Float64Array;

/** Elements per step of copyInSteps: 1 MB of doubles. */
const COPY_SLICE = 1 << 17;

/**
 * A copy of a per-lead array made a slice per step: a fresh array pays a page fault on the first touch of
 * each page, ~20 ms for 8 MB in one task on these machines, so the copy is written (and faulted in) in
 * parts with `pause` between them.
 */
export async function copyInSteps<A extends Column>(a: A, pause: () => Promise<void>): Promise<A> {
  const copy = new (a.constructor as new (length: number) => A)(a.length);
  for (let from = 0; from < a.length; from += COPY_SLICE) {
    (copy as Column).set(a.subarray(from, from + COPY_SLICE) as never, from);
    await pause();
  }
  return copy;
}
