import type { CDPSession, Page } from '@playwright/test';

/** Every main-thread task of the page, from a Chromium trace (the long-task API sees only those > 50 ms). */
export interface TaskStats {
  /** Longest top-level task of the renderer's main thread, ms. */
  tracedLongestTaskMs: number;
  /** Tasks longer than a frame (> 17 ms). */
  tracedTasksOverFrame: number;
  /**
   * Most CPU time the main thread spent in one task (the trace's thread time): below the wall-clock
   * longest when the operating system ran other threads on the page's core meanwhile.
   */
  tracedLongestCpuMs: number;
  /** With a detailed trace: each task over a frame, its wall and CPU ms and what ran in it. */
  overFrame?: string[];
  /** With a detailed trace: the page's garbage collections on its main thread. */
  gc?: GcStats;
}

/** Collections of the page's heap that paused its main thread: how many, and their wall ms in all. */
export interface GcStats {
  major: number;
  majorMs: number;
  minor: number;
  minorMs: number;
}

/** One event of a Chromium trace (the fields the bench reads). */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an 'X' event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** The event names Playwright's CDPSession type does not list. */
interface TraceSession {
  on(event: 'Tracing.dataCollected', f: (e: { value: TraceEvent[] }) => void): void;
  off(event: 'Tracing.dataCollected', f: (e: { value: TraceEvent[] }) => void): void;
  once(event: 'Tracing.tracingComplete', f: () => void): void;
}

const FRAME_MS = 17;

/**
 * What runs the page's script: a task, or a microtask checkpoint the scheduler runs outside any task (a
 * promise chain resumed there is not inside a RunTask event, yet blocks the page all the same).
 */
const TASK_EVENTS = new Set([
  'RunTask',
  'ThreadControllerImpl::RunTask',
  'BlinkScheduler_PerformMicrotaskCheckpoint',
]);

/** Every complete ('X') event of the page's main thread, tasks and what ran inside them. */
export function mainThreadEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return [];
  return events.filter((e) => e.ph === 'X' && e.pid === main.pid && e.tid === main.tid);
}

/** Top-level tasks of the page's main thread (a task nested in another, a nested run loop, is part of it). */
export function mainThreadTasks(events: readonly TraceEvent[]): TraceEvent[] {
  const all = mainThreadEvents(events)
    .filter((e) => TASK_EVENTS.has(e.name))
    // the outer event first when two start together
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  for (const e of all) {
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  return tasks;
}

/** How a bench step is traced: not at all (false), its tasks (true), or also what runs in them ('detail'). */
export type TraceMode = boolean | 'detail';

/**
 * Runs `body` while Chromium traces the page's tasks ('toplevel' only: little overhead). `trace` false
 * (bench/ui/profile.ts, which runs a trace of its own) runs it untraced with zero stats; 'detail' traces
 * what runs inside the tasks too ('devtools.timeline': scripts, layouts, paints, GCs) and says, for each
 * task over a frame, what took its time.
 */
export async function withTaskTrace<T>(
  page: Page,
  body: () => Promise<T>,
  trace: TraceMode = true,
): Promise<{ value: T; tasks: TaskStats }> {
  if (!trace)
    return {
      value: await body(),
      tasks: { tracedLongestTaskMs: 0, tracedTasksOverFrame: 0, tracedLongestCpuMs: 0 },
    };
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const session = cdp as unknown as TraceSession;
  const events: TraceEvent[] = [];
  const collect = (e: { value: TraceEvent[] }) => events.push(...e.value);
  session.on('Tracing.dataCollected', collect);
  const categories = trace === 'detail' ? 'toplevel,devtools.timeline' : 'toplevel';
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  let value: T;
  try {
    value = await body();
  } finally {
    const done = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    session.off('Tracing.dataCollected', collect);
    await cdp.detach();
  }
  const tasks = mainThreadTasks(events);
  const stats = taskStats(tasks);
  if (trace === 'detail') {
    stats.overFrame = overFrameDetail(events, tasks);
    stats.gc = gcStats(mainThreadEvents(events));
  }
  return { value, tasks: stats };
}

/**
 * What took a task's time: the main-thread events inside it (not the task wrappers or the message-loop
 * plumbing), time summed by name, the `count` longest as "Layout 9.5 | FunctionCall 6.1 | …".
 */
export function timeInside(task: TraceEvent, inner: readonly TraceEvent[], count: number): string {
  const end = task.ts + (task.dur ?? 0);
  const kinds = new Map<string, number>();
  for (const e of inner)
    if (
      e.ts >= task.ts &&
      e.ts + (e.dur ?? 0) <= end &&
      !TASK_EVENTS.has(e.name) &&
      !/RunTask|mojo|Watcher|Epoll/.test(e.name)
    )
      kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  return [...kinds]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(' | ');
}

/** Each task over a frame: "23.1 ms (9.8 CPU): Layout 9.5 | FunctionCall 6.1 | …". */
export function overFrameDetail(events: readonly TraceEvent[], tasks: readonly TraceEvent[]): string[] {
  const inner = mainThreadEvents(events);
  return tasks
    .filter((t) => (t.dur ?? 0) / 1000 > FRAME_MS)
    .map(
      (t) =>
        `${((t.dur ?? 0) / 1000).toFixed(1)} ms (${((t.tdur ?? 0) / 1000).toFixed(1)} CPU): ${timeInside(t, inner, 5)}`,
    );
}

/** The collections among main-thread events ('devtools.timeline' names them MajorGC and MinorGC). */
export function gcStats(events: readonly TraceEvent[]): GcStats {
  const gc: GcStats = { major: 0, majorMs: 0, minor: 0, minorMs: 0 };
  for (const e of events) {
    const ms = (e.dur ?? 0) / 1000;
    if (e.name === 'MajorGC') {
      gc.major++;
      gc.majorMs += ms;
    } else if (e.name === 'MinorGC') {
      gc.minor++;
      gc.minorMs += ms;
    }
  }
  return gc;
}

function taskStats(tasks: readonly TraceEvent[]): TaskStats {
  const ms = tasks.map((t) => (t.dur ?? 0) / 1000);
  return {
    tracedLongestTaskMs: Math.max(0, ...ms),
    tracedTasksOverFrame: ms.filter((d) => d > FRAME_MS).length,
    tracedLongestCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000)),
  };
}
