import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import {
  columnFormatsFromPreset,
  decimalOf,
  formatOptionsOf,
  parseMarkers,
  presetColumnFormats,
  shownMarkers,
} from '../../src/ingest/columnFormats';
import { loadFiles } from '../../src/ingest/load';
import { parsePreset } from '../../src/ingest/presets';
import { prepareSource } from '../../src/ingest/source';
import { localPresetStore } from '../../src/state/importPresets';
import { ImportWizard } from '../../src/state/importWizard.svelte';

const utf8 = (s: string) => new TextEncoder().encode(s);

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    map,
  };
}

const LEADS = 'Lead ID,Company\nL1,Acme\nL2,Beta\n';
// every amount is a lone separator before three digits, so the values alone read 1.234 as one point
// two three four; this export writes decimal commas and thousands points, and "n.v." for no value
const DEALS = [
  'Deal ID,Lead ID,Stage,Amount,Close Date',
  'D1,L1,Closed Won,1.234,2024-01-05',
  'D2,L2,Closed Won,2.500,2024-01-06',
  'D3,L1,Closed Won,980,2024-01-07',
  'D4,L2,Closed Won,n.v.,2024-01-08',
].join('\n');

describe('decimal separator and marker helpers', () => {
  it('judges a column’s decimal separator from its values as number_profile.sql does', () => {
    const counts = (values: string[]) => new Map(values.map((v) => [v, 1]));
    expect(decimalOf(counts(['1.234,50', '99,00', '7']))).toMatchObject({ decimal: ',', reason: 'values' });
    expect(decimalOf(counts(['$1,234.50', '12.5', '(3.25)']))).toMatchObject({
      decimal: '.',
      reason: 'values',
    });
    const open = decimalOf(counts(['1.234', '2,500', '980']));
    expect(open).toMatchObject({ decimal: '.', reason: 'none' });
    expect(open.profile.loneSeparator).toBe(2);
    expect(decimalOf(counts(['1.234,5', '2.5', '3.5']))).toMatchObject({ decimal: '.', reason: 'mixed' });
    expect(decimalOf(counts(['１２,５０ €']))).toMatchObject({ decimal: ',', reason: 'values' });
  });

  it('reads a markers field as a trimmed lower-case list and shows defaults until one is given', () => {
    expect(parseMarkers(' N.V. , -,, n.v., tbd ')).toEqual(['n.v.', '-', 'tbd']);
    expect(parseMarkers('')).toEqual([]);
    expect(shownMarkers('deals', 'amount')).toContain('n/a');
    expect(shownMarkers('deals', 'amount')).not.toContain('');
    expect(shownMarkers('deals', 'amount', ['n.v.'])).toEqual(['n.v.']);
  });

  it('keeps decimal and marker choices in the preset by header and finds them after columns move', () => {
    const formats = presetColumnFormats(
      ['Deal', 'Betrag', 'Branche'],
      { deal_id: 0, amount: 1, stage: 2 },
      { amount: ',' },
      { amount: ['n.v.', '-'], stage: [] },
    );
    expect(Object.keys(formats)).toHaveLength(3);
    expect(formats.Betrag).toBe(',');
    const moved = columnFormatsFromPreset(
      ['Branche', 'Betrag', 'Deal'],
      { amount: 1, stage: 0 },
      ['amount'],
      formats,
    );
    expect(moved).toEqual({ decimals: { amount: ',' }, markers: { amount: ['n.v.', '-'], stage: [] } });
    // an unknown separator or a date order under a number's header is ignored
    expect(
      columnFormatsFromPreset(['Betrag'], { amount: 0 }, ['amount'], { Betrag: 'dmy' }).decimals,
    ).toEqual({});
  });
});

describe('the wizard’s decimal and marker pickers reach the load and the preset', () => {
  it('reads 1.234 as 1234 and n.v. as missing once the user says so, and remembers it next time', async () => {
    const storage = memoryStorage();
    const wizard = new ImportWizard(localPresetStore(storage), () => [], prepareSource);
    await wizard.stage([
      { name: 'leads.csv', bytes: utf8(LEADS) },
      { name: 'deals.csv', bytes: utf8(DEALS) },
    ]);
    const deals = wizard.staged[1];
    expect(deals.scan?.numbers.map((n) => [n.role, n.detection.decimal, n.detection.reason])).toEqual([
      ['amount', '.', 'none'],
    ]);
    wizard.setDecimal(deals.key, 'amount', ',');
    wizard.setMarkers(deals.key, 'amount', 'n.v., -');
    expect(wizard.staged[1].values).toEqual({
      decimals: { amount: ',' },
      markers: { amount: ['n.v.', '-'] },
    });
    const committed = wizard.commit()!;
    const options = formatOptionsOf(committed.files);
    expect(options).toEqual({
      decimalSeparators: { 'deals.amount': ',' },
      missingMarkers: { 'deals.amount': ['n.v.', '-'] },
    });

    const engine = await createNodeEngine();
    try {
      const report = await loadFiles(engine, committed.files, { ...options, today: '2024-06-01' });
      expect(report.columns.find((c) => c.key === 'deals.amount')?.number?.used).toBe(',');
      expect(report.problems.filter((p) => p.role === 'amount')).toEqual([]);
      const amounts = (await engine.query('SELECT deal_id, amount FROM deals ORDER BY deal_id'))
        .toArray()
        .map((r) => `${r.deal_id}:${r.amount}`);
      expect(amounts).toEqual(['D1:1234', 'D2:2500', 'D3:980', 'D4:null']);
    } finally {
      await engine.close();
    }

    // the same export next time: the preset brings both choices back, in its formats slot
    const saved = Object.values(JSON.parse(storage.map.get('scorelab.importPresets')!) as object)
      .map(parsePreset)
      .find((p) => p?.kind === 'deals');
    expect(saved?.formats.Amount).toBe(',');
    expect(saved?.values).toEqual({});
    const next = new ImportWizard(localPresetStore(storage), () => [], prepareSource);
    await next.stage([{ name: 'deals-again.csv', bytes: utf8(DEALS) }]);
    expect(next.staged[0].values).toEqual({ decimals: { amount: ',' }, markers: { amount: ['n.v.', '-'] } });

    // back to the detected separator and the default markers
    next.setDecimal(next.staged[0].key, 'amount', null);
    next.setMarkers(next.staged[0].key, 'amount', null);
    expect(formatOptionsOf(next.commit()!.files)).toEqual({});
  });

  it('without the choices the same file reads 1.234 as a fraction and reports n.v. as a bad number', async () => {
    const wizard = new ImportWizard(localPresetStore(memoryStorage()), () => [], prepareSource);
    await wizard.stage([
      { name: 'leads.csv', bytes: utf8(LEADS) },
      { name: 'deals.csv', bytes: utf8(DEALS) },
    ]);
    const committed = wizard.commit()!;
    const engine = await createNodeEngine();
    try {
      const report = await loadFiles(engine, committed.files, { today: '2024-06-01' });
      expect(report.problems.filter((p) => p.role === 'amount').map((p) => `${p.row}:${p.raw}`)).toEqual([
        '4:n.v.', // data row 4, deal D4
      ]);
      const d1 = await engine.query("SELECT amount FROM deals WHERE deal_id = 'D1'");
      expect(d1.toArray()[0].amount).toBe(1.234);
    } finally {
      await engine.close();
    }
  });
});
