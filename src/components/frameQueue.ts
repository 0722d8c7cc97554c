/**
 * Main-thread jobs that each fit in a frame but together would not (the charts of a view redrawn for one
 * result): run right after the next frame is painted, as many as fit in BUDGET_MS, the rest after the
 * frames that follow. A job queued again before it ran runs once, with its latest version.
 */
import { chartClient } from '../charts/chartClient';
import { afterNextPaint } from '../kernel/tasks';

const BUDGET_MS = 8;
const queue = new Map<object, () => void>();
let scheduled = false;
/** Waiting for the queue to be empty (see `frameJobsDone`). */
let drained: (() => void)[] = [];
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
  else settle();
}

function settle(): void {
  const waiting = drained;
  drained = [];
  for (const resolve of waiting) resolve();
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
  if (queue.size === 0) settle();
}

/**
 * Resolves once every queued job has run (at once when none is queued), or after `maxMs` (a background tab
 * draws no frames, so its jobs wait).
 */
export function frameJobsDone(maxMs = 250): Promise<void> {
  if (queue.size === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxMs);
    drained.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** What the page's rest waits for besides its frame jobs: the charts being drawn on the chart worker. */
export interface ChartsInFlight {
  readonly pending: number;
  idle(): Promise<void>;
}

/**
 * Resolves once the page has drawn its next frame and everything that frame set going: its frame jobs, the
 * charts they sent to the chart worker and the jobs that patch them in, with the frame after the last of
 * them: the kernel lanes' rest after a result, so the page and the chart worker draw it with the machine to
 * themselves.
 */
export async function afterPageDrawn(charts: ChartsInFlight = chartClient()): Promise<void> {
  await afterNextPaint();
  if (queue.size === 0 && charts.pending === 0) return;
  // a chart's spec goes out in one job and its tree is patched in by another: a few rounds at most
  for (let round = 0; round < 3 && (queue.size > 0 || charts.pending > 0); round++) {
    await frameJobsDone();
    await charts.idle();
  }
  await afterNextPaint();
}
