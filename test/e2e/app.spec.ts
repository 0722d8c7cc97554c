import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  csvDataRows,
  dragSlider,
  foreignRequests,
  importFiles,
  leadCount,
  recordRequests,
  scoringSettled,
  SAMPLE_LEADS,
  tierCounts,
  waitReady,
} from './helpers';

const SHOTS = 'test-results/screenshots';
let requests: string[] = [];

test.beforeEach(async ({ page }) => {
  requests = recordRequests(page);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
});

test.afterEach(async ({ baseURL }) => {
  // nothing the app does may reach another origin: no CDN, no extension download, no telemetry
  expect(requests.length).toBeGreaterThan(0);
  expect(foreignRequests(requests, new URL(baseURL!).origin)).toEqual([]);
});

test('opens on the bundled sample with every lead scored into a tier', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  const expected = csvDataRows(SAMPLE_LEADS);
  expect(expected).toBe(12000);
  expect(await leadCount(page)).toBe(expected);
  const tiers = await tierCounts(page);
  expect(Object.keys(tiers)).toEqual(['A', 'B', 'C']);
  expect(Object.values(tiers).reduce((a, b) => a + b, 0)).toBe(expected);
  for (const n of Object.values(tiers)) expect(n).toBeGreaterThan(0);
  // the default model ranks won above lost leads far better than chance on the sample
  const aucValue = Number(await page.getByTestId('delta-auc').getAttribute('data-value'));
  expect(aucValue).toBeGreaterThan(0.65);
  expect(aucValue).toBeLessThan(1);
  await page.screenshot({ path: `${SHOTS}/tiers-en.png`, fullPage: true });
});

test('dragging a weight slider moves the tier counts at once', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  const before = await tierCounts(page);
  await dragSlider(page, 'weight-behaviour', 0.05);
  await expect.poll(async () => JSON.stringify(await tierCounts(page))).not.toBe(JSON.stringify(before));
  const after = await tierCounts(page);
  expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(12000);
  expect(Number(await page.getByTestId('weight-behaviour').inputValue())).toBeLessThan(60);
  // raising tier A's threshold can only shrink tier A
  await page.getByTestId('threshold-A').fill('85');
  await page.getByTestId('threshold-A').press('Enter');
  await expect.poll(async () => (await tierCounts(page)).A).toBeLessThanOrEqual(after.A);
  await page.screenshot({ path: `${SHOTS}/tiers-after-drag.png`, fullPage: true });
});

test('loads the GBK export with Chinese headers through the file input', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await importFiles(page, ['datasets/cn/leads-gbk.csv', 'datasets/cn/deals-gbk.csv']);
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(2000);
  await waitReady(page);
  // headers auto-mapped from Chinese names
  await expect(page.getByTestId('mapping-lead_id')).toHaveAttribute('data-header', '客户编号');
  await expect(page.getByTestId('mapping-industry')).toHaveAttribute('data-header', '行业');
  await expect(page.getByTestId('mapping-created_at')).toHaveAttribute('data-header', '创建时间');
  await expect(page.getByTestId('mapping-deals-stage')).toHaveAttribute('data-header', '阶段');
  await expect(page.locator('[data-testid="file-encoding"][data-value="gb18030"]')).toHaveCount(2);
  await expect(page.getByTestId('outcome-counts')).not.toHaveAttribute('data-won', '0');
  await page.screenshot({ path: `${SHOTS}/data-gbk.png`, fullPage: true });
  await page.getByTestId('nav-tiers').click();
  const tiers = await tierCounts(page);
  expect(Object.values(tiers).reduce((a, b) => a + b, 0)).toBe(2000);
  expect(tiers.A + tiers.B).toBeGreaterThan(0);
});

