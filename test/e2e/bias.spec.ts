import { expect, test, type Page } from '@playwright/test';
import { importFiles, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';

const biasRow = (page: Page, segment: string) =>
  page.locator(`[data-testid="bias-row"][data-segment="${segment}"]`);

test('the bias view flags the planted segments and follows a fix made in the model editor', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-bias').click();
  await page.getByTestId('bias-segment-column').selectOption('lead_source');
  await expect(biasRow(page, 'Referral')).toHaveAttribute('data-flag', 'under');
  const referral = biasRow(page, 'Referral');
  const gapBefore = Number(await referral.getAttribute('data-gap'));
  expect(gapBefore).toBeGreaterThan(0.2);
  // actual − expected, as the row's own numbers say
  const actual = Number(await referral.getAttribute('data-actual'));
  const expected = Number(await referral.getAttribute('data-expected'));
  expect(Math.abs(actual - expected - gapBefore)).toBeLessThan(1e-12);
  await page.screenshot({ path: `${SHOTS}/bias.png`, fullPage: true });

  // owners: only Derek Holt is flagged; the focus card contrasts his rules, one click opens the editor
  await page.getByTestId('bias-segment-column').selectOption('owner');
  await expect(biasRow(page, 'Derek Holt')).toHaveAttribute('data-flag', 'over');
  await expect(page.locator('[data-testid="bias-row"][data-flag="under"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="bias-row"][data-flag="over"]')).toHaveCount(1);
  await expect(page.getByTestId('bias-focus')).toHaveAttribute('data-segment', 'Derek Holt');

  // an intersection heatmap, and every segment of a column with a small one greyed as too few
  await page.getByTestId('bias-segment-column').selectOption('region');
  await page.getByTestId('bias-second-column').selectOption('employees');
  await expect(page.getByTestId('bias-heatmap')).toBeVisible();
  await expect(biasRow(page, 'Latin America')).toHaveAttribute('data-flag', 'under');
  await page.getByTestId('bias-reference').selectOption({ label: 'Europe' });
  await expect(
    page.locator('[data-testid="disparity-row"][data-segment="Europe"] [data-metric="selectionRate"]'),
  ).toHaveAttribute('data-ratio', '1');
  await page.screenshot({ path: `${SHOTS}/bias-intersection.png`, fullPage: true });

  // fix the Referral bias in the editor: a lead-source rule worth 60 fit points
  await page.getByTestId('bias-second-column').selectOption('');
  await page.getByTestId('bias-segment-column').selectOption('lead_source');
  await expect(biasRow(page, 'Referral')).toHaveAttribute('data-flag', 'under');
  await page.getByTestId('nav-model').click();
  await page.getByTestId('add-rule-fit').click();
  await page.getByTestId('add-rule-field').selectOption('lead_source');
  await page.locator('[data-testid="add-rule-value"][data-value="Referral"]').check();
  await page.getByTestId('add-rule-points').fill('60');
  await page.getByTestId('add-rule-submit').click();
  await page.getByTestId('nav-bias').click();
  await expect
    .poll(async () => Number(await biasRow(page, 'Referral').getAttribute('data-gap')), { timeout: 30_000 })
    .toBeLessThan(gapBefore * 0.6);
});

test('a segment with a handful of leads is too few to judge: no flag, no ratio, its n said', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await importFiles(page, ['datasets/cn/leads-gbk.csv', 'datasets/cn/deals-gbk.csv']);
  await expect(page.getByTestId('lead-count')).toHaveAttribute('data-value', '2000', { timeout: 60_000 });
  await waitReady(page);
  await page.getByTestId('nav-bias').click();
  await page.getByTestId('bias-segment-column').selectOption('country');
  const tooFew = page.locator('[data-testid="bias-row"][data-flag="too-few"]').first();
  await expect(tooFew).toContainText(/Too few to judge \(n = \d+/);
  // METRICS.md: fewer than 30 resolved leads or fewer than 5 wins
  const [, n, wins] = /n = ([\d,]+), ([\d,]+)/
    .exec(await tooFew.innerText())!
    .map((x) => x.replaceAll(',', ''));
  expect(Number(n) < 30 || Number(wins) < 5).toBe(true);
  expect(Number(await tooFew.getAttribute('data-n'))).toBe(Number(n));
  // O/E, z and the adjusted p are dashes, never an extreme number
  for (const cell of [6, 7, 8]) await expect(tooFew.locator('td').nth(cell)).toHaveText('—');
  await page.screenshot({ path: `${SHOTS}/bias-too-few.png`, fullPage: true });
});
