import { expect, test, type Page } from '@playwright/test';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { leadCount, SAMPLE_LEADS, waitReady } from './helpers';

// BAD-INPUTS 21: a file too big to copy, loaded through a file handle; Cancel; an engine trap.

const DIR = '/tmp/scale-e2e';
const BIG = `${DIR}/big-leads.csv`;
const BIG_BYTES = 300 * 1024 * 1024;
/** An unmapped column that makes each row ~4 KB: 300 MB of file, ~75k leads (the spec stays under 2 min). */
const PAD = 'x'.repeat(4000);

/** The sample's leads repeated under new ids with a padding column until the file passes BIG_BYTES. */
async function writeBigLeads(): Promise<number> {
  const [header, ...rows] = readFileSync(SAMPLE_LEADS, 'utf8').trimEnd().split('\n');
  const out = createWriteStream(BIG);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`${header},notes\n`);
  let bytes = header.length + 7;
  let n = 0;
  while (bytes < BIG_BYTES) {
    let chunk = '';
    for (let i = 0; i < 1000 && bytes < BIG_BYTES; i++) {
      const row = rows[n++ % rows.length];
      const line = `X${n}${row.slice(row.indexOf(','))},${PAD}\n`;
      chunk += line;
      bytes += Buffer.byteLength(line);
    }
    await write(chunk);
  }
  await new Promise<void>((r) => out.end(() => r()));
  return n;
}

/** Data rows counted from the file itself (not from the app's reader). */
async function countRows(path: string): Promise<number> {
  let lines = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) if (line.trim()) lines++;
  return lines - 1;
}

let bigLeads = 0;
/** The file's size as the app writes it ("303 MB"). */
let bigSize = '';

test.beforeAll(async () => {
  test.setTimeout(120_000);
  mkdirSync(DIR, { recursive: true });
  if (!existsSync(BIG) || statSync(BIG).size < BIG_BYTES) await writeBigLeads();
  bigLeads = await countRows(BIG);
  bigSize = `${Math.round(statSync(BIG).size / 1024 ** 2)} MB`;
});

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
});

async function dropBig(page: Page): Promise<void> {
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles(BIG);
  await expect(page.getByTestId('import-wizard')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-load')).toBeEnabled();
}

test('a 300 MB CSV loads through a file handle with a progress line, and the dashboard shows every lead', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('./');
  await waitReady(page);
  await dropBig(page);
  const started = Date.now();
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await expect(page.getByTestId('load-progress')).toContainText(bigSize);
  await expect(page.getByTestId('load-cancel')).toBeVisible();
  // DuckDB's own progress of the CSV read, as a determinate bar
  const share = Number(await page.getByTestId('load-query-progress').getAttribute('value'));
  expect(share).toBeGreaterThanOrEqual(0);
  expect(share).toBeLessThan(1);
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-state', 'ready', {
    timeout: 100_000,
  });
  const seconds = (Date.now() - started) / 1000;
  const memory = await page.evaluate(() => {
    const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return m ? Math.round(m.usedJSHeapSize / 1024 ** 2) : null;
  });
  console.log(
    `scale: ${bigLeads} leads (${statSync(BIG).size} bytes) loaded in ${seconds.toFixed(1)} s; JS heap ${memory} MB`,
  );
  await expect(page.getByTestId('load-progress')).toHaveCount(0);
  expect(await leadCount(page)).toBe(bigLeads);
  await page.getByTestId('nav-data').click();
  await expect(page.getByTestId('import-error')).toHaveCount(0);
  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('tier-count').first()).toBeVisible();
});

test('Cancel stops a big load and keeps the previous data', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await waitReady(page);
  const sampleLeads = await leadCount(page);
  await dropBig(page);
  await page.getByTestId('import-load').click();
  await page.getByTestId('load-cancel').click();
  await expect(page.getByTestId('load-progress')).toHaveCount(0, { timeout: 60_000 });
  await waitReady(page);
  expect(await leadCount(page)).toBe(sampleLeads);
  // a cancel is no failure: no error message
  await expect(page.getByTestId('import-error')).toHaveCount(0);
});

test('a file that may not fit warns first, naming it, and loads nothing when the user says no', async ({
  page,
}) => {
  // a device with 256 MB: half of it is less than a 300 MB load needs
  await page.addInitScript(() => Object.defineProperty(navigator, 'deviceMemory', { get: () => 0.25 }));
  await page.goto('./');
  await waitReady(page);
  const sampleLeads = await leadCount(page);
  await page.getByTestId('nav-data').click();
  await page.getByTestId('file-input').setInputFiles(BIG);
  const warning = page.getByTestId('memory-warning');
  await expect(warning).toContainText('big-leads.csv');
  await expect(warning).toContainText(bigSize);
  await page.getByTestId('memory-cancel').click();
  await expect(warning).toHaveCount(0);
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
  expect(await leadCount(page)).toBe(sampleLeads);
});

test('an engine trap restarts DuckDB and reloads the kept files; the model edit survives', async ({
  page,
}) => {
  await page.goto('./');
  await waitReady(page);
  const sampleLeads = await leadCount(page);
  await page.getByTestId('nav-model').click();
  const tiers = page.getByTestId('tier-count-select');
  const edited = (await tiers.inputValue()) === '4' ? '5' : '4';
  await tiers.selectOption(edited);
  await page.evaluate(() => window.__scorelabTest!.trapEngine());
  await expect(page.getByTestId('notice')).toHaveAttribute('data-kind', 'info');
  await expect(page.getByTestId('notice')).toContainText('restarted; your files were reloaded');
  await waitReady(page);
  expect(await leadCount(page)).toBe(sampleLeads);
  await expect(tiers).toHaveValue(edited);
  // the new engine answers: the rule editor's value pickers query it
  await page.getByTestId('nav-tiers').click();
  await expect(page.getByTestId('tier-count')).toHaveCount(Number(edited));
});