test('switching the language shows Chinese labels, and it persists', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.getByTestId('nav-tiers')).toHaveText('分级');
  await expect(page.getByTestId('nav-data')).toHaveText('数据');
  await expect(page.getByRole('heading', { level: 3, name: 'A 级' })).toBeVisible();
  await expect(page.getByText('维度权重')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/tiers-zh.png`, fullPage: true });
  await page.reload();
  await waitReady(page);
  await expect(page.getByTestId('nav-leads')).toHaveText('线索');
  await page.getByTestId('theme-switch').selectOption('dark');
  await page.getByTestId('nav-data').click();
  await page.screenshot({ path: `${SHOTS}/data-zh-dark.png`, fullPage: true });
});

test('a bad file gets a clear error and the app keeps working', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles('test/fixtures/e2e/not-a-csv.csv');
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('data-code', 'not-text');
  await expect(error).toContainText('not-a-csv.csv');
  await expect(error).toContainText('HTML');
  await page.screenshot({ path: `${SHOTS}/bad-file.png`, fullPage: true });
  // the previous data is still there and still live
  expect(await leadCount(page)).toBe(12000);
  await page.getByTestId('nav-tiers').click();
  const before = await tierCounts(page);
  await dragSlider(page, 'weight-fit', 0.95);
  await expect.poll(async () => JSON.stringify(await tierCounts(page))).not.toBe(JSON.stringify(before));
});

test('rejected lines and cells are reported with row, column and raw value', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await importFiles(page, 'test/fixtures/e2e/messy-leads.csv');
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(4);
  // M3 is a ragged line; M2 has "many" employees and an impossible date
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-value', '3');
  const table = page.getByTestId('problems-table');
  await expect(table).toContainText('M3;Gamma');
  await expect(table).toContainText('2024-02-30');
  await expect(table).toContainText('many');
  const download = page.waitForEvent('download');
  await page.getByTestId('problems-download').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text.startsWith('\uFEFFfile,position,number,column,raw_value,problem')).toBe(true);
  expect(text).toContain('messy-leads.csv,line,4,,M3;Gamma,rejected_line:MISSING COLUMNS');
  expect(text).toContain('messy-leads.csv,row,2,created_at,2024-02-30,bad_date');
  await page.screenshot({ path: `${SHOTS}/rejects.png`, fullPage: true });
});

test('the scored-leads export re-checks the numbers on screen', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  const onScreen = await tierCounts(page);
  await page.getByTestId('nav-leads').click();
  await expect(page.getByTestId('lead-row').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/leads.png`, fullPage: true });
  // the table's re-scores go without calibration; the export asks for it
  await scoringSettled(page);
  expect(await page.evaluate(() => window.__scorelabTest!.calibrated())).toBe(false);
  const download = page.waitForEvent('download');
  await page.getByTestId('leads-export').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trimEnd().split('\r\n');
  const header = lines[0].split(',');
  expect(header.slice(0, 3)).toEqual(['lead_id', 'company', 'country']);
  expect(lines.length - 1).toBe(12000);
  // recount tiers from the file with a quote-aware split and compare with the cards
  const tierCol = header.indexOf('tier');
  const counts: Record<string, number> = {};
  for (const line of lines.slice(1)) {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    counts[cells[tierCol]] = (counts[cells[tierCol]] ?? 0) + 1;
  }
  expect(counts).toEqual(onScreen);
  // the export waited for a re-score with the calibration, so every lead has its probability
  const pCol = header.indexOf('probability');
  const probabilities = lines.slice(1).map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));
    return Number(cells[pCol]);
  });
  expect(probabilities.filter((p) => !(p > 0 && p < 1))).toEqual([]);
  // and the table goes back to re-scoring without it
  await expect(page.getByTestId('leads-export')).toBeEnabled();
  await expect.poll(() => page.evaluate(() => window.__scorelabTest!.calibrated())).toBe(false);
  // filtering the table by tier shows exactly that tier's count
  await page.getByTestId('leads-tier-filter').selectOption({ label: 'A' });
  await expect(page.getByTestId('leads-shown')).toHaveAttribute('data-value', String(onScreen.A));
});

test('a manual mapping override reloads the data with the new roles', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  const before = await tierCounts(page);
  await expect(page.getByTestId('disqualified-count')).not.toHaveAttribute('data-value', '0');
  await page.getByTestId('nav-data').click();
  await expect(page.getByTestId('mapping-industry')).toHaveAttribute('data-header', 'industry');
  // unmap industry: the industry rule and the Government disqualifier no longer fire
  await page.getByTestId('mapping-industry').selectOption('');
  await page.getByTestId('mapping-apply').click();
  await waitReady(page);
  await expect(page.getByTestId('mapping-industry')).toHaveValue('');
  expect(await leadCount(page)).toBe(12000);
  await page.getByTestId('nav-tiers').click();
  await expect.poll(async () => JSON.stringify(await tierCounts(page))).not.toBe(JSON.stringify(before));
  await expect(page.getByTestId('disqualified-count')).toHaveCount(0);
});

test('the migration matrix shows the leads a weight change moves, and lists them on click', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  await expect(page.getByTestId('migration-moved')).toHaveAttribute('data-value', '0');
  await dragSlider(page, 'weight-fit', 0.9);
  await expect(page.getByTestId('migration-moved')).not.toHaveAttribute('data-value', '0');
  // the cells and the total are read together only once the drag's last result is in
  await scoringSettled(page);
  const cells = page.getByTestId('migration-cell');
  const values = await cells.evaluateAll((els) =>
    els.map((e) => ({ from: e.dataset.from!, to: e.dataset.to!, n: Number(e.dataset.value) })),
  );
  expect(values.reduce((s, c) => s + c.n, 0)).toBe(12000);
  const moved = values.filter((c) => c.from !== c.to && c.n > 0).sort((a, b) => b.n - a.n)[0];
  expect(Number(await page.getByTestId('migration-moved').getAttribute('data-value'))).toBe(
    values.filter((c) => c.from !== c.to).reduce((s, c) => s + c.n, 0),
  );
  // each tier's count equals its migration column's sum
  const tiers = await tierCounts(page);
  for (const [tier, count] of Object.entries(tiers))
    expect(values.filter((c) => c.to === tier).reduce((s, c) => s + c.n, 0)).toBe(count);
  await page.screenshot({ path: `${SHOTS}/migration.png`, fullPage: true });
  await page
    .locator(`[data-testid="migration-cell"][data-from="${moved.from}"][data-to="${moved.to}"]`)
    .click();
  await expect(page.getByTestId('leads-migration-filter')).toBeVisible();
  await expect(page.getByTestId('leads-shown')).toHaveAttribute('data-value', String(moved.n));
  // saving the scenario as the new baseline leaves nothing to migrate
  await page.getByTestId('nav-tiers').click();
  await page.getByTestId('baseline-save').click();
  await expect(page.getByTestId('migration-moved')).toHaveAttribute('data-value', '0');
});
