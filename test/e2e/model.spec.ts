import { expect, test } from '@playwright/test';
import { foreignRequests, recordRequests, tierCounts, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';

test('editing a rule’s points moves leads between tiers, with undo and redo', async ({ page, baseURL }) => {
  const requests = recordRequests(page);
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-model').click();
  const stats = page.getByTestId('rule-stats-beh-demo');
  await expect(stats).toBeVisible();
  const fires = Number(await stats.getAttribute('data-fires'));
  expect(fires).toBeGreaterThan(0);
  // 30 points per demo request in the default model; the total is points × decayed, capped counts
  const before = Number(await stats.getAttribute('data-points'));
  await page.getByTestId('rule-points-beh-demo').fill('60');
  await page.getByTestId('rule-points-beh-demo').press('Enter');
  await expect.poll(async () => Number(await stats.getAttribute('data-points'))).toBeCloseTo(before * 2, 3);
  await page.screenshot({ path: `${SHOTS}/model-editor.png`, fullPage: true });

  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('migration-moved')).not.toHaveAttribute('data-value', '0');
  const edited = await tierCounts(page);

  await page.getByTestId('nav-model').click();
  await page.getByTestId('model-undo').click();
  await expect(page.getByTestId('rule-points-beh-demo')).toHaveValue('30');
  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('migration-moved')).toHaveAttribute('data-value', '0');
  await page.getByTestId('nav-model').click();
  await page.getByTestId('model-redo').click();
  await expect(page.getByTestId('rule-points-beh-demo')).toHaveValue('60');
  await page.getByTestId('nav-tiers').click();
  await expect.poll(async () => JSON.stringify(await tierCounts(page))).toBe(JSON.stringify(edited));
  expect(foreignRequests(requests, new URL(baseURL!).origin)).toEqual([]);
});

test('a decay change is re-scored by the kernel from the event log, the baseline keeping its decay', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  const before = await tierCounts(page);
  await page.getByTestId('nav-model').click();
  await page.getByTestId('rule-decay-beh-demo').selectOption('none');
  await page.getByTestId('rule-decay-beh-quote').selectOption('none');
  await page.getByTestId('nav-tiers').click();
  await expect
    .poll(async () => JSON.stringify(await tierCounts(page)), { timeout: 30_000 })
    .not.toBe(JSON.stringify(before));
  // no decay can only add points to demo and quote requests, so tier A can only grow
  expect((await tierCounts(page)).A).toBeGreaterThanOrEqual(before.A);
  // the baseline keeps its decayed rules; one rule matrix holds both, so the two compare lead by lead
  await expect(page.getByTestId('migration-moved')).not.toHaveAttribute('data-value', '0');
  const cells = await page
    .getByTestId('migration-cell')
    .evaluateAll((els) =>
      els.map((e) => ({ from: e.dataset.from!, to: e.dataset.to!, n: Number(e.dataset.value) })),
    );
  // nobody moves down: removing decay only adds points
  const order = ['A', 'B', 'C'];
  for (const c of cells) if (order.indexOf(c.to) > order.indexOf(c.from)) expect(c.n).toBe(0);
});

test('the urgency-card preset gives four named tiers', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-model').click();
  await page.getByTestId('preset-select').selectOption('urgency-card');
  await page.getByTestId('preset-apply').click();
  await page.getByTestId('nav-tiers').click();
  await expect
    .poll(async () => Object.keys(await tierCounts(page)))
    .toEqual(['Follow up now', 'Quarter focus', 'Long-term nurture', 'Hold']);
  const counts = await tierCounts(page);
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(12000);
  await page.screenshot({ path: `${SHOTS}/urgency-card.png`, fullPage: true });
});

test('a share link reproduces the edited scenario in a fresh page', async ({ page, browser }) => {
  await page.goto('./');
  await waitReady(page);
  const before = await tierCounts(page);
  await page.getByTestId('nav-model').click();
  await page.getByTestId('rule-points-beh-quote').fill('55');
  await page.getByTestId('rule-points-beh-quote').press('Enter');
  await page.getByTestId('rule-points-fit-industry-2').fill('-5');
  await page.getByTestId('rule-points-fit-industry-2').press('Enter');
  await expect(page.getByTestId('scenario-changes')).toHaveAttribute('data-value', '2');
  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('migration-moved')).not.toHaveAttribute('data-value', '0');
  await page.getByTestId('nav-model').click();
  await page.getByTestId('scenario-share').click();
  const url = await page.getByTestId('scenario-share-url').inputValue();
  expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await waitReady(other);
  await expect(other.getByTestId('notice')).toHaveAttribute('data-kind', 'info');
  // both pages settle on the edited scenario's result (the first page may still be showing the result of
  // the first edit when the second is being scored)
  await page.getByTestId('nav-tiers').click();
  await expect
    .poll(async () => JSON.stringify(await tierCounts(other)) === JSON.stringify(await tierCounts(page)))
    .toBe(true);
  expect(JSON.stringify(await tierCounts(other))).not.toBe(JSON.stringify(before));
  await other.getByTestId('nav-model').click();
  await expect(other.getByTestId('rule-points-beh-quote')).toHaveValue('55');
  await expect(other.getByTestId('rule-points-fit-industry-2')).toHaveValue('-5');
  await fresh.close();
});

