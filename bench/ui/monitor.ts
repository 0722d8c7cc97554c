/** What the page records from its first script on: main-thread long tasks, frames and slider inputs. */
export interface UiMonitor {
  /** PerformanceObserver('longtask') entries: start and duration, ms on the page's clock. */
  longTasks: { start: number; duration: number }[];
  /** requestAnimationFrame callback times, one per frame the main thread produced. */
  frames: number[];
  /** Times of `input` events (slider moves) and of hook-driven weight changes. */
  inputs: number[];
}

/** Main-thread blocking between two times on the page's clock. */
export interface BlockingStats {
  /** Longest long task overlapping the window (0 when none). */
  longestTaskMs: number;
  /** Long tasks (> 50 ms, the API's own threshold) overlapping the window. */
  longTasks: number;
  /** Their summed duration. */
  longTaskTotalMs: number;
  /** Longest gap between consecutive frames in the window (to its end when the last frame is older). */
  worstFrameGapMs: number;
}

declare global {
  interface Window {
    __uiMonitor?: UiMonitor;
  }
}

/** Runs in the page before the app (page.addInitScript): self-contained, no imports. */
export function installMonitor(): void {
  const monitor: UiMonitor = { longTasks: [], frames: [], inputs: [] };
  window.__uiMonitor = monitor;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) monitor.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const frame = (t: number) => {
    monitor.frames.push(t);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  document.addEventListener('input', () => monitor.inputs.push(performance.now()), true);
}

/** Runs in the page: the blocking seen in [from, to]. Self-contained, no imports. */
export function blockingBetween([from, to]: readonly [number, number]): BlockingStats {
  const m = window.__uiMonitor!;
  const tasks = m.longTasks.filter((t) => t.start < to && t.start + t.duration > from);
  let worstFrameGapMs = 0;
  let previous = from;
  for (const f of m.frames) {
    if (f <= from) continue;
    if (f > to) {
      worstFrameGapMs = Math.max(worstFrameGapMs, f - previous);
      previous = to;
      break;
    }
    worstFrameGapMs = Math.max(worstFrameGapMs, f - previous);
    previous = f;
  }
  worstFrameGapMs = Math.max(worstFrameGapMs, to - previous);
  return {
    longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
    longTasks: tasks.length,
    longTaskTotalMs: tasks.reduce((s, t) => s + t.duration, 0),
    worstFrameGapMs,
  };
}
