import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { BOOT_STATEMENTS, CONNECTION_STATEMENTS, type SqlEngine, type SqlParam } from './engine';
import { classifyEngineError, EngineStoppedError } from './engineErrors';

export interface BootProgress {
  bytesLoaded: number;
  bytesTotal: number;
}

/** The browser engine: a SqlEngine that can die (a wasm trap, a dead worker) or be stopped (a cancel). */
export interface BrowserEngine extends SqlEngine {
  /** Settles once, when the engine died or was stopped; from then on every call rejects with it. */
  readonly stopped: Promise<EngineStoppedError>;
  /** Terminates the worker, ending whatever query runs: 'stopped' for a cancel, 'trap' for a test hook. */
  stop(reason: 'trap' | 'stopped'): void;
}

/** AsyncDuckDB with its execution-progress messages (DuckDB's progress bar) exposed. */
class ProgressDuckDB extends duckdb.AsyncDuckDB {
  onQueryProgress(listener: (entry: duckdb.ProgressEntry) => void): void {
    this._onExecutionProgress.push(listener);
  }
}

/** A progress entry's share done, 0..1, or null when DuckDB could not estimate it. */
export function progressShare(entry: duckdb.ProgressEntry): number | null {
  const percent = Number(entry.percentage);
  if (entry.status === 'completed') return 1;
  return Number.isFinite(percent) && percent >= 0 ? Math.min(percent, 100) / 100 : null;
}

/** Self-hosted bundles only (Vite copies them next to the app); EH with MVP fallback. */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export async function createBrowserEngine(
  onProgress: (p: BootProgress) => void,
  onQueryProgress: (share: number | null) => void = () => {},
): Promise<BrowserEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new ProgressDuckDB(new duckdb.VoidLogger(), worker);
  db.onQueryProgress((entry) => onQueryProgress(progressShare(entry)));
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
      onProgress({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal }),
    );
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const conn = await db.connect();
  for (const s of BOOT_STATEMENTS) await conn.query(s);
  // streamed reads get a connection of their own: a query on the same connection between two fetched
  // chunks would end the stream early
  const streamConn = await db.connect();
  for (const s of CONNECTION_STATEMENTS) await streamConn.query(s);
  // DuckDB then reports a long query's progress (CSV reads by bytes) through PROGRESS_UPDATE messages
  await conn.query('SET enable_progress_bar = true');

  let death: EngineStoppedError | null = null;
  let announce: (e: EngineStoppedError) => void = () => {};
  const stopped = new Promise<EngineStoppedError>((resolve) => (announce = resolve));
  const die = (reason: 'trap' | 'stopped', cause?: unknown) => {
    if (death) return;
    death = new EngineStoppedError(reason, cause);
    worker.terminate();
    announce(death);
  };
  // AsyncDuckDB drops its pending requests when the worker fails, so their promises never settle:
  // every call races the engine's death instead
  worker.addEventListener('error', (event) => die('trap', new Error(event.message)));
  const guard = async <T>(call: () => Promise<T>): Promise<T> => {
    if (death) throw death;
    try {
      return await Promise.race([call(), stopped.then((e) => Promise.reject(e))]);
    } catch (error) {
      if (classifyEngineError(error) === 'trap') die('trap', error);
      throw death ?? error;
    }
  };

  return {
    stopped,
    stop: die,
    query: (sql: string, params?: readonly SqlParam[]) =>
      guard(async () => {
        if (!params || params.length === 0) return conn.query(sql);
        const stmt = await conn.prepare(sql);
        try {
          return await stmt.query(...params);
        } finally {
          await stmt.close();
        }
      }),
    queryStreamed: (sql: string) =>
      guard(async () => {
        const reader = await streamConn.send(sql, true);
        const batches: RecordBatch[] = [];
        for await (const batch of reader) batches.push(batch);
        return new Table(reader.schema, batches);
      }),
    queryBatches: (sql, onBatch) =>
      guard(async () => {
        // each batch arrives in a task of its own: the page keeps painting between them
        for await (const batch of await streamConn.send(sql, true)) onBatch(batch);
      }),
    registerText: (name, text) => guard(() => db.registerFileText(name, text)),
    registerBuffer: (name, bytes) => guard(() => db.registerFileBuffer(name, bytes)),
    insertArrowIpc: (name, ipcStream) =>
      guard(() => conn.insertArrowFromIPCStream(ipcStream, { name, create: true })),
    dropFile: (name) =>
      guard(async () => {
        await db.dropFile(name);
      }),
    async close() {
      if (death) return;
      await streamConn.close();
      await conn.close();
      await db.terminate();
    },
  };
}