test('scenarios are saved in the browser, and a malformed import changes nothing', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-model').click();
  await page.getByTestId('scenario-name').fill('Demo heavy');
  await page.getByTestId('scenario-save').click();
  await expect(page.locator('[data-testid="saved-scenario"][data-name="Demo heavy"]')).toBeVisible();
  await page.getByTestId('scenario-import').setInputFiles('test/fixtures/e2e/bad-scenario.json');
  const notice = page.getByTestId('notice');
  await expect(notice).toHaveAttribute('data-kind', 'error');
  await expect(notice).toContainText('$.version');
  await expect(notice).toContainText('$.dimensions[0].weight');
  await expect(notice).toContainText('$.__proto__');
  await expect(page.getByTestId('scenario-changes')).toHaveAttribute('data-value', '0');
  await page.screenshot({ path: `${SHOTS}/scenario-import-error.png`, fullPage: true });
  await page.reload();
  await waitReady(page);
  await page.getByTestId('nav-model').click();
  await expect(page.locator('[data-testid="saved-scenario"][data-name="Demo heavy"]')).toBeVisible();
});

test('a lead’s score is explained rule by rule, with the smallest move up a tier', async ({ page }) => {
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-leads').click();
  await page.getByTestId('leads-tier-filter').selectOption({ label: 'B' });
  // the highest-scoring B lead: the closest to tier A
  const first = page.getByTestId('lead-row').first();
  const leadId = await first.getAttribute('data-lead');
  await first.getByTestId('lead-explain').click();
  const detail = page.getByTestId('lead-detail');
  await expect(detail).toHaveAttribute('data-lead', leadId!);
  await expect(detail.locator('figure svg')).toBeVisible();
  const score = Number(await page.getByTestId('detail-score').getAttribute('data-value'));
  expect(score).toBeGreaterThanOrEqual(30);
  expect(score).toBeLessThan(70);
  const move = page.getByTestId('detail-move');
  await expect(move).toHaveAttribute('data-kind', /events|several|unreachable/);
  if ((await move.getAttribute('data-kind')) === 'events') await expect(move).toContainText('tier A');
  await page.screenshot({ path: `${SHOTS}/lead-detail.png`, fullPage: true });
});

test('a new rule picked from the data’s own values re-scores and compares with the baseline', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  const before = await tierCounts(page);
  await page.getByTestId('nav-model').click();
  await page.getByTestId('add-rule-fit').click();
  await page.getByTestId('add-rule-field').selectOption('lead_source');
  const referral = page.locator('[data-testid="add-rule-value"][data-value="Referral"]');
  await referral.check();
  const label = await referral.locator('xpath=..').innerText();
  const referralLeads = Number(label.replace(/.*\(([\d,]+)\).*/s, '$1').replaceAll(',', ''));
  expect(referralLeads).toBeGreaterThan(100);
  await page.getByTestId('add-rule-points').fill('40');
  await page.getByTestId('add-rule-submit').click();
  const stats = page.getByTestId('rule-stats-category-1');
  await expect(stats).toHaveAttribute('data-fires', String(referralLeads), { timeout: 30_000 });
  await expect(stats).toHaveAttribute('data-points', String(referralLeads * 40));
  await page.screenshot({ path: `${SHOTS}/add-rule.png`, fullPage: true });
  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('migration-moved')).not.toHaveAttribute('data-value', '0');
  expect(JSON.stringify(await tierCounts(page))).not.toBe(JSON.stringify(before));
  // removing the rule again brings back the baseline's tiers
  await page.getByTestId('nav-model').click();
  await page.getByTestId('rule-remove-category-1').click();
  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('migration-moved')).toHaveAttribute('data-value', '0');
  await expect.poll(async () => JSON.stringify(await tierCounts(page))).toBe(JSON.stringify(before));
});
