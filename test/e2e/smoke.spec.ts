import { expect, test } from '@playwright/test';

test('smoke', async ({ page }) => {
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await page.goto('./');
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-state', 'ready', { timeout: 60000 });
  await page.screenshot({ path: 'test-results/smoke.png', fullPage: true });
});
