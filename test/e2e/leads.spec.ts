import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SAMPLE_LEADS, waitReady } from './helpers';

/** The sample's data rows as cells, split quote-aware and unquoted. */
function sampleRows(): string[][] {
  const lines = readFileSync(SAMPLE_LEADS, 'utf8').trimEnd().split(/\r?\n/).slice(1);
  const unquote = (c: string) => (c.startsWith('"') ? c.slice(1, -1).replace(/""/g, '"') : c);
  return lines.map((line) =>
    line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => unquote(c.replace(/,$/, ''))),
  );
}

test('the Leads table filters by text and sorts by a text column, both done in the kernel worker', async ({
  page,
}) => {
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  const needle = 'l00012';
  // expected from the file: the rows whose line holds the text anywhere (here only in lead_id), by company
  const rows = sampleRows().filter((cells) => cells.join(',').toLowerCase().includes(needle));
  expect(rows.length).toBeGreaterThan(1);
  const byCompany = [...rows].sort(
    (a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) || (a[0] < b[0] ? -1 : 1),
  );

  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-leads').click();
  await expect(page.getByTestId('lead-row').first()).toBeVisible();
  await page.getByTestId('leads-filter').fill(needle.toUpperCase());
  await expect(page.getByTestId('leads-shown')).toHaveAttribute('data-value', String(rows.length));
  await page.getByRole('columnheader').filter({ hasText: 'Company' }).getByRole('button').click();
  await expect(page.getByTestId('lead-row').first()).toHaveAttribute('data-lead', byCompany[0][0]);
  await expect(page.getByTestId('lead-row').last()).toHaveAttribute('data-lead', byCompany.at(-1)![0]);
  // again: descending
  await page.getByRole('columnheader').filter({ hasText: 'Company' }).getByRole('button').click();
  await expect(page.getByTestId('lead-row').first()).toHaveAttribute('data-lead', byCompany.at(-1)![0]);
  await expect(page.getByTestId('leads-shown')).toHaveAttribute('data-value', String(rows.length));
});

test('the Leads table scrolls through every row: pages beyond the first come with the next re-score', async ({
  page,
}) => {
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  // expected from the file: every lead by company, ties in file order (a stable sort)
  const byCompany = sampleRows().sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-leads').click();
  await page.getByRole('columnheader').filter({ hasText: 'Company' }).getByRole('button').click();
  const rows = page.getByTestId('lead-row');
  await expect(rows.first()).toHaveAttribute('data-lead', byCompany[0][0]);
  const top = (row: typeof rows) => row.evaluate((el) => parseFloat((el as HTMLElement).style.top));
  const rowHeight = (await top(rows.nth(1))) - (await top(rows.nth(0)));
  expect(rowHeight).toBeGreaterThan(0);
  const table = page.getByTestId('leads-table');
  // the middle of the table and its last row, each far past the first page
  for (const at of [6000, byCompany.length - 1]) {
    await table.evaluate((el, y) => (el.scrollTop = y), at * rowHeight);
    const row = page.locator(`[data-testid="lead-row"][data-at="${at}"]`);
    await expect(row).toHaveAttribute('data-lead', byCompany[at][0]);
  }
  await expect(rows.last()).toHaveAttribute('data-lead', byCompany.at(-1)![0]);
});
