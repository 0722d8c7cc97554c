import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export const SAMPLE_LEADS = 'datasets/leads.csv';

/** Data rows of a CSV counted from its bytes (independent of the app's reader; no quoted newlines). */
export function csvDataRows(path: string): number {
  return (
    readFileSync(path, 'latin1')
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '').length - 1
  );
}

/** Every request of the page, to check that none leaves its origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function foreignRequests(urls: string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
}

export async function waitReady(page: Page): Promise<void> {
  await expect(page.getByTestId('dataset-status')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
}

export async function tierCounts(page: Page): Promise<Record<string, number>> {
  const cards = page.getByTestId('tier-count');
  const out: Record<string, number> = {};
  for (const card of await cards.all()) {
    out[(await card.getAttribute('data-tier')) ?? ''] = Number(await card.getAttribute('data-value'));
  }
  return out;
}

export async function leadCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('lead-count').getAttribute('data-value'));
}

/** Drags a range input's thumb to a fraction of its track, as a person would with the mouse. */
export async function dragSlider(page: Page, testId: string, fraction: number): Promise<void> {
  const slider = page.getByTestId(testId);
  const box = (await slider.boundingBox())!;
  const value = Number(await slider.inputValue());
  const max = Number(await slider.getAttribute('max'));
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 8 + (box.width - 16) * (value / max), y);
  await page.mouse.down();
  await page.mouse.move(box.x + 8 + (box.width - 16) * fraction, y, { steps: 12 });
  await page.mouse.up();
}

/** Waits until the kernel has answered every request and the page has drawn a frame with the answer. */
export async function scoringSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__scorelabTest!.scoringPending() === 0);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}

/**
 * A data-value that has stopped changing: after a drag, results of intermediate slider positions may still
 * arrive (latest wins), so a number is read only once two reads 400 ms apart agree.
 */
export async function settledValue(page: Page, testId: string, attribute = 'data-value'): Promise<number> {
  const read = async () => Number(await page.getByTestId(testId).getAttribute(attribute));
  let last = await read();
  for (;;) {
    await page.waitForTimeout(400);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
}

/** Files for the file input: paths, or in-memory files with a name, a MIME type and a buffer. */
export type InputFiles = Parameters<Locator['setInputFiles']>[0];

/**
 * Chooses files through the file input and loads them through the import wizard as it read and mapped
 * them (the Data view must be open): what a user does who checks nothing.
 */
export async function importFiles(page: Page, files: InputFiles): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('import-wizard')).toBeVisible();
  await expect(page.getByTestId('import-load')).toBeEnabled();
  await page.getByTestId('import-load').click();
  await expect(page.getByTestId('import-wizard')).toHaveCount(0);
}
