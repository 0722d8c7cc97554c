import { expect, test, type Page } from '@playwright/test';
import { foreignRequests, leadCount, recordRequests, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';
let requests: string[] = [];

test.beforeEach(async ({ page }) => {
  requests = recordRequests(page);
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
});

test.afterEach(async ({ baseURL }) => {
  expect(foreignRequests(requests, new URL(baseURL!).origin)).toEqual([]);
});

const INDUSTRIES = ['Manufacturing', 'Pharma', 'Energy', 'Software', 'Logistics', 'Retail'];
const ACCOUNTS = INDUSTRIES.map((industry, k) => ({
  id: `C${k + 1}`,
  name: `Firma ${k + 1} GmbH`,
  industry,
  employees: 100 * (k + 1),
}));
const LEADS = 30;
const UNKNOWN_ID = 'C99';

/**
 * 30 leads: every third names its account by id (and no company), the rest by a company name written
 * differently from the accounts file ("FIRMA 3", "firma 3 gmbh"); odd leads carry their own industry; the
 * last lead has an id the accounts file lacks and a company it does not list.
 */
function exportFiles() {
  const leads = Array.from({ length: LEADS }, (_, k) => {
    const i = k + 1;
    const account = ACCOUNTS[i % ACCOUNTS.length];
    const n = (i % ACCOUNTS.length) + 1; // its account's number: "Firma <n> GmbH"
    const last = i === LEADS;
    return {
      id: `L${String(i).padStart(2, '0')}`,
      accountId: last ? UNKNOWN_ID : i % 3 === 0 ? account.id : '',
      company: last ? 'Nobody AG' : i % 3 === 0 ? '' : i % 2 ? `FIRMA ${n}` : `firma ${n} gmbh`,
      industry: i % 2 ? 'Retail' : '',
      account: last ? null : account,
    };
  });
  const leadsCsv = [
    'Lead ID,Company,Industry,Account ID,Created Date',
    ...leads.map((l, k) => `${l.id},${l.company},${l.industry},${l.accountId},2025-0${1 + (k % 9)}-15`),
  ].join('\n');
  const accountsCsv = [
    '公司编号,公司名称,所属行业,员工人数',
    ...ACCOUNTS.map((a) => `${a.id},${a.name},${a.industry},${a.employees}`),
  ].join('\n');
  const dealsCsv = [
    'Deal ID,Lead ID,Stage,Amount,Close Date',
    ...leads
      .filter((_, k) => k % 2 === 0)
      .map((l, k) => `D${k},${l.id},${k % 3 === 0 ? 'Closed Won' : 'Closed Lost'},1000,2025-10-01`),
  ].join('\n');
  const file = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  return {
    leads,
    files: [file('leads.csv', leadsCsv), file('公司.csv', accountsCsv), file('deals.csv', dealsCsv)],
  };
}

const linkOf = (page: Page) => page.locator('[data-testid="import-link"][data-kind="accounts"]');

test('an accounts file links to the leads by id or company name and fills their empty industry', async ({
  page,
}) => {
  const { leads, files } = exportFiles();
  const linked = leads.filter((l) => l.account);
  const byId = linked.filter((l) => l.accountId !== '').length;
  const perAccount = new Map<string, number>();
  for (const l of linked) perAccount.set(l.account!.id, (perAccount.get(l.account!.id) ?? 0) + 1);
  const maxPerAccount = Math.max(...perAccount.values());
  // a lead's own industry wins; an empty one takes its account's
  const industryCount = new Map<string, number>();
  for (const l of leads) {
    const industry = l.industry || l.account?.industry;
    if (industry) industryCount.set(industry, (industryCount.get(industry) ?? 0) + 1);
  }

  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.locator('[data-testid="import-file"][data-file="公司.csv"]')).toHaveAttribute(
    'data-kind',
    'accounts',
  );
  // the wizard's link preview: by id, then by name; one account to many leads
  const link = linkOf(page);
  await expect(link).toHaveAttribute('data-by', 'id');
  await expect(link).toHaveAttribute('data-rows', String(LEADS));
  await expect(link).toHaveAttribute('data-matched', String(linked.length));
  await expect(link).toHaveAttribute('data-max', String(maxPerAccount));
  await expect(link).toContainText(`1 account → up to ${maxPerAccount} leads`);
  await page.screenshot({ path: `${SHOTS}/accounts-wizard.png`, fullPage: true });

  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(LEADS);
  await waitReady(page);

  await expect(page.locator('[data-testid="loaded-file"][data-kind="accounts"]')).toContainText('公司.csv');
  const summary = page.getByTestId('account-link');
  await expect(summary).toHaveAttribute('data-accounts', String(ACCOUNTS.length));
  await expect(summary).toHaveAttribute('data-linked', String(linked.length));
  await expect(summary).toHaveAttribute('data-by-id', String(byId));
  await expect(summary).toHaveAttribute('data-by-name', String(linked.length - byId));
  await expect(summary).toHaveAttribute('data-max', String(maxPerAccount));
  const emptyIndustries = linked.filter((l) => !l.industry).length;
  await expect(page.getByTestId('account-fills')).toContainText(`Industry ${emptyIndustries}`);
  // the one problem: the lead whose account id is not in the accounts file
  await expect(page.getByTestId('problem-count')).toHaveAttribute('data-value', '1');
  await expect(page.getByTestId('problems-table')).toContainText(UNKNOWN_ID);
  await expect(page.getByTestId('problems-table')).toContainText('no account with this id');
  // the data-quality panel covers the accounts file's columns too
  const accountsIndustry = page.locator(
    '[data-testid="quality-column"][data-file="公司.csv"][data-column="所属行业"]',
  );
  await expect(accountsIndustry).toHaveAttribute('data-distinct', String(ACCOUNTS.length));
  await expect(accountsIndustry).toHaveAttribute('data-missing-count', '0');
  await summary.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/accounts-loaded.png` });
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await expect(summary).toContainText('线索 ↔ 公司');
  await expect(summary).toContainText(`按公司编号 ${byId} 条`);
  await page.screenshot({ path: `${SHOTS}/accounts-loaded-zh.png` });
  await page.getByTestId('lang-switch').selectOption('en');

  // the filled industries are what the model sees: the rule editor's values and their lead counts
  await page.getByTestId('nav-model').click();
  await page.getByTestId('add-rule-fit').click();
  await page.getByTestId('add-rule-field').selectOption('industry');
  for (const [industry, n] of industryCount)
    await expect(page.locator(`[data-testid="add-rule-value"][data-value="${industry}"]`)).toHaveAttribute(
      'data-n',
      String(n),
    );
  await expect(page.getByTestId('add-rule-value')).toHaveCount(industryCount.size);
});
