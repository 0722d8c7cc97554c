import { describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { loadFiles } from '../../src/ingest/load';
import { mappedHeaders } from '../../src/ingest/mapping';
import { prepareFile } from '../../src/ingest/prepare';
import {
  headerSignature,
  mappingFromPreset,
  parsePreset,
  presetMapping,
  type ImportPreset,
} from '../../src/ingest/presets';
import { localPresetStore, type PresetStore } from '../../src/state/importPresets';
import { ImportWizard } from '../../src/state/importWizard.svelte';
import { prepareSource } from '../../src/ingest/source';
import { gzipSync } from 'node:zlib';
import * as make from '../fixtures/bad-inputs/make';

const utf8 = (s: string) => new TextEncoder().encode(s);
const file = (name: string, text: string) => ({ name, bytes: utf8(text) });

/** A Storage stand-in over a Map. */
function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

const DEALS = [
  'Deal ID;Lead ID;Stage;Amount;Close Date',
  'D1;L1;Closed Won;1.234,50;05.01.2024',
  'D2;L1;Closed Lost;99,00;06.01.2024',
  'D3;L2;Signed;10,00;31.02.2024',
  'D4;L1;Negotiation;5,00;07.01.2024',
].join('\n');
const LEADS = 'Lead ID,Company,Industry\nL1,Acme,Software\nL2,Beta,Retail\nL3,Gamma,Retail\n';

describe('preset signature', () => {
  it('is the same for the same headers in another order, case or spacing, and differs by kind', () => {
    const a = headerSignature(['Lead ID', 'Company', 'Stage'], 'leads');
    expect(headerSignature(['stage', 'company', 'lead_id'], 'leads')).toBe(a);
    expect(headerSignature(['Lead ID', 'Company', 'Stage'], 'deals')).not.toBe(a);
    expect(headerSignature(['Lead ID', 'Company'], 'leads')).not.toBe(a);
  });

  it('finds each role’s column again by header and occurrence when the columns move', () => {
    const saved = presetMapping(['id', 'industry', 'x', 'industry'], { lead_id: 0, industry: 3 });
    expect(saved).toEqual({
      lead_id: { header: 'id', occurrence: 0 },
      industry: { header: 'industry', occurrence: 1 },
    });
    const preset = { kind: 'leads', mapping: saved } as unknown as ImportPreset;
    const mapping = mappingFromPreset(['industry', 'x', 'industry', 'id'], preset);
    expect(mapping.lead_id).toBe(3);
    expect(mapping.industry).toBe(2);
    expect(mapping.company).toBeNull();
  });

  it('drops a malformed stored preset as a whole', () => {
    const good = {
      version: 1,
      signature: 's',
      kind: 'deals',
      encoding: null,
      mapping: { stage: { header: 'Phase', occurrence: 0 } },
      values: { stage: { Signed: 'won' } },
      formats: {},
      savedAt: '2024-01-01T00:00:00Z',
    };
    expect(parsePreset(good)).toEqual(good);
    expect(parsePreset({ ...good, version: 2 })).toBeNull();
    expect(parsePreset({ ...good, kind: 'contacts' })).toBeNull();
    expect(parsePreset({ ...good, values: { stage: { Signed: 'maybe' } } })).toBeNull();
    expect(parsePreset({ ...good, mapping: { stage: 'Phase' } })).toBeNull();
    const storage = memoryStorage({ 'scorelab.importPresets': '{not json' });
    expect(localPresetStore(storage).get('s')).toBeNull();
  });
});

function wizardWith(storage = memoryStorage()): {
  wizard: ImportWizard;
  store: PresetStore;
  storage: ReturnType<typeof memoryStorage>;
} {
  const store = localPresetStore(storage);
  return { wizard: new ImportWizard(store), store, storage };
}

describe('ImportWizard staging', () => {
  it('stages good files and keeps the bad one with its own error; cancel leaves nothing', async () => {
    const { wizard } = wizardWith();
    await wizard.stage(make.case22());
    expect(wizard.staged.map((s) => s.source.name)).toEqual(['leads.csv', 'deals.csv']);
    expect(wizard.errors.map((e) => [e.file, e.code])).toEqual([['activities.csv', 'not-text']]);
    expect(wizard.open).toBe(true);
    wizard.cancel();
    expect(wizard.staged).toEqual([]);
    expect(wizard.open).toBe(false);
  });

  it('previews the messy deals file: semicolons, decimal commas, DD.MM.YYYY and an impossible date', async () => {
    const { wizard } = wizardWith();
    await wizard.stage([file('leads.csv', LEADS), file('deals.csv', DEALS)]);
    const deals = wizard.staged[1];
    expect(deals.prepared?.delimiter).toBe(';');
    expect(deals.preview?.rows).toHaveLength(4);
    const profiles = Object.fromEntries(
      deals.preview!.headers.map((h, i) => [h, deals.preview!.profiles[i]]),
    );
    expect(profiles.Amount).toMatchObject({ kind: 'number', failing: 0 });
    expect(profiles['Close Date']).toMatchObject({ kind: 'date', filled: 4, failing: 1 });
    expect(deals.scan?.stage).toEqual([
      { value: 'Closed Lost', n: 1 },
      { value: 'Closed Won', n: 1 },
      { value: 'Negotiation', n: 1 },
      { value: 'Signed', n: 1 },
    ]);
    // L1 has three deals, L2 one; L3 none (the stats are counted in steps, then the links follow)
    expect(wizard.links[0].stats).toBeNull();
    await vi.waitFor(() => expect(wizard.links[0].stats).not.toBeNull());
    expect(wizard.links).toEqual([
      {
        kind: 'deals',
        fileName: 'deals.csv',
        leadsName: 'leads.csv',
        keys: { leads: 'Lead ID', child: 'Lead ID' },
        stats: { rows: 4, matched: 4, maxPerLead: 3 },
        leadsRead: null,
        firstRowsOnly: false,
      },
    ]);
  });

  it('shows how a staged accounts file links to the leads: by company name, one account to many leads', async () => {
    const { wizard } = wizardWith();
    const accounts = 'Account Name,Industry,Employees\nACME GmbH,Software,120\nbeta ltd.,Retail,40\n';
    await wizard.stage([file('leads.csv', LEADS + 'L4,acme,\n'), file('accounts.csv', accounts)]);
    expect(wizard.staged.map((s) => s.prepared?.kind)).toEqual(['leads', 'accounts']);
    // L1 and L4 name Acme, L2 Beta; L3's Gamma is no account
    expect(wizard.links).toEqual([
      {
        kind: 'accounts',
        fileName: 'accounts.csv',
        leadsName: 'leads.csv',
        keys: null,
        stats: null,
        leadsRead: null,
        firstRowsOnly: false,
        account: {
          by: 'name',
          leadsKey: 'Company',
          accountsKey: 'Account Name',
          rows: 4,
          matched: 3,
          maxPerAccount: 2,
        },
      },
    ]);
  });

  it('re-decodes the preview live when the encoding is overridden, and back', async () => {
    const { wizard } = wizardWith();
    await wizard.stage([make.case2()]);
    const [gbk] = wizard.staged;
    expect(gbk.detected).toMatchObject({ encoding: 'gb18030', reason: 'gb18030-cjk' });
    expect(gbk.preview?.headers).toEqual(['客户编号', '公司名称', '所属行业', '创建日期']);
    await wizard.setEncoding(gbk.key, 'windows-1252');
    const wrong = wizard.staged[0];
    expect(wrong.encoding).toBe('windows-1252');
    // the same bytes as Windows-1252: mojibake, no lead id to map, so the file cannot load as read
    expect(wrong.preview?.headers[0]).toBe(
      new TextDecoder('latin1').decode(make.case2().bytes.subarray(0, 8)),
    );
    expect(wrong.preview?.rows[0][1]).not.toBe('阿里巴巴');
    expect(wrong.failure?.code).toBe('unknown-kind');
    expect(wizard.ready).toEqual([]);
    expect(wizard.commit()).toBeNull();
    await wizard.setEncoding(gbk.key, 'gb18030');
    const back = wizard.staged[0];
    expect(back.encoding).toBeNull();
    expect(back.failure).toBeNull();
    expect(back.preview?.rows[0]).toEqual(['C001', '阿里巴巴', '互联网', '2024-01-05']);
  });

  it('remaps a role by position and blocks a file whose required role is unmapped', async () => {
    const { wizard } = wizardWith();
    await wizard.stage([make.case9()]);
    const [f] = wizard.staged;
    wizard.setColumn(f.key, 'industry', 9);
    expect(wizard.staged[0].prepared?.mapping.industry).toBe(9);
    wizard.setColumn(f.key, 'lead_id', null);
    expect(wizard.ready).toEqual([]);
    wizard.setColumn(f.key, 'lead_id', 0);
    const committed = wizard.commit();
    expect(committed?.files[0].mapping.industry).toBe(9);
    expect(committed?.errors).toEqual([]);
  });

  it('shows a remap at once, then scans the new column, keeping a choice made while it scanned', async () => {
    const { wizard } = wizardWith();
    await wizard.stage([file('deals.csv', DEALS)]);
    const key = wizard.staged[0].key;
    // the stage role moved to the Deal ID column: the mapping shows before the scan is done
    const remap = wizard.setColumn(key, 'stage', 0);
    expect(wizard.staged[0].prepared?.mapping.stage).toBe(0);
    expect(wizard.staged[0].scan).toBeNull();
    wizard.setStageOutcome(key, 'D3', 'won');
    await remap;
    expect(wizard.staged[0].scan?.stage.map((v) => v.value)).toEqual(['D1', 'D2', 'D3', 'D4']);
    expect(wizard.staged[0].values.stage).toEqual({ D3: 'won' });
  });

  it('saves the user’s choices as a preset on load, maps the same export with it next time, and forgets it', async () => {
    const storage = memoryStorage();
    const { wizard } = wizardWith(storage);
    await wizard.stage([file('deals.csv', DEALS)]);
    const key = wizard.staged[0].key;
    expect(wizard.staged[0].preset).toBeNull();
    wizard.setColumn(key, 'created_at', 4);
    wizard.setStageOutcome(key, 'Signed', 'won');
    const committed = wizard.commit()!;
    expect(committed.files[0].values).toEqual({ stage: { Signed: 'won' } });
    expect(storage.map.size).toBe(1);

    // the same export with its columns in another order
    const reordered = DEALS.split('\n')
      .map((line) => {
        const c = line.split(';');
        return [c[4], c[0], c[1], c[2], c[3]].join(';');
      })
      .join('\n');
    const next = wizardWith(storage).wizard;
    await next.stage([file('deals-again.csv', reordered)]);
    const again = next.staged[0];
    expect(again.preset).not.toBeNull();
    expect(mappedHeaders(again.prepared!.headers, again.prepared!.mapping)).toMatchObject({
      created_at: 'Close Date',
      closed_at: 'Close Date',
      stage: 'Stage',
    });
    expect(again.values).toEqual({ stage: { Signed: 'won' } });
    expect(again.edited).toBe(false);

    await next.forgetPreset(again.key);
    expect(next.staged[0].preset).toBeNull();
    expect(next.staged[0].values).toEqual({});
    expect(JSON.parse(storage.map.get('scorelab.importPresets')!)).toEqual({});
  });

  it('remembers an overridden encoding in the preset', async () => {
    const storage = memoryStorage();
    const { wizard } = wizardWith(storage);
    const big5 = {
      name: 'big5.csv',
      bytes: new Uint8Array([...utf8('lead_id,company\nL1,'), 0xa4, 0xa4, 0xa4, 0xe5, 0x0a]),
    };
    await wizard.stage([big5]);
    await wizard.setEncoding(wizard.staged[0].key, 'big5');
    expect(wizard.staged[0].preview?.rows[0]).toEqual(['L1', '中文']);
    wizard.commit();
    const next = wizardWith(storage).wizard;
    await next.stage([big5]);
    expect(next.staged[0].encoding).toBe('big5');
    expect(next.staged[0].prepared?.text).toContain('中文');
  });
});

describe('value overrides reach the load', () => {
  it('counts a stage value as won when the user says so, and the rest as suggested', async () => {
    const leads = prepareFile(file('leads.csv', LEADS));
    const deals = prepareFile(file('deals.csv', DEALS));
    const engine = await createNodeEngine();
    try {
      const report = await loadFiles(engine, [leads, { ...deals, values: { stage: { Signed: 'won' } } }]);
      expect(report.valueMaps.stageWon.sort()).toEqual(['Closed Won', 'Signed']);
      expect(report.valueMaps.stageLost).toEqual(['Closed Lost']);
      const outcomes = (await engine.query('SELECT deal_id, outcome FROM deals ORDER BY deal_id'))
        .toArray()
        .map((r) => `${r.deal_id}:${r.outcome}`);
      expect(outcomes).toEqual(['D1:won', 'D2:lost', 'D3:won', 'D4:open']);
    } finally {
      await engine.close();
    }
  });
});

describe('ImportWizard link stats of files not read whole', () => {
  it('calls no deal unmatched when the leads file is a big one read from its head, and says so', async () => {
    const wizard = new ImportWizard(localPresetStore(memoryStorage()), () => [], prepareSource);
    // only L1's line is in the head read in JS; L2 and L3 are further on in the file
    const head = 'Lead ID,Company,Industry\nL1,Acme,Software\n';
    const big = { name: 'leads.csv', bytes: utf8(head), file: new Blob([LEADS]) };
    await wizard.stage([big, file('deals.csv', DEALS)]);
    expect(wizard.staged.map((s) => [s.prepared?.kind, s.scan?.complete])).toEqual([
      ['leads', false],
      ['deals', true],
    ]);
    await vi.waitFor(() => expect(wizard.links[0].stats).not.toBeNull());
    // D3 belongs to L2, which the head does not reach: one row of four without a lead read, not a bad row
    expect(wizard.links[0]).toMatchObject({
      stats: { rows: 4, matched: 3, maxPerLead: 3 },
      leadsRead: 1,
      firstRowsOnly: false,
    });
  });

  it('links a staged deals file to the leads already loaded, once their ids are scanned', async () => {
    const loaded = prepareFile(file('leads.csv', LEADS));
    const wizard = new ImportWizard(localPresetStore(memoryStorage()), () => [loaded], prepareSource);
    await wizard.stage([file('deals.csv', DEALS)]);
    expect(wizard.links[0].stats).toBeNull();
    await vi.waitFor(() => expect(wizard.links[0].stats).not.toBeNull());
    expect(wizard.links[0]).toMatchObject({
      leadsName: null,
      stats: { rows: 4, matched: 4, maxPerLead: 3 },
      leadsRead: null,
      firstRowsOnly: false,
    });
  });

  it('marks the stats of a big deals file as covering its first rows only', async () => {
    const wizard = new ImportWizard(localPresetStore(memoryStorage()), () => [], prepareSource);
    const head = DEALS.split('\n').slice(0, 3).join('\n') + '\n';
    await wizard.stage([
      file('leads.csv', LEADS),
      { name: 'deals.csv', bytes: utf8(head), file: new Blob([DEALS]) },
    ]);
    await vi.waitFor(() => expect(wizard.links[0].stats).not.toBeNull());
    expect(wizard.links[0]).toMatchObject({
      stats: { rows: 2, matched: 2, maxPerLead: 2 },
      leadsRead: null,
      firstRowsOnly: true,
    });
  });
});

describe('ImportWizard with the format readers (prepareSource)', () => {
  it('previews a gzip-compressed CSV as text and a JSON file as a table, and scans their values', async () => {
    const wizard = new ImportWizard(localPresetStore(memoryStorage()), () => [], prepareSource);
    const json = JSON.stringify([
      { 'Deal ID': 'D1', 'Lead ID': 'L1', Stage: 'Closed Won' },
      { 'Deal ID': 'D2', 'Lead ID': 'L1', Stage: 'Signed' },
    ]);
    await wizard.stage([
      { name: 'leads.csv.gz', bytes: new Uint8Array(gzipSync(Buffer.from(LEADS))) },
      { name: 'deals.json', bytes: utf8(json) },
    ]);
    expect(wizard.errors).toEqual([]);
    const [leads, deals] = wizard.staged;
    expect(leads.preview?.headers).toEqual(['Lead ID', 'Company', 'Industry']);
    expect(leads.preview?.rows).toHaveLength(3);
    expect(deals.prepared?.kind).toBe('deals');
    expect(deals.preview?.rows[1]).toEqual(['D2', 'L1', 'Signed']);
    expect(deals.scan?.stage.map((v) => v.value).sort()).toEqual(['Closed Won', 'Signed']);
    await vi.waitFor(() => expect(wizard.links[0].stats).toEqual({ rows: 2, matched: 2, maxPerLead: 2 }));
  });
});
