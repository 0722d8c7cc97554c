import type { RecordBatch, Table } from 'apache-arrow';

/** A value bound to a `?` placeholder. User text reaches SQL only this way. */
export type SqlParam = string | number | boolean | null;

/**
 * The one surface the rest of the app sees of DuckDB. The browser (async worker) and
 * Node (blocking build, for tests and benchmarks) engines both implement it, so the
 * same queries/*.sql run in both.
 */
export interface SqlEngine {
  /** Runs one statement; with params it is prepared and bound (never concatenated). */
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /**
   * Runs one statement without parameters and reads its result as DuckDB streams it, a chunk at a time,
   * instead of materialising it whole (and once more as one Arrow buffer) inside the wasm heap: for the
   * million-row reads (the lead table, the event log). The browser runs it on a connection of its own, so
   * it sees committed tables but not another connection's TEMP tables.
   */
  queryStreamed(sql: string): Promise<Table>;
  /** queryStreamed handing each record batch to `onBatch` as it arrives, none kept: the reader keeps what it needs. */
  queryBatches(sql: string, onBatch: (batch: RecordBatch) => void): Promise<void>;
  registerText(name: string, text: string): Promise<void>;
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Creates table `name` from an Arrow IPC stream (tables read in JS: XLSX, JSON, Parquet). */
  insertArrowIpc(name: string, ipcStream: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Disables the network-fetching extension loader; offline it can hang forever. */
export const SAFE_SETTINGS = [
  'SET autoload_known_extensions=false',
  'SET autoinstall_known_extensions=false',
] as const;

/**
 * Every table goes into an in-memory database with DuckDB's storage compression (dictionary, FSST,
 * bit-packing …); the default in-memory database keeps columns uncompressed. At a million leads this holds
 * the raw uploads, canonical and feature tables in a sixth of the memory (bench/README.md), and
 * DuckDB-wasm's heap never shrinks, so what a load holds at its peak stays taken.
 */
export const COMPRESSED_DATABASE = ["ATTACH ':memory:' AS scorelab (COMPRESS)", 'USE scorelab'] as const;

/** What both engines run once on their first connection before any query. */
export const BOOT_STATEMENTS = [...SAFE_SETTINGS, ...COMPRESSED_DATABASE] as const;
/** What a further connection to the same database runs first. */
export const CONNECTION_STATEMENTS = [...SAFE_SETTINGS, 'USE scorelab'] as const;
