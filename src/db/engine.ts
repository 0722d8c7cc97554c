import type { Table } from 'apache-arrow';

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
  registerText(name: string, text: string): Promise<void>;
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /** Registers a file DuckDB reads lazily by handle (the browser never copies it); for big uploads. */
  registerFile(name: string, file: Blob): Promise<void>;
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
