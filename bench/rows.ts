// One bench-results.json row and the statistics every phase prints (bench/run.ts, bench/ui/uiRows.ts).

export interface BenchRow {
  name: string;
  leads: number;
  median_ms: number;
  min_ms: number;
  max_ms: number;
  runs: number;
  peak_mb?: number;
  /** Beyond the brief's schema: peak resident anonymous memory of all Chromium processes, MB (DuckDB's wasm heap lives in a worker, outside peak_mb). */
  peak_rss_mb?: number;
  /** load.csv only: the highest peak_rss_mb of each stage of the load (prepareFile, loadFiles, …), MB. */
  stage_peak_rss_mb?: Record<string, number>;
  /** ui.* rows: main-thread blocking in the app (bench/ui). */
  longest_task_ms?: number;
  long_tasks?: number;
  long_task_total_ms?: number;
  worst_frame_gap_ms?: number;
  /** ui.load / ui.drag.*: the longest main-thread task and the tasks over a frame (> 17 ms), from a trace. */
  traced_longest_task_ms?: number;
  traced_tasks_over_frame?: number;
  /** The most CPU time the main thread spent in one of those tasks (the rest: other threads on its core). */
  traced_longest_cpu_ms?: number;
  /** ui.drag.*: tasks over a frame in all the drags together, and in how many drags there was one. */
  traced_tasks_over_frame_total?: number;
  drags_over_frame?: number;
  /** ui.drag.*: tasks over a frame in the first drag, right after the view opened (the others are warm). */
  first_drag_tasks_over_frame?: number;
  /** --ui-detail: each task over a frame, drag by drag ("drag 1: 23.1 ms (9.8 CPU): Layout 9.5 | …"). */
  over_frame_tasks?: string[];
  /** --ui-detail: the page's collections on its main thread over all the drags: count and wall ms in all. */
  major_gcs?: number;
  major_gc_ms?: number;
  minor_gcs?: number;
  minor_gc_ms?: number;
  settle_ms?: number;
  drag_ms?: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** A row of timings: median, min and max of the runs, rounded to 0.1 ms. */
export function row(name: string, leads: number, ms: number[], extra: Partial<BenchRow> = {}): BenchRow {
  return {
    name,
    leads,
    median_ms: round(median(ms)),
    min_ms: round(Math.min(...ms)),
    max_ms: round(Math.max(...ms)),
    runs: ms.length,
    ...extra,
  };
}
