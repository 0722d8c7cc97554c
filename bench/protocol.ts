/** What bench/run.ts (Node) and bench/page/main.ts (Chromium) exchange through page.evaluate. */

export interface IngestRun {
  /** Bytes in memory → canonical tables + lead_features + rule matrix as typed arrays. */
  ms: number;
  /** fetchLeadTable + encodeSegment(industry) after the matrix (what the app does next). */
  leadTableMs: number;
  /** A structural edit (a new case rule): only its column is computed in SQL for the union layout. */
  structuralMs: number;
  /** Peak main-thread JS heap (performance.memory.usedJSHeapSize, sampled) during the timed part, MB. */
  peakHeapMb: number | null;
}

export interface IngestResult {
  leads: number;
  bytes: number;
  fetchMs: number;
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
  /** Bytes the floor pass reads. */
  floorBytes: number;
  /** Runs whose kernel and SQL aggregates were compared (all timed runs). */
  verifiedRuns: number;
  tierCounts: number[];
}

export interface BenchApi {
  ready: true;
  ingest(dir: string, runs: number): Promise<IngestResult>;
  rescore(runs: number, warmup: number): Promise<RescoreResult>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}
