import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { SAFE_SETTINGS, type SqlEngine, type SqlParam } from './engine';

export interface BootProgress {
  bytesLoaded: number;
  bytesTotal: number;
}

/** Self-hosted bundles only (Vite copies them next to the app); EH with MVP fallback. */
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

export async function createBrowserEngine(onProgress: (p: BootProgress) => void): Promise<SqlEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker, (p) =>
      onProgress({ bytesLoaded: p.bytesLoaded, bytesTotal: p.bytesTotal }),
    );
  } catch (error) {
    worker.terminate();
    throw error;
  }
  const conn = await db.connect();
  for (const s of SAFE_SETTINGS) await conn.query(s);
  return {
    async query(sql: string, params?: readonly SqlParam[]) {
      if (!params || params.length === 0) return conn.query(sql);
      const stmt = await conn.prepare(sql);
      try {
        return await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    },
    async registerText(name, text) {
      await db.registerFileText(name, text);
    },
    async registerBuffer(name, bytes) {
      await db.registerFileBuffer(name, bytes);
    },
    async insertArrowIpc(name, ipcStream) {
      await conn.insertArrowFromIPCStream(ipcStream, { name, create: true });
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async close() {
      await conn.close();
      await db.terminate();
    },
  };
}
