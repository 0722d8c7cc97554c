import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dragSlider, importFiles, settledValue, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';

const metric = async (page: Page, id: string) =>
  Number(await page.getByTestId(`metric-${id}`).getAttribute('data-value'));

/** CSV cells of one line, quote-aware. */
const cells = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ''));

/** AUC as a person would check it: the share of (won, lost) pairs the score orders right, ties half. */
function pairAuc(won: number[], lost: number[]): number {
  const l = [...lost].sort((a, b) => a - b);
  let pairs = 0;
  for (const w of won) {
    let below = 0;
    let equal = 0;
    for (const x of l) {
      if (x < w) below++;
      else if (x === w) equal++;
      else break;
    }
    pairs += below + equal / 2;
  }
  return pairs / (won.length * lost.length);
}

test('the accuracy view follows the model, and its export reproduces AUC and Brier', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-accuracy').click();
  await expect(page.getByTestId('metric-auc')).not.toHaveAttribute('data-value', '');
  const auc = await metric(page, 'auc');
  const brier = await metric(page, 'brier');
  expect(auc).toBeGreaterThan(0.6);
  expect(auc).toBeLessThan(1);
  for (const id of ['gini', 'ks', 'ap', 'logloss', 'ece']) expect(await metric(page, id)).toBeGreaterThan(0);
  expect(await metric(page, 'gini')).toBeCloseTo(2 * auc - 1, 9);
  await expect(page.getByTestId('outcome-rule')).toHaveAttribute('data-value', 'explicit');
  await page.screenshot({ path: `${SHOTS}/accuracy.png`, fullPage: true });

  // isotonic calibration changes the probabilities (Brier) but not the ranking (AUC)
  await page.getByTestId('calibration-method').selectOption('isotonic');
  await expect.poll(() => metric(page, 'brier')).not.toBe(brier);
  expect(await metric(page, 'auc')).toBe(auc);
  await page.getByTestId('calibration-method').selectOption('platt');
  await expect.poll(() => metric(page, 'brier')).toBe(brier);

  // a what-if weight change re-ranks the leads: AUC moves and shows its delta against the baseline
  await dragSlider(page, 'weight-fit', 0.05);
  await expect.poll(() => metric(page, 'auc')).not.toBe(auc);
  await expect(page.getByTestId('metric-auc')).toContainText(/vs baseline/);
  const movedAuc = await settledValue(page, 'metric-auc');
  const movedBrier = await settledValue(page, 'metric-brier');
  const testN = await settledValue(page, 'accuracy-n', 'data-n');

  // the export holds what the numbers are computed from: recompute them here
  await page.getByTestId('nav-leads').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('leads-export').click();
  const text = readFileSync(await (await download).path(), 'utf8');
  const lines = text.slice(1).trimEnd().split('\r\n');
  const header = lines[0].split(',');
  for (const col of ['as_of_score', 'probability', 'outcome', 'window', 'tier'])
    expect(header).toContain(col);
  const col = (name: string) => header.indexOf(name);
  const won: number[] = [];
  const lost: number[] = [];
  let squared = 0;
  for (const line of lines.slice(1)) {
    const c = cells(line);
    if (c[col('window')] !== 'test' || c[col('outcome')] === 'open') continue;
    const y = c[col('outcome')] === 'won' ? 1 : 0;
    (y ? won : lost).push(Number(c[col('as_of_score')]));
    squared += (Number(c[col('probability')]) - y) ** 2;
  }
  expect(won.length + lost.length).toBe(testN);
  expect(Math.abs(pairAuc(won, lost) - movedAuc)).toBeLessThan(1e-9);
  expect(Math.abs(squared / testN - movedBrier)).toBeLessThan(1e-9);
});

