// The wizard's column-format pickers (issue 7, BAD-INPUTS 11 and 13): a deals export writes 1.250 for one
// thousand two hundred and fifty and "n.v." for no amount. The values alone read 1.250 as a fraction, so
// the user sets the decimal comma and adds the marker; the won revenue then matches the fixture's amounts
// (test/fixtures/e2e/decimalCommaExport.ts), not the app's own reading.
import { expect, test } from '@playwright/test';
import { DEALS_CSV, LEADS, LEADS_CSV, WON_REVENUE } from '../fixtures/e2e/decimalCommaExport';
import { leadCount, waitReady } from './helpers';

const SHOTS = 'test-results/screenshots';

test('a decimal comma and an n.v. marker set through the column-format pickers load the right amounts', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await waitReady(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles([
    { name: 'leads-de.csv', mimeType: 'text/csv', buffer: Buffer.from(LEADS_CSV) },
    { name: 'deals-de.csv', mimeType: 'text/csv', buffer: Buffer.from(DEALS_CSV) },
  ]);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  const deals = page.locator('[data-testid="import-file"][data-file="deals-de.csv"]');
  await expect(deals).toHaveAttribute('data-kind', 'deals');

  await deals.getByTestId('import-column-formats').locator('summary').click();
  const decimal = deals.getByTestId('import-decimal-deals.amount');
  // every amount is a lone separator before three digits: detection falls back to a decimal point
  await expect(decimal).toHaveAttribute('data-detected', '.');
  await decimal.selectOption(',');
  await expect(decimal).toHaveAttribute('data-value', ',');

  const markers = deals.getByTestId('import-markers-deals.amount');
  await expect(markers).toHaveValue(/n\/a/);
  await expect(markers).not.toHaveValue(/n\.v\./);
  await markers.fill(`${await markers.inputValue()}, n.v.`);
  await markers.press('Enter');
  await expect(markers).toHaveAttribute('data-chosen', 'true');
  await expect(markers).toHaveValue(/n\.v\./);
  await expect(deals.getByTestId('import-preset-pending')).toBeVisible();
  await deals.screenshot({ path: `${SHOTS}/import-column-formats.png` });

  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  await expect.poll(() => leadCount(page), { timeout: 60_000 }).toBe(LEADS);
  await waitReady(page);

  // the won revenue with every lead worked (capacity above the lead count)
  await page.getByTestId('nav-roi').click();
  await page.getByTestId('roi-capacity').fill(String(LEADS * 10));
  await page.getByTestId('roi-capacity').press('Enter');
  await expect
    .poll(async () => Number(await page.getByTestId('roi-total').getAttribute('data-revenue')))
    .toBe(WON_REVENUE);
});
