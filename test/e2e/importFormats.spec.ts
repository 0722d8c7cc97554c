// Import formats through the wizard (issue 7, BAD-INPUTS 6): an XLSX workbook with a title row, serial
// dates, an error cell and Total rows on two sheets, and a gzip-compressed CSV. Expected numbers come from
// the generated records (test/fixtures/e2e/workbookExport.ts), not from the app.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LEADS_HEADER_ROW, workbookExport } from '../fixtures/e2e/workbookExport';
import { foreignRequests, recordRequests, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let requests: string[] = [];

test.beforeEach(async ({ page }) => {
  requests = recordRequests(page);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
});

test.afterEach(async ({ baseURL }) => {
  expect(foreignRequests(requests, new URL(baseURL!).origin)).toEqual([]);
});

const card = (page: Page, sheet: string) =>
  page.locator(`[data-testid="import-file"][data-sheet="${sheet}"]`);
const note = (page: Page, sheet: string, kind: string, row: number) =>
  card(page, sheet).locator(`[data-testid="source-note"][data-kind="${kind}"][data-row="${row}"]`);

test('an XLSX workbook: sheet and header-row pickers, the reader’s notes, totals rows counted as rejected, the right lead count', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const book = await workbookExport();
  const won = book.deals.filter((d) => d.stage === 'Closed Won').length;
  const first = book.leads[0];

  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page
    .getByTestId('file-input')
    .setInputFiles([{ name: book.xlsx.name, mimeType: XLSX_MIME, buffer: Buffer.from(book.xlsx.bytes) }]);
  await expect(page.getByTestId('import-wizard')).toBeVisible();

  // the leads sheet is chosen over the notes sheet, its header found below the title row
  const leads = card(page, 'Leads');
  await expect(leads).toHaveAttribute('data-kind', 'leads');
  await expect(leads.getByTestId('import-format')).toHaveAttribute('data-value', 'xlsx');
  await expect(leads.getByTestId('import-sheet-select')).toBeVisible();
  await expect(leads.getByTestId('import-sheet-select')).toHaveValue('Leads');
  await expect(leads.getByTestId('import-header-row')).toHaveValue(String(LEADS_HEADER_ROW));
  await expect(leads.getByTestId('import-encoding-select')).toHaveCount(0);
  // serial dates read as dates; the Total row is not previewed
  await expect(leads.getByTestId('import-preview')).toHaveAttribute('data-rows', '20');
  await expect(leads.getByTestId('import-preview')).toContainText(first.created);
  // the notes: the title row skipped, the Total row excluded (with its raw text), the error cell
  await expect(note(page, 'Leads', 'title-row', 1)).toContainText('Leads report');
  await expect(note(page, 'Leads', 'totals-row', book.totalsRows.leads)).toContainText('Total');
  await expect(note(page, 'Leads', 'error-cell', LEADS_HEADER_ROW + 2)).toContainText('#N/A');

  // a header row the user picks is read live; back to the detected one
  await leads.getByTestId('import-header-row').selectOption('1');
  await expect(leads.getByTestId('import-error')).toBeVisible();
  await expect(leads.getByTestId('import-header-row')).toHaveValue('1');
  await leads.getByTestId('import-header-row').selectOption(String(LEADS_HEADER_ROW));
  await expect(leads.getByTestId('import-error')).toHaveCount(0);
  await expect(leads.getByTestId('import-preview')).toContainText(first.created);

  await leads.screenshot({ path: `${SHOTS}/import-xlsx-sheet-picker.png` });
  // the deals sheet of the same workbook staged as a file of its own
  await leads.locator('[data-testid="import-add-sheet"][data-sheet="Deals"]').click();
  await expect(page.getByTestId('import-file')).toHaveCount(2);
  const deals = card(page, 'Deals');
  await expect(deals).toHaveAttribute('data-kind', 'deals');
  await expect(note(page, 'Deals', 'totals-row', book.totalsRows.deals)).toBeVisible();
  const link = page.locator('[data-testid="import-link"][data-kind="deals"]');
  await expect(link).toBeVisible();
  await expect(leads.locator('[data-testid="import-add-sheet"]')).toHaveCount(0);

  await page.screenshot({ path: `${SHOTS}/import-xlsx-en.png`, fullPage: true });
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(leads.getByTestId('import-format')).toContainText('Excel 工作簿');
  await page.screenshot({ path: `${SHOTS}/import-xlsx-zh.png`, fullPage: true });
  await page.getByTestId('lang-switch').selectOption('en');

  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  await expect(page.getByTestId('lead-count')).toHaveAttribute('data-value', String(book.leads.length), {
    timeout: 60_000,
  });
  await waitReady(page);
  await expect(page.getByTestId('outcome-counts')).toHaveAttribute('data-won', String(won));
  // the two Total rows are what the readers excluded: counted and downloadable with their raw text
  await expect(page.getByTestId('reject-count')).toHaveAttribute('data-value', '2');
  await expect(
    page.locator('[data-testid="loaded-file"][data-kind="leads"] [data-testid="file-format"]'),
  ).toHaveAttribute('data-value', 'xlsx');
  await expect(page.locator('[data-testid="source-note"][data-kind="totals-row"]')).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page.getByTestId('rejected-download').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  // two sheets of one workbook loaded: each file is named by its sheet too
  expect(csv).toContain(`${book.xlsx.name} › Leads,${book.totalsRows.leads},totals-row,`);
  expect(csv).toContain(`${book.xlsx.name} › Deals,${book.totalsRows.deals},totals-row,`);
  // the created dates were read from serials: none failed
  const created = page.locator(
    `[data-testid="quality-column"][data-file="${book.xlsx.name} › Leads"][data-column="Created Date"]`,
  );
  await expect(created).toHaveAttribute('data-failures', '0', { timeout: 90_000 });
  await page.screenshot({ path: `${SHOTS}/import-xlsx-loaded.png`, fullPage: true });
});

