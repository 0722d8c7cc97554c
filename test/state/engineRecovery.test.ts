import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { EngineStoppedError } from '../../src/db/engineErrors';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { IngestError, type PreparedFile } from '../../src/ingest/prepare';
import { defaultScenario } from '../../src/model/defaultScenario';
import type { Scenario } from '../../src/model/scenario';
import { DatasetState } from '../../src/state/dataset.svelte';
import { EngineRecovery, type RecoveryTarget } from '../../src/state/engineRecovery';
import { loadFailure } from '../../src/state/loadFailure';

const trap = () => new EngineStoppedError('trap', new Error('memory access out of bounds'));

/** A SqlEngine that can be killed: then every call fails as a dead browser engine's would. */
function mortal(
  engine: SqlEngine,
  reason: 'trap' | 'stopped' = 'trap',
): { engine: SqlEngine; kill: () => void; dead: () => boolean } {
  let dead = false;
  const stop = () => (reason === 'trap' ? trap() : new EngineStoppedError('stopped'));
  const alive = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => {
    return (...a: A): Promise<R> => (dead ? Promise.reject(stop()) : f(...a));
  };
  return {
    kill: () => (dead = true),
    dead: () => dead,
    engine: {
      query: alive(engine.query),
      queryStreamed: alive(engine.queryStreamed),
      queryBatches: alive(engine.queryBatches),
      registerText: alive(engine.registerText),
      registerBuffer: alive(engine.registerBuffer),
      insertArrowIpc: alive(engine.insertArrowIpc),
      dropFile: alive(engine.dropFile),
      close: () => engine.close(),
    },
  };
}

function fakeTarget(over: Partial<RecoveryTarget> = {}) {
  let reloads = 0;
  const target: RecoveryTarget = {
    loading: () => false,
    hasFiles: () => true,
    reload: async () => void reloads++,
    ready: () => true,
    ...over,
  };
  return { target, reloads: () => reloads };
}

describe('EngineRecovery', () => {
  it('reloads the kept files after a trap', async () => {
    const fake = fakeTarget();
    expect(await new EngineRecovery(fake.target).afterStop(trap())).toBe('reloaded');
    expect(fake.reloads()).toBe(1);
  });

  it('stays out after a cancel, during a load (which restores the data itself) and with nothing loaded', async () => {
    const cancel = fakeTarget();
    expect(await new EngineRecovery(cancel.target).afterStop(new EngineStoppedError('stopped'))).toBe(
      'skipped',
    );
    const busy = fakeTarget({ loading: () => true });
    expect(await new EngineRecovery(busy.target).afterStop(trap())).toBe('skipped');
    const empty = fakeTarget({ hasFiles: () => false });
    expect(await new EngineRecovery(empty.target).afterStop(trap())).toBe('skipped');
    expect(cancel.reloads() + busy.reloads() + empty.reloads()).toBe(0);
  });

  it('says so when the reload did not bring the data back', async () => {
    const fake = fakeTarget({ ready: () => false });
    expect(await new EngineRecovery(fake.target).afterStop(trap())).toBe('failed');
  });

  it('gives up after `limit` restarts within the window, and tries again once it has passed', async () => {
    let now = 0;
    const fake = fakeTarget();
    const recovery = new EngineRecovery(fake.target, 2, 60_000, () => now);
    expect(await recovery.afterStop(trap())).toBe('reloaded');
    now = 10_000;
    expect(await recovery.afterStop(trap())).toBe('reloaded');
    now = 20_000;
    expect(await recovery.afterStop(trap())).toBe('given-up');
    now = 70_001;
    expect(await recovery.afterStop(trap())).toBe('reloaded');
    expect(fake.reloads()).toBe(3);
  });
});

