import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { prepareFile, type PreparedFile } from '../../src/ingest/prepare';
import { IdentityState } from '../../src/state/identity.svelte';
import { localMergeStore, mergeKey } from '../../src/state/mergeMemory';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
// Acme GmbH and ACME GMBH differ only in case: one probable duplicate group
const LEADS = 'Lead ID,Company,Industry\nL1,Acme GmbH,Software\nL2,ACME GMBH,Software\nL3,Beta Ltd,Retail\n';

async function loaded(text: string): Promise<{
  engine: Awaited<ReturnType<typeof createNodeEngine>>;
  files: PreparedFile[];
  report: LoadReport;
}> {
  const engine = await createNodeEngine();
  const files = [prepareFile({ name: 'leads.csv', bytes: utf8(text) })];
  const report = await loadFiles(engine, files, { today: '2024-06-01' });
  return { engine, files, report };
}

describe('company merges saved per data set', () => {
  it('are saved on merge and come back when the same export loads again, not for another data set', async () => {
    const storage = memoryStorage();
    const first = await loaded(LEADS);
    const key = mergeKey(first.files, first.report)!;
    const before = new IdentityState(async () => first.engine, localMergeStore(storage));
    await before.refresh(first.report, key);
    expect(before.groups).toHaveLength(1);
    before.merge(before.groups[0]);
    expect(before.distinct).toEqual({ written: 3, merged: 2 });

    // a later visit: a fresh state over the same export
    const again = await loaded(LEADS);
    expect(mergeKey(again.files, again.report)).toBe(key);
    const after = new IdentityState(async () => again.engine, localMergeStore(storage));
    await after.refresh(again.report, key);
    expect(after.isMerged(after.groups[0])).toBe(true);
    expect(after.distinct).toEqual({ written: 3, merged: 2 });

    // one more lead is another data set: nothing restored
    const other = await loaded(`${LEADS}L4,Gamma,Retail\n`);
    const otherKey = mergeKey(other.files, other.report)!;
    expect(otherKey).not.toBe(key);
    const fresh = new IdentityState(async () => other.engine, localMergeStore(storage));
    await fresh.refresh(other.report, otherKey);
    expect(fresh.toJSON()).toEqual([]);

    // unmerging saves too: the entry is gone
    after.unmerge(after.groups[0]);
    const later = new IdentityState(async () => again.engine, localMergeStore(storage));
    await later.refresh(again.report, key);
    expect(later.toJSON()).toEqual([]);
  });

  it('ignores a damaged or malformed saved entry (nothing partly applied)', async () => {
    const { engine, files, report } = await loaded(LEADS);
    const key = mergeKey(files, report)!;
    for (const bad of [
      'not json',
      JSON.stringify({ [key]: [['Acme GmbH']] }),
      JSON.stringify({
        [key]: [
          ['A', 'B'],
          [1, 'x'],
        ],
      }),
    ]) {
      const storage = memoryStorage();
      storage.setItem('scorelab.companyMerges', bad);
      const state = new IdentityState(async () => engine, localMergeStore(storage));
      await state.refresh(report, key);
      expect(state.toJSON()).toEqual([]);
    }
  });
});
