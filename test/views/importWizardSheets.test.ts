import { describe, expect, it, vi } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { loadFiles } from '../../src/ingest/load';
import { prepareSource } from '../../src/ingest/source';
import { localPresetStore } from '../../src/state/importPresets';
import { ImportWizard } from '../../src/state/importWizard.svelte';
import { case6 } from '../fixtures/bad-inputs/formats';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  };
}

// the workbook as the fixture writes it (test/fixtures/bad-inputs/formats.ts): leads sheet 线索 with its
// header on row 4, data rows 5–9 and a 合计 row 10; deals sheet 商机 with 2 deals and a Total row 4
const LEADS_HEADER = ['客户编号', '公司名称', '所属行业', '区域', '创建日期', '年收入', '决策人'];
const DEALS_HEADER = ['商机编号', '客户编号', '销售阶段', '金额', '币种', '成交日期'];

async function stagedWorkbook() {
  const wizard = new ImportWizard(localPresetStore(memoryStorage()), () => [], prepareSource);
  const { workbook } = await case6();
  await wizard.stage([workbook]);
  expect(wizard.errors).toEqual([]);
  return { wizard, file: wizard.staged[0] };
}

describe('ImportWizard: XLSX sheet and header row', () => {
  it('stages the leads sheet with its sheets listed and the reader’s notes (title rows, totals row)', async () => {
    const { file } = await stagedWorkbook();
    expect(file.workbook?.sheet).toBe('线索');
    expect(file.workbook?.headerRow).toBe(4);
    expect(file.workbook?.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['说明', false],
      ['线索', false],
      ['商机', false],
      ['旧数据', true],
    ]);
    expect(file.prepared?.headers).toEqual(LEADS_HEADER);
    const notes = file.prepared?.notes ?? [];
    expect(notes.filter((n) => n.kind === 'title-row').map((n) => ('row' in n ? n.row : 0))).toEqual([1, 2]);
    const totals = notes.filter((n) => n.kind === 'totals-row');
    expect(totals.map((n) => ('row' in n ? n.row : 0))).toEqual([10]);
    expect(totals[0].raw).toContain('合计');
  });

  it('re-reads with another header row live, and back to the detected one', async () => {
    const { wizard, file } = await stagedWorkbook();
    await wizard.setHeaderRow(file.key, 5);
    const moved = wizard.staged[0];
    expect(moved.headerRow).toBe(5);
    expect(moved.workbook?.headerRow).toBe(5);
    // row 5 is the first lead: its cells as headers map to no kind of CRM file, and the card says so
    expect(moved.prepared).toBeNull();
    expect(moved.failure?.code).toBe('unknown-kind');
    expect(moved.failure?.detail).toContain('C001');
    await wizard.setHeaderRow(file.key, 4);
    const back = wizard.staged[0];
    expect(back.headerRow).toBeNull();
    expect(back.prepared?.headers).toEqual(LEADS_HEADER);
    expect(back.preview?.rows).toHaveLength(5);
  });

  it('keeps the chosen header row in the picker when that read fails (row 3 is empty)', async () => {
    const { wizard, file } = await stagedWorkbook();
    await wizard.setHeaderRow(file.key, 3); // row 3 is empty
    expect(wizard.staged[0].workbook?.headerRow).toBe(3);
    expect(wizard.staged[0].failure).not.toBeNull();
  });

  it('switches to the deals sheet, mapped as deals', async () => {
    const { wizard, file } = await stagedWorkbook();
    await wizard.setSheet(file.key, '商机');
    const deals = wizard.staged[0];
    expect(deals.workbook?.sheet).toBe('商机');
    expect(deals.prepared?.kind).toBe('deals');
    expect(deals.prepared?.headers).toEqual(DEALS_HEADER);
    expect(deals.preview?.rows).toHaveLength(2);
  });

  it('stages the deals sheet of the same workbook beside its leads sheet; both load', async () => {
    const { wizard, file } = await stagedWorkbook();
    expect(wizard.otherSheets(file.key).map((s) => s.name)).toEqual(['商机']);
    await wizard.addSheet(file.key, '商机');
    expect(wizard.staged.map((s) => [s.workbook?.sheet, s.prepared?.kind])).toEqual([
      ['线索', 'leads'],
      ['商机', 'deals'],
    ]);
    expect(wizard.otherSheets(file.key)).toEqual([]);
    await vi.waitFor(() => expect(wizard.links[0].stats?.matched).toBe(2));
    expect([wizard.links[0].leadsName, wizard.links[0].fileName]).toEqual([
      'crm-export.xlsx › 线索',
      'crm-export.xlsx › 商机',
    ]);
    const committed = wizard.commit();
    expect(committed?.errors).toEqual([]);
    // one workbook, two files: each named by its sheet too, so rows and problems tell them apart
    expect(committed?.files.map((f) => f.source.name)).toEqual([
      'crm-export.xlsx › 线索',
      'crm-export.xlsx › 商机',
    ]);
    const engine = await createNodeEngine();
    const report = await loadFiles(engine, committed!.files, { today: '2024-06-01' });
    expect(report.counts.leads).toBe(5);
    expect(report.counts.deals).toBe(2);
    const deals = report.files.find((f) => f.kind === 'deals');
    expect(deals?.name).toBe('crm-export.xlsx › 商机');
    expect(deals?.notes.map((n) => n.kind)).toEqual(['totals-row']);
  });
});
