/**
 * Main-thread jobs that each fit in a frame but together would not (the charts of a view redrawn for one
 * result): run right after the next frame is painted, as many as fit in BUDGET_MS, the rest after the
 * frames that follow. A job queued again before it ran runs once, with its latest version.
 */
const BUDGET_MS = 8;
const queue = new Map<object, () => void>();
let scheduled = false;
const afterPaint = typeof MessageChannel === 'undefined' ? null : new MessageChannel();

function run(): void {
  scheduled = false;
  const start = performance.now();
  for (const [owner, job] of queue) {
    queue.delete(owner);
    job();
    if (performance.now() - start > BUDGET_MS) break;
  }
  if (queue.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  if (!afterPaint || typeof requestAnimationFrame === 'undefined') {
    setTimeout(run, 0);
    return;
  }
  // a task posted from the frame's callback runs once the frame is out, so the job delays the next one
  afterPaint.port1.onmessage = run;
  requestAnimationFrame(() => afterPaint.port2.postMessage(null));
}

/** Queues (or replaces) the job of `owner`. */
export function inFreeFrame(owner: object, job: () => void): void {
  queue.set(owner, job);
  schedule();
}

export function cancelFrameJob(owner: object): void {
  queue.delete(owner);
}