test('the split date, the observation window and suggested weights', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-accuracy').click();
  await expect(page.getByTestId('metric-auc')).not.toHaveAttribute('data-value', '');
  const n = Number(await page.getByTestId('accuracy-n').getAttribute('data-n'));

  // an earlier split puts more resolved leads in the test window
  await page.getByTestId('split-date').fill('2025-07-01');
  await page.getByTestId('split-date').dispatchEvent('change');
  await expect
    .poll(async () => Number(await page.getByTestId('accuracy-n').getAttribute('data-n')))
    .toBeGreaterThan(n);

  // a shorter observation window rebuilds the behaviour inputs: fewer events count, AUC changes
  const auc = await metric(page, 'auc');
  await page.getByTestId('observation-days').fill('3');
  await page.getByTestId('observation-days').press('Enter');
  await expect.poll(() => metric(page, 'auc'), { timeout: 60_000 }).not.toBe(auc);

  // a snapshot backtest: every lead scored as of one date, only leads created by then judged
  await page.getByTestId('as-of-mode').selectOption('snapshot');
  await expect(page.getByTestId('snapshot-date')).toHaveValue('2026-09-30');
  const allN = Number(await page.getByTestId('accuracy-n').getAttribute('data-n'));
  await page.getByTestId('snapshot-date').fill('2025-12-31');
  await page.getByTestId('snapshot-date').dispatchEvent('change');
  await expect
    .poll(async () => Number(await page.getByTestId('accuracy-n').getAttribute('data-n')), {
      timeout: 60_000,
    })
    .toBeLessThan(allN);
  await page.getByTestId('as-of-mode').selectOption('window');
  await expect(page.getByTestId('observation-days')).toHaveValue('3');

  // weights learnt from closed deals: shown beside the current points, applied only on click
  await page.getByTestId('suggest-weights').click();
  const suggested = page.getByTestId('suggest-auc');
  await expect(suggested).toBeVisible({ timeout: 60_000 });
  const current = Number(await suggested.getAttribute('data-current'));
  expect(Math.abs(current - (await metric(page, 'auc')))).toBeLessThan(1e-12);
  const suggestedAuc = Number(await suggested.getAttribute('data-suggested'));
  expect(suggestedAuc).toBeGreaterThan(0.5);
  await expect(page.getByTestId('suggested-rule').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accuracy-suggest.png`, fullPage: true });
  await page.getByTestId('suggest-apply').click();
  await expect(page.getByTestId('notice')).toContainText('from closed deals');
  // the applied scenario scores the test window as the suggestion said (weights rounded to 0.1)
  await expect.poll(async () => Math.abs((await metric(page, 'auc')) - suggestedAuc)).toBeLessThan(0.005);
});

test('a leads file without deals: losses from aging, one class, explained rather than NaN', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await importFiles(page, 'datasets/cn/leads-gbk.csv');
  await expect(page.getByTestId('lead-count')).toHaveAttribute('data-value', '2000', { timeout: 60_000 });
  await page.getByTestId('nav-accuracy').click();
  await expect(page.getByTestId('outcome-rule')).toHaveAttribute('data-value', 'aging');
  await expect(page.getByTestId('aging-horizon')).toHaveValue('180');
  await expect(page.getByTestId('accuracy-degenerate').first()).toBeVisible();
  await expect(page.getByTestId('metric-auc')).toHaveAttribute('data-value', '');
  await expect(page.getByTestId('metric-auc')).toContainText('—');
  expect(await page.locator('main').innerText()).not.toMatch(/NaN|Infinity/);
  await page.screenshot({ path: `${SHOTS}/accuracy-degenerate.png`, fullPage: true });
  // a longer horizon turns fewer old leads into losses
  const lost = async () => Number(await page.getByTestId('accuracy-n').getAttribute('data-n'));
  const before = await lost();
  await page.getByTestId('aging-horizon').fill('400');
  await page.getByTestId('aging-horizon').press('Enter');
  await expect.poll(lost, { timeout: 30_000 }).toBeLessThan(before);
});