test('a gzip-compressed CSV is inflated, previewed as text and loads', async ({ page }) => {
  const book = await workbookExport(17);
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page
    .getByTestId('file-input')
    .setInputFiles([
      { name: book.gzipCsv.name, mimeType: 'application/gzip', buffer: Buffer.from(book.gzipCsv.bytes) },
    ]);
  const file = page.locator(`[data-testid="import-file"][data-file="${book.gzipCsv.name}"]`);
  await expect(file).toHaveAttribute('data-kind', 'leads');
  await expect(file.getByTestId('import-format')).toHaveAttribute('data-value', 'csv.gz');
  await expect(file.getByTestId('import-encoding')).toHaveAttribute('data-value', 'utf-8');
  await expect(file.getByTestId('import-sheet')).toHaveCount(0);
  await expect(file.getByTestId('import-preview')).toContainText(book.leads[0].company);
  // every created date fits both orders: asked once for the column, answered day first
  const order = file.getByTestId('import-date-order-created_at');
  await expect(order).toHaveAttribute('data-detected', 'ambiguous');
  await expect(file.getByTestId('import-date-unset')).toBeVisible();
  await order.selectOption('dmy');
  await expect(file.getByTestId('import-date-unset')).toHaveCount(0);
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  await expect(page.getByTestId('lead-count')).toHaveAttribute('data-value', String(book.leads.length), {
    timeout: 60_000,
  });
  await waitReady(page);
  await expect(
    page.locator('[data-testid="loaded-file"][data-kind="leads"] [data-testid="file-format"]'),
  ).toHaveAttribute('data-value', 'csv.gz');
  await expect(page.getByTestId('reject-count')).toHaveAttribute('data-value', '0');
  // read day first: no date failed, and the data ends on the latest created date so read
  const created = page.locator(
    `[data-testid="quality-column"][data-file="${book.gzipCsv.name}"][data-column="Created Date"]`,
  );
  await expect(created).toHaveAttribute('data-failures', '0', { timeout: 90_000 });
  const latest = [...book.gzipCreated].sort().at(-1)!;
  await expect(page.getByTestId('data-end-date')).toHaveAttribute('data-value', latest);
});