describe('restart and reload with a dying engine', () => {
  it('reloads the kept files into a new engine with the scenario in use, not a fresh default', async () => {
    let current = mortal(await createNodeEngine());
    const first = current;
    let kernelLoads = 0;
    let starts = 0;
    // the user's edit: a 90-day aging horizon instead of the default's 180
    const edited: Scenario = {
      ...defaultScenario({ withUrgency: true }),
      settings: { agingHorizonDays: 90, observationDays: 30 },
    };
    const state = new DatasetState(
      async () => current.engine,
      () => void kernelLoads++,
      () => edited,
    );
    const sources = ['leads.csv', 'deals.csv'].map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(`datasets/${name}`)),
    }));
    try {
      await state.load(sources, 'sample', (withUrgency) => {
        starts++;
        return defaultScenario({ withUrgency });
      });
      expect(state.status).toBe('ready');
      const counts = state.report!.counts;
      expect(state.facts!.agingHorizonDays).toBe(180);

      first.kill();
      await expect(first.engine.query('SELECT 1')).rejects.toBeInstanceOf(EngineStoppedError);
      current = mortal(await createNodeEngine());
      const recovery = new EngineRecovery({
        loading: () => state.status === 'loading',
        hasFiles: () => state.files.length > 0,
        reload: () => state.reload(),
        ready: () => state.status === 'ready',
      });
      expect(await recovery.afterStop(trap())).toBe('reloaded');
      expect(state.report!.counts).toEqual(counts);
      expect(state.facts!.agingHorizonDays).toBe(90);
      expect(starts).toBe(1);
      expect(kernelLoads).toBe(2);
      expect(state.errors).toEqual([]);
    } finally {
      await first.engine.close();
      await current.engine.close();
    }
  }, 60_000);
});

describe('a load stopped midway (Cancel)', () => {
  it('puts the previous data back with the scenario in use, and leaves no error', async () => {
    const engines: ReturnType<typeof mortal>[] = [mortal(await createNodeEngine(), 'stopped')];
    const latest = () => engines[engines.length - 1];
    let starts = 0;
    const edited: Scenario = {
      ...defaultScenario({ withUrgency: true }),
      settings: { agingHorizonDays: 90, observationDays: 30 },
    };
    const state = new DatasetState(
      async () => {
        if (latest().dead()) engines.push(mortal(await createNodeEngine()));
        return latest().engine;
      },
      () => {},
      () => edited,
    );
    const scenarioFor = (withUrgency: boolean) => {
      starts++;
      return defaultScenario({ withUrgency });
    };
    const leads = { name: 'leads.csv', bytes: new Uint8Array(readFileSync('datasets/leads.csv')) };
    try {
      await state.load([leads], 'sample', scenarioFor);
      const counts = state.report!.counts;
      // the next load's engine is stopped as its first query runs
      const running = latest();
      const query = running.engine.query;
      running.engine.query = (sql, params) => {
        running.kill();
        return query(sql, params);
      };
      const other = new TextEncoder().encode('lead_id,company,created_at\nZ1,Zeta,2024-01-01\n');
      await state.load([{ name: 'other.csv', bytes: other }], 'other.csv', scenarioFor);
      expect(engines).toHaveLength(2);
      expect(state.status).toBe('ready');
      expect(state.report!.counts).toEqual(counts);
      expect(state.files.map((f) => f.source.name)).toEqual(['leads.csv']);
      expect(state.facts!.agingHorizonDays).toBe(90);
      expect(starts).toBe(1);
      expect(state.errors).toEqual([]);
    } finally {
      for (const e of engines) await e.engine.close();
    }
  }, 60_000);
});

describe('loadFailure', () => {
  const file = (name: string, size: number): PreparedFile =>
    ({
      source: { name, bytes: new Uint8Array(0), file: new Blob([new Uint8Array(size)]) },
    }) as PreparedFile;
  const files = [file('deals.csv', 1024 ** 2), file('leads.csv', 5 * 1024 ** 2)];

  it('names the biggest file and its size when the load ran out of memory or the engine stopped', () => {
    const oom = loadFailure(new Error('Out of Memory Error: failed to allocate'), files, 'x');
    expect([oom?.file, oom?.code, oom?.detail]).toEqual(['leads.csv', 'out-of-memory', '5 MB']);
    const stopped = loadFailure(trap(), files, 'x');
    expect([stopped?.file, stopped?.code]).toEqual(['leads.csv', 'engine-stopped']);
  });

  it('leaves no message for a cancel, and keeps ingest and ordinary errors as they are', () => {
    expect(loadFailure(new EngineStoppedError('stopped'), files, 'x')).toBeNull();
    const own = new IngestError('a.csv', 'no-data-rows');
    expect(loadFailure(own, files, 'x')).toBe(own);
    const other = loadFailure(new Error('Binder Error: no column'), files, 'deals.csv, leads.csv');
    expect([other?.file, other?.code, other?.detail]).toEqual([
      'deals.csv, leads.csv',
      'load-failed',
      'Binder Error: no column',
    ]);
  });
});
