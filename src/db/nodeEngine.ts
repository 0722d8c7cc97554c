import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BOOT_STATEMENTS, type SqlEngine, type SqlParam } from './engine';

/** The Node blocking build of the same wasm engine the browser runs (tests, benchmarks). */
export async function createNodeEngine(): Promise<SqlEngine> {
  const require = createRequire(import.meta.url);
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm'));
  const bundles = {
    mvp: { mainModule: path.resolve(dist, './duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.resolve(dist, './duckdb-eh.wasm'), mainWorker: '' },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  // the Arrow classes of duckdb-wasm's own (CommonJS) apache-arrow: a Table of its record batches must be
  // built with them, the ES module's classes fail its instanceof checks
  const { Table } = require('apache-arrow') as typeof import('apache-arrow');
  const conn = db.connect();
  for (const s of BOOT_STATEMENTS) conn.query(s);
  return {
    async query(sql: string, params?: readonly SqlParam[]) {
      if (!params || params.length === 0) return conn.query(sql);
      const stmt = conn.prepare(sql);
      try {
        return stmt.query(...params);
      } finally {
        stmt.close();
      }
    },
    async queryStreamed(sql: string) {
      const reader = await conn.send(sql, true);
      const batches = [...reader];
      return new Table(reader.schema, batches);
    },
    async queryBatches(sql, onBatch) {
      for (const batch of await conn.send(sql, true)) onBatch(batch);
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async registerBuffer(name, bytes) {
      db.registerFileBuffer(name, bytes);
    },
    async insertArrowIpc(name, ipcStream) {
      conn.insertArrowFromIPCStream(ipcStream, { name, create: true });
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
}
