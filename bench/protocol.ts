/** What bench/run.ts (Node) and bench/page/main.ts (Chromium) exchange through page.evaluate. */

/** What the page reports about its own memory when it marks the end of a stage. */
export interface PageMemory {
  /** performance.memory.usedJSHeapSize of the page's main thread, MB. */
  heapMb: number | null;
  /** DuckDB's own accounting: the sum of duckdb_memory().memory_usage_bytes, MB. */
  duckdbMb: number | null;
}

export interface IngestRun {
  /** Bytes in memory → canonical tables + lead_features + rule matrix as typed arrays. */
  ms: number;
  /** fetchLeadTable + encodeSegment(industry) after the matrix (what the app does next). */
  leadTableMs: number;
  /** The kernel workers given their copies (as the app hands them over) until the first score came back. */
  kernelMs: number;
  /** A structural edit (a new case rule): only its column is computed in SQL for the union layout. */
  structuralMs: number;
  /** Peak main-thread JS heap (performance.memory.usedJSHeapSize, sampled) during the timed part, MB. */
  peakHeapMb: number | null;
}

export interface IngestResult {
  leads: number;
  bytes: number;
  /** Files over BIG_FILE_BYTES, which the app (and so the bench) hands DuckDB as file handles. */
  bigFiles: string[];
  counts: { leads: number; deals: number; activities: number };
  caseColumns: number;
  eventColumns: number;
  /** Aged events in the kernel's event log. */
  events: number;
  runs: IngestRun[];
}

export interface RescoreResult {
  leads: number;
  /** Where the kernel ran. */
  kernelThread: string;
  /** KernelSession.score as timed inside the kernel worker (scoreAll + summarize). */
  kernelMs: number[];
  /** The same seen from the page: postMessage → scored reply (plan clone + result transfer included). */
  kernelRoundTripMs: number[];
  /** scoreSql + the GROUPING SETS aggregation, query to checked rows in the page. */
  sqlMs: number[];
  /**
   * A slider dragged through 40 weights at one move per 16 ms frame: ms from the last move until its result
   * arrived, with one kernel worker and with two, and how many of the 40 results were shown.
   */
  dragSettle1Ms: number[];
  dragShown1: number[];
  dragSettle2Ms: number[];
  dragShown2: number[];
  /** A rule's points change (the demo rule's points per event), in the kernel worker. */
  pointsKernelMs: number[];
  /** The same in SQL over the materialised rule_matrix, checked against the kernel's. */
  pointsSqlMs: number[];
  /** A rule's decay change (the demo rule's half-life): the kernel recomputes its counts from the event log. */
  decayKernelMs: number[];
  /** The same in SQL: the rule matrix recomputed from activity_events, then scored; checked. */
  decaySqlMs: number[];
  /** KernelSession.score with the full accuracy report (the Accuracy view open), in the worker. */
  accuracyKernelMs: number[];
  /** The same numbers in DuckDB SQL (bench/page/accuracySql.ts), checked against the kernel's. */
  accuracySqlMs: number[];
  /** KernelSession.score with the Bias view's report on a 50-value segment column, in the worker. */
  biasKernelMs: number[];
  /** The same per-segment numbers in DuckDB SQL (bench/page/biasSql.ts), checked against the kernel's. */
  biasSqlMs: number[];
  /** KernelSession.score with the ROI view's report (cut policy, no capacity), in the worker. */
  roiKernelMs: number[];
  /** The same numbers in DuckDB SQL (bench/page/roiSql.ts), checked against the kernel's. */
  roiSqlMs: number[];
  /** One pass over every kernel input column, in a worker. */
  floorMs: number[];
  /** Per kernel row (`rescore.kernel`, `accuracy.kernel`, …): where each timed run's `ms` went. */
  kernelPhases: Record<string, Record<string, number>[]>;
  /** The SQL timing that failed (e.g. DuckDB-wasm out of its heap at 10M) and why; later SQL timings were skipped. */
  sqlFailure: string | null;
  /** Bytes the floor pass reads. */
  floorBytes: number;
  /** Runs whose kernel and SQL aggregates were compared (all timed runs). */
  verifiedRuns: number;
  tierCounts: number[];
}

export interface BenchApi {
  ready: true;
  /** traceTables: a memory mark after every statement that creates a table (adds a little time). */
  ingest(dir: string, runs: number, traceTables?: boolean): Promise<IngestResult>;
  /** `views`: also the Accuracy, Bias and ROI views' numbers (kernel and SQL). */
  rescore(runs: number, warmup: number, views: boolean): Promise<RescoreResult>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    /** Exposed by run.ts: ends a memory stage (Node samples every Chromium process's RssAnon). */
    __benchMark?: (stage: string, page: PageMemory) => Promise<void>;
  }
}
