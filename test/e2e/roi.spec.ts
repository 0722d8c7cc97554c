import { expect, test, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importFiles, settledValue, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';

/** How many lines each element's text is laid out on. */
const lineCounts = (cells: Locator) =>
  cells.evaluateAll((els) =>
    els.map((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }),
  );

const cell = (page: Page, quarter: string, tier: string) =>
  page.locator(`[data-testid="roi-cell"][data-quarter="${quarter}"][data-tier="${tier}"]`);

test('ROI per quarter and tier follows costs and capacity; scoring beats random', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-roi').click();
  const a = cell(page, '2025-Q4', 'A');
  await expect(a).toBeVisible();
  // the quarter × tier table scrolls inside its card: in a narrow window the page is no wider than it
  const window = page.viewportSize()!;
  await page.setViewportSize({ width: 1000, height: window.height });
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
    .toBeLessThanOrEqual(1000);
  await page.setViewportSize(window);
  const workedA = await a.locator('td').nth(3).innerText();
  const costBefore = Number(await a.getAttribute('data-cost'));
  expect(Number(workedA.replaceAll(',', ''))).toBeGreaterThan(0);
  // cost = worked × cost per A lead (150 by default): doubling the cost doubles it
  expect(costBefore).toBe(Number(workedA.replaceAll(',', '')) * 150);
  await page.getByTestId('roi-cost-A').fill('300');
  await page.getByTestId('roi-cost-A').press('Enter');
  await expect.poll(async () => Number(await a.getAttribute('data-cost'))).toBe(costBefore * 2);
  const roi = Number(await a.getAttribute('data-roi'));
  const revenue = Number(await a.getAttribute('data-revenue'));
  expect(roi).toBeCloseTo((revenue * 0.7 - costBefore * 2) / (costBefore * 2), 9);

  // under a capacity the scored policy works the top leads by score: more revenue than the same number at random
  await page.getByTestId('roi-capacity').fill('200');
  await page.getByTestId('roi-capacity').press('Enter');
  await expect.poll(() => settledValue(page, 'roi-incremental-revenue')).toBeGreaterThan(0);
  await page.screenshot({ path: `${SHOTS}/roi.png`, fullPage: true });
  // the quarter × tier table's headers stay on one line (a wrapped one left a band above the rows)
  expect(await lineCounts(page.getByTestId('roi-table-header').locator('th'))).toEqual(Array(11).fill(1));
  // per quarter too: the quarters' incremental revenues add up to the total
  const perQuarter = await page
    .getByTestId('roi-value-quarter')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-revenue'))));
  expect(perQuarter.length).toBeGreaterThan(4);
  const total = Number(await page.getByTestId('roi-incremental-revenue').getAttribute('data-value'));
  expect(Math.abs(perQuarter.reduce((a, b) => a + b, 0) - total)).toBeLessThan(1e-6 * Math.abs(total));
  // the funnel: every tier's won leads had a deal; the top tier wins a larger share than the bottom one
  const funnel = async (tier: string) => {
    const row = page.locator(`[data-testid="roi-funnel-row"][data-tier="${tier}"]`);
    return {
      deal: Number(await row.getAttribute('data-deal')),
      won: Number(await row.getAttribute('data-won')),
    };
  };
  const [topTier, bottomTier] = [await funnel('A'), await funnel('C')];
  expect(topTier.deal).toBeGreaterThanOrEqual(topTier.won);
  expect(bottomTier.deal).toBeGreaterThanOrEqual(bottomTier.won);
  expect(topTier.won).toBeGreaterThan(0);

  // the quarterly review: one printed A4 page, and a PNG
  await page.getByTestId('roi-review-open').click();
  const review = page.getByTestId('quarterly-report');
  await expect(review).toBeVisible();
  await page.getByTestId('roi-quarter').selectOption('2026-Q2');
  await expect(review).toHaveAttribute('data-quarter', '2026-Q2');
  await review.screenshot({ path: `${SHOTS}/quarterly-review.png` });
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  const download = page.waitForEvent('download');
  await page.getByTestId('review-png').click();
  const png = readFileSync(await (await download).path());
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  // width from the IHDR chunk: 1200 px drawn at 2×
  expect(png.readUInt32BE(16)).toBe(2400);
});

test('won deals in two currencies are never summed: left out and listed until a rate is given', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  // the sample's deals with the first 60 won deals re-labelled EUR
  let relabelled = 0;
  const lines = readFileSync('datasets/deals.csv', 'utf8')
    .split('\n')
    .map((line) => {
      const cells = line.split(',');
      if (cells[2] !== 'Won' || relabelled >= 60) return line;
      relabelled++;
      cells[4] = 'EUR';
      return cells.join(',');
    });
  await page.getByTestId('nav-data').click();
  await importFiles(page, {
    name: 'deals-mixed.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n')),
  });
  await waitReady(page);
  await page.getByTestId('nav-roi').click();
  await expect(page.getByTestId('roi-mixed-currencies')).toContainText('EUR');
  await expect(page.getByTestId('roi-excluded')).toContainText('EUR');
  const before = await settledValue(page, 'roi-total', 'data-revenue');
  await page.getByTestId('roi-rate-EUR').fill('1.1');
  await page.getByTestId('roi-rate-EUR').press('Enter');
  await expect(page.getByTestId('roi-excluded')).toHaveCount(0);
  await expect.poll(() => settledValue(page, 'roi-total', 'data-revenue')).toBeGreaterThan(before);
});

test('the quarterly review in Chinese', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('lang-switch').selectOption('zh-CN');
  await page.getByTestId('nav-roi').click();
  await page.getByTestId('roi-review-open').click();
  await expect(page.getByTestId('quarterly-report')).toContainText('季度评分回顾');
  await page.getByTestId('quarterly-report').screenshot({ path: `${SHOTS}/quarterly-review-zh.png` });
  // the trend's quarters are not broken over two lines in its narrow column
  const quarters = page.getByTestId('review-trend-quarter');
  expect(await quarters.count()).toBeGreaterThan(1);
  expect(new Set(await lineCounts(quarters))).toEqual(new Set([1]));
  await page.getByTestId('review-close').click();
  await expect(page.getByTestId('quarterly-report')).toHaveCount(0);
});
