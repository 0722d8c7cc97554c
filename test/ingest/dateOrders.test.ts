import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { dateOrderOf, parseOptionsOf } from '../../src/ingest/dateOrders';
import { loadFiles } from '../../src/ingest/load';
import { datesFromPreset, presetFormats } from '../../src/ingest/presets';
import { localPresetStore } from '../../src/state/importPresets';
import { ImportWizard } from '../../src/state/importWizard.svelte';
import { prepareSource } from '../../src/ingest/source';

const counts = (values: string[]) => new Map(values.map((v) => [v, 1]));

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

describe('day/month order from a column’s scanned values (the wizard asks once per column)', () => {
  it('is ambiguous when every day/month value fits both orders, decided by any part above 12', () => {
    expect(dateOrderOf(counts(['05/01/2024', '03/02/2024', '12.11.24'])).format).toBe('ambiguous');
    expect(dateOrderOf(counts(['05/01/2024', '31/01/2024'])).format).toBe('dmy');
    expect(dateOrderOf(counts(['05/01/2024', '01/31/2024'])).format).toBe('mdy');
    const mixed = dateOrderOf(
      new Map([
        ['31/01/2024', 2],
        ['01/31/2024', 1],
      ]),
    );
    expect([mixed.format, mixed.reason]).toEqual(['dmy', 'mixed']);
    // year-first and ISO values say nothing about the order
    const iso = dateOrderOf(counts(['2024-01-05', '2024/1/5', '2024-01-05T10:00:00']));
    expect([iso.format, iso.reason]).toEqual(['ymd', 'no-day-month']);
  });

  it('keeps answers in the preset by header and gives them back to whichever role maps that header', () => {
    const formats = presetFormats(['Deal', 'Closed On'], { deal_id: 0, closed_at: 1 }, { closed_at: 'dmy' });
    expect(formats).toEqual({ 'Closed On': 'dmy' });
    expect(datesFromPreset(['Closed On', 'Deal'], { deal_id: 1, closed_at: 0 }, formats)).toEqual({
      closed_at: 'dmy',
    });
    expect(datesFromPreset(['Closed On'], { closed_at: 0 }, { 'Closed On': 'dd/mm' })).toEqual({});
  });
});

const LEADS = 'Lead ID,Company,Created Date\nL1,Acme,2024-01-02\nL2,Beta,2024-01-03\n';
// every close date fits both orders: 05/01/2024 is 5 January (day first) or 1 May (month first)
const DEALS = 'Deal ID,Lead ID,Stage,Close Date\nD1,L1,Closed Won,05/01/2024\nD2,L2,Closed Lost,03/02/2024\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('the wizard’s day/month answer reaches the load and the preset', () => {
  it('reads an ambiguous column day first when the user says so, and asks no more next time', async () => {
    const presets = localPresetStore(memoryStorage());
    const wizard = new ImportWizard(presets, () => [], prepareSource);
    const sources = [
      { name: 'leads.csv', bytes: utf8(LEADS) },
      { name: 'deals.csv', bytes: utf8(DEALS) },
    ];
    await wizard.stage(sources);
    const deals = wizard.staged[1];
    expect(deals.scan?.dates.map((d) => [d.role, d.detection.format])).toEqual([['closed_at', 'ambiguous']]);
    wizard.setDateOrder(deals.key, 'closed_at', 'dmy');
    const committed = wizard.commit()!;
    expect(parseOptionsOf(committed.files)).toEqual({ dateFormats: { 'deals.closed_at': 'dmy' } });

    const engine = await createNodeEngine();
    const report = await loadFiles(engine, committed.files, {
      ...parseOptionsOf(committed.files),
      today: '2024-06-01',
    });
    const closed = report.columns.find((c) => c.key === 'deals.closed_at');
    expect(closed?.date?.used).toBe('dmy');
    expect(report.problems.filter((p) => p.problem === 'ambiguous_date')).toEqual([]);
    const days = await engine.query("SELECT strftime(max(closed_at), '%Y-%m-%d') AS d FROM deals");
    expect(days.toArray()[0].d).toBe('2024-02-03');

    // without an answer the same column's dates stay unread and are reported
    const plain = await loadFiles(
      await createNodeEngine(),
      committed.files.map((f) => ({ ...f, values: {} })),
      {
        today: '2024-06-01',
      },
    );
    expect(plain.problems.filter((p) => p.problem === 'ambiguous_date')).toHaveLength(2);

    // the answer was saved in the preset's formats slot, by header, and comes back
    const again = new ImportWizard(presets, () => [], prepareSource);
    await again.stage(sources);
    expect(again.staged[1].preset?.formats).toEqual({ 'Close Date': 'dmy' });
    expect(again.staged[1].values.dates).toEqual({ closed_at: 'dmy' });
  });
});
