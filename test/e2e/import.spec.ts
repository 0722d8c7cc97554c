import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { CUSTOM_WON_STAGE, crmExport, LEADS, PLANTED } from '../fixtures/e2e/crmExport';
import { foreignRequests, leadCount, recordRequests, tierCounts, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';
let requests: string[] = [];

test.beforeEach(async ({ page }) => {
  requests = recordRequests(page);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
});

test.afterEach(async ({ baseURL }) => {
  expect(foreignRequests(requests, new URL(baseURL!).origin)).toEqual([]);
});

const staged = (page: Page, name: string) => page.locator(`[data-testid="import-file"][data-file="${name}"]`);
const column = (page: Page, file: string, header: string) =>
  staged(page, file).locator(`[data-testid="import-column"][data-header="${header}"]`);
const valueRow = (page: Page, file: string, block: string, value: string) =>
  staged(page, file).getByTestId(block).locator(`[data-testid="value-map-row"][data-value="${value}"]`);

test('a multi-file export with a messy deals file goes through the wizard; every problem reported, the numbers right', async ({
  page,
}) => {
  const crm = crmExport();
  // expected outcomes worked out from the generated records: the custom stage is mapped to won below
  const wonStages = new Set(['Closed Won', CUSTOM_WON_STAGE]);
  const leadIds = new Set(crm.leads.map((l) => l.id));
  const outcome = new Map<string, string>();
  for (const d of crm.deals) {
    if (!leadIds.has(d.lead)) continue;
    const o = wonStages.has(d.stage) ? 'won' : d.stage === 'Closed Lost' ? 'lost' : 'open';
    const before = outcome.get(d.lead) ?? 'open';
    outcome.set(
      d.lead,
      before === 'won' || o === 'won' ? 'won' : before === 'lost' || o === 'lost' ? 'lost' : 'open',
    );
  }
  const expected = { won: 0, lost: 0, open: 0 };
  for (const id of leadIds) expected[(outcome.get(id) ?? 'open') as keyof typeof expected]++;
  const dealsPerLead = new Map<string, number>();
  for (const d of crm.deals) dealsPerLead.set(d.lead, (dealsPerLead.get(d.lead) ?? 0) + 1);
  dealsPerLead.delete(PLANTED.unknownLead);

  await page.goto('./');
  await waitReady(page);
  const sampleLeads = await leadCount(page);
  await page.getByTestId('nav-data').click();
  await page
    .getByTestId('file-input')
    .setInputFiles([crm.files.leads, crm.files.deals, crm.files.activities]);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-file')).toHaveCount(3);
  // nothing has replaced the sample yet
  expect(await leadCount(page)).toBe(sampleLeads);

  const deals = crm.files.deals.name;
  await expect(staged(page, deals)).toHaveAttribute('data-kind', 'deals');
  await expect(staged(page, deals).getByTestId('import-encoding')).toHaveAttribute('data-value', 'utf-8');
  await expect(staged(page, deals).getByTestId('import-preview')).toHaveAttribute('data-rows', '20');
  await expect(staged(page, deals).getByTestId('import-preview')).toContainText('1.234,50');
  // the preview's per-column kinds and problems: one bad amount and one impossible date among the 20 rows
  await expect(column(page, deals, 'Amount')).toHaveAttribute('data-kind', 'number');
  await expect(column(page, deals, 'Amount')).toContainText('1 of 20 not a number');
  await expect(column(page, deals, 'Close Date')).toHaveAttribute('data-kind', 'date');
  await expect(column(page, deals, 'Close Date')).toContainText('1 of 20 not a date');
  // the roles matched from the Salesforce-like headers
  await expect(staged(page, deals).getByTestId('import-mapping-deals-stage')).toHaveAttribute(
    'data-header',
    'Stage',
  );
  await expect(staged(page, deals).getByTestId('import-mapping-deals-closed_at')).toHaveAttribute(
    'data-header',
    'Close Date',
  );
  // the link: one lead → up to 4 deals, the orphan deal counted out
  const dealLink = page.locator('[data-testid="import-link"][data-kind="deals"]');
  await expect(dealLink).toHaveAttribute('data-max', String(Math.max(...dealsPerLead.values())));
  await expect(dealLink).toHaveAttribute('data-max', '4');
  await expect(dealLink).toHaveAttribute('data-rows', String(crm.deals.length));
  await expect(dealLink).toHaveAttribute('data-matched', String(crm.deals.length - 1));
  await expect(dealLink).toContainText('1 lead → up to 4 deals');
  // stage values: Salesforce names suggested, the custom stage left open until the user says won
  await expect(valueRow(page, deals, 'value-map-stage', 'Closed Won')).toHaveAttribute('data-meaning', 'won');
  await expect(valueRow(page, deals, 'value-map-stage', 'Closed Lost')).toHaveAttribute(
    'data-meaning',
    'lost',
  );
  await expect(valueRow(page, deals, 'value-map-stage', 'Negotiation')).toHaveAttribute(
    'data-meaning',
    'open',
  );
  const custom = valueRow(page, deals, 'value-map-stage', CUSTOM_WON_STAGE);
  await expect(custom).toHaveAttribute('data-meaning', 'open');
  await custom.getByTestId('value-map-select').selectOption('won');
  await expect(custom).toHaveAttribute('data-meaning', 'won');
  await expect(staged(page, deals).getByTestId('import-preset-pending')).toBeVisible();
  // yes/no values of the leads file
  await expect(valueRow(page, crm.files.leads.name, 'value-map-budget_confirmed', 'No')).toHaveAttribute(
    'data-meaning',
    'false',
  );
  await page.screenshot({ path: `${SHOTS}/import-wizard-en.png`, fullPage: true });

  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(LEADS);
  await waitReady(page);

  const counts = page.getByTestId('outcome-counts');
  await expect(counts).toHaveAttribute('data-won', String(expected.won));
  await expect(counts).toHaveAttribute('data-lost', String(expected.lost));
  await expect(counts).toHaveAttribute('data-open', String(expected.open));
  await expect(page.locator('[data-testid="loaded-file"][data-kind="deals"]')).toContainText(
    String(crm.deals.length),
  );

  // every planted problem, and nothing else: a bad amount, an impossible date, an orphan deal, a ragged line
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-value', '4');
  const download = page.waitForEvent('download');
  await page.getByTestId('problems-download').click();
  const report = readFileSync(await (await download).path(), 'utf8');
  const dealRow = (i: number) => i + 1;
  expect(report).toContain(`${deals},row,${dealRow(2)},amount,${PLANTED.badAmount},bad_number`);
  expect(report).toContain(`${deals},row,${dealRow(5)},closed_at,${PLANTED.badDate},bad_date`);
  expect(report).toContain(`${PLANTED.unknownLead},unknown_lead`);
  // the raw line holds a comma, so the CSV quotes it
  expect(report).toContain(`${crm.files.activities.name},line,12,,"${PLANTED.raggedLine}",rejected_line`);
  await page.screenshot({ path: `${SHOTS}/import-loaded.png`, fullPage: true });

  await page.getByTestId('nav-tiers').click();
  const tiers = await tierCounts(page);
  expect(Object.values(tiers).reduce((a, b) => a + b, 0)).toBe(LEADS);

  // the same export again: the saved preset maps it (the custom stage is won), and can be forgotten
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles(crm.files.deals);
  await expect(staged(page, deals).getByTestId('import-preset')).toBeVisible();
  await expect(custom).toHaveAttribute('data-meaning', 'won');
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(page.getByTestId('import-load')).toHaveText('加载');
  await page.screenshot({ path: `${SHOTS}/import-wizard-zh.png`, fullPage: true });
  await page.getByTestId('lang-switch').selectOption('en');
  await staged(page, deals).getByTestId('import-preset-forget').click();
  await expect(staged(page, deals).getByTestId('import-preset')).toHaveCount(0);
  await expect(custom).toHaveAttribute('data-meaning', 'open');
  // Cancel leaves the loaded data as it was
  await page.getByTestId('import-cancel').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  await expect(counts).toHaveAttribute('data-won', String(expected.won));
  expect(await leadCount(page)).toBe(LEADS);
});

test('a GBK file read as another encoding shows the re-decoded preview; back to GBK it loads', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles('datasets/cn/leads-gbk.csv');
  const file = staged(page, 'leads-gbk.csv');
  const encoding = file.getByTestId('import-encoding');
  await expect(encoding).toHaveAttribute('data-value', 'gb18030');
  await expect(encoding).toContainText('detected GBK, converted');
  const preview = file.getByTestId('import-preview');
  await expect(preview).toContainText('客户编号');

  await file.getByTestId('import-encoding-select').selectOption('windows-1252');
  await expect(encoding).toHaveAttribute('data-value', 'windows-1252');
  // the same bytes as Windows-1252: no Chinese left, the headers no longer name a known kind of file
  await expect(preview).not.toContainText('客户编号');
  const mojibake = new TextDecoder('windows-1252').decode(
    readFileSync('datasets/cn/leads-gbk.csv').subarray(0, 4),
  );
  await expect(preview).toContainText(mojibake);
  await expect(file.getByTestId('import-error')).toHaveAttribute('data-code', 'unknown-kind');
  await expect(page.getByTestId('import-load')).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/import-encoding-override.png`, fullPage: true });

  await file.getByTestId('import-encoding-select').selectOption('gb18030');
  await expect(preview).toContainText('客户编号');
  await expect(file.getByTestId('import-error')).toHaveCount(0);
  await page.getByTestId('import-load').click();
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(2000);
});

test('several files with one bad: the good ones load, the bad one keeps its own message', async ({
  page,
}) => {
  const crm = crmExport();
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles([
    crm.files.leads,
    {
      name: 'not-a-csv.csv',
      mimeType: 'text/csv',
      buffer: readFileSync('test/fixtures/e2e/not-a-csv.csv'),
    },
  ]);
  await expect(page.getByTestId('import-file')).toHaveCount(1);
  await expect(page.getByTestId('import-error')).toHaveAttribute('data-file', 'not-a-csv.csv');
  await page.getByTestId('import-load').click();
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(LEADS);
  await expect(page.getByTestId('import-error')).toHaveAttribute('data-code', 'not-text');
});
