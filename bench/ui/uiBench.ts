import type { Browser, BrowserContext, Page } from '@playwright/test';
import { blockingBetween, installMonitor, type BlockingStats } from './monitor.ts';
import { withTaskTrace, type TaskStats, type TraceMode } from './taskTrace.ts';
import { rowWindow } from '../../src/views/leads/virtualRows.ts';

/** The views a weight is dragged in; all but Leads have a weight slider. */
export const UI_VIEWS = ['tiers', 'leads', 'accuracy', 'bias', 'roi', 'model'] as const;
export type UiView = (typeof UI_VIEWS)[number];

/** Leads in a bench data set named by size ('100k', '1m', '10m'). */
export const leadsOfSize = (size: string): number => Number(size.replace('m', '000000').replace('k', '000'));

const MOVES = 40;
const MOVE_EVERY_MS = 16;

export interface UiDrag extends BlockingStats, TaskStats {
  /** Last move → the frame after the kernel's last answer was applied (its numbers on screen). */
  settleMs: number;
  /** First move → last move, as the page saw them (longer than 40 × 16 ms when moves were held up). */
  dragMs: number;
}

export interface UiLoad extends BlockingStats, TaskStats {
  /** Files chosen → the import wizard's Load enabled. */
  stageMs: number;
  stage: BlockingStats;
  /** Load clicked → status ready with every lead and the dashboard's tier cards shown. */
  loadMs: number;
}

const now = (page: Page) => page.evaluate(() => performance.now());

/** Waits until every kernel request is answered and the page has painted a frame after that. */
async function settled(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          if (window.__scorelabTest!.scoringPending() === 0) requestAnimationFrame((t) => resolve(t));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

async function quiet(page: Page): Promise<void> {
  await settled(page);
  await page.waitForTimeout(1000);
  await settled(page);
}

/** Weights for the 40 moves: one step each, upward when there is room, downward otherwise. */
function targets(from: number): number[] {
  const up = from + MOVES <= 100;
  return Array.from({ length: MOVES }, (_, k) => (up ? from + k + 1 : from - k - 1));
}

/** A real mouse drag of a range input's thumb, one move per 16 ms (a held-up move delays the rest). */
async function dragSlider(page: Page, selector: string): Promise<void> {
  const slider = page.locator(selector).first();
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const value = Number(await slider.inputValue());
  const x = (w: number) => box.x + 8 + (box.width - 16) * (w / 100);
  const y = box.y + box.height / 2;
  await page.mouse.move(x(value), y);
  await page.mouse.down();
  const start = Date.now();
  const steps = targets(value);
  for (let k = 0; k < steps.length; k++) {
    const wait = start + (k + 1) * MOVE_EVERY_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await page.mouse.move(x(steps[k]), y);
  }
  await page.mouse.up();
}

/** The Leads view has no slider: the same 40 weight changes through the app's hook, one per 16 ms. */
async function dragByHook(page: Page): Promise<void> {
  await page.evaluate(
    ([moves, every]) =>
      new Promise<void>((resolve) => {
        const hooks = window.__scorelabTest!;
        const from = hooks.weight(0);
        const up = from + moves <= 100;
        let k = 0;
        const step = () => {
          k++;
          window.__uiMonitor!.inputs.push(performance.now());
          hooks.setWeight(0, up ? from + k : from - k);
          if (k < moves) setTimeout(step, every);
          else resolve();
        };
        setTimeout(step, every);
      }),
    [MOVES, MOVE_EVERY_MS] as const,
  );
}

export async function dragIn(page: Page, view: UiView, traceTasks: TraceMode = true): Promise<UiDrag> {
  await page.getByTestId(`nav-${view}`).click();
  await quiet(page);
  const before = await page.evaluate(() => window.__uiMonitor!.inputs.length);
  const { value: shownAt, tasks } = await withTaskTrace(
    page,
    async () => {
      if (view === 'leads') await dragByHook(page);
      else if (view === 'model')
        await dragSlider(page, '[data-testid="model-dimension"] input[type="range"]');
      else await dragSlider(page, '[data-testid^="weight-"][type="range"]');
      return settled(page);
    },
    traceTasks,
  );
  const [first, last] = await page.evaluate((n) => {
    const inputs = window.__uiMonitor!.inputs.slice(n);
    return [inputs[0], inputs.at(-1)!] as const;
  }, before);
  if (first === undefined) throw new Error(`ui.drag.${view}: no slider input reached the page`);
  const stats = await page.evaluate(blockingBetween, [first, shownAt] as const);
  return { ...stats, ...tasks, settleMs: shownAt - last, dragMs: last - first };
}

/** Where the Leads table's scroll is jumped to in each run, as a fraction of its range: far from each other. */
const SCROLL_TO = [0.5, 0.9, 0.1, 0.7, 0.3, 1, 0.2, 0.6];

/**
 * Jumps the Leads table's scroll to a fraction of its range (run `run` of SCROLL_TO), far past the page of
 * rows it holds, and times it until the first row there is on screen: the next re-score brings its page.
 */
export async function scrollLeads(page: Page, run: number, traceTasks: TraceMode = true): Promise<UiDrag> {
  await page.getByTestId('nav-leads').click();
  await quiet(page);
  const rows = page.getByTestId('lead-row');
  const top = (k: number) => rows.nth(k).evaluate((el) => parseFloat((el as HTMLElement).style.top));
  const rowHeight = (await top(1)) - (await top(0));
  const total = Number(await page.getByTestId('leads-shown').getAttribute('data-value'));
  const table = page.getByTestId('leads-table');
  const view = await table.evaluate((el) => ({
    height: el.clientHeight,
    range: el.scrollHeight - el.clientHeight,
  }));
  const y = Math.round(SCROLL_TO[run % SCROLL_TO.length] * view.range);
  // the row the table shows first at that offset, as the view maps it (a million rows scale the range)
  const at = rowWindow(y, total, rowHeight, Math.round(view.height / rowHeight), 0).first;
  const {
    value: [start, shownAt],
    tasks,
  } = await withTaskTrace(
    page,
    async () => {
      const start = await table.evaluate((el, to) => ((el.scrollTop = to), performance.now()), y);
      const shown = await page.waitForFunction(
        (selector) => (document.querySelector(selector) ? performance.now() : null),
        `[data-testid="lead-row"][data-at="${at}"]`,
        { polling: 'raf', timeout: 60_000 },
      );
      return [start, (await shown.jsonValue())!] as const;
    },
    traceTasks,
  );
  const stats = await page.evaluate(blockingBetween, [start, shownAt] as const);
  return { ...stats, ...tasks, settleMs: shownAt - start, dragMs: 0 };
}

/** A fresh page on the built app with the monitor installed; fails the bench if it leaves its origin. */
export async function openApp(
  browser: Browser,
  url: string,
): Promise<{ page: Page; context: BrowserContext; foreign: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
  });
  page.on('pageerror', (e) => console.error(`[app page error] ${e.message}`));
  // tsx keeps function names with a __name helper the page does not have
  await page.addInitScript({ content: `globalThis.__name = (f) => f;\n(${installMonitor.toString()})();` });
  await page.goto(url);
  await page
    .getByTestId('dataset-status')
    .and(page.locator('[data-state="ready"]'))
    .waitFor({ timeout: 120_000 });
  return { page, context, foreign };
}

/** The three CSVs of `dir` through the file input and the import wizard (unchanged), to the dashboard. */
export async function loadThroughWizard(
  page: Page,
  dir: string,
  leads: number,
  traceTasks: TraceMode = true,
): Promise<UiLoad> {
  await page.getByTestId('nav-data').click();
  const stageStart = await now(page);
  await page
    .getByTestId('file-input')
    .setInputFiles(['leads.csv', 'deals.csv', 'activities.csv'].map((f) => `${dir}/${f}`));
  await page.getByTestId('import-load').and(page.locator(':enabled')).waitFor({ timeout: 300_000 });
  const stageEnd = await now(page);
  const loadStart = await now(page);
  const { value: loadEnd, tasks } = await withTaskTrace(
    page,
    async () => {
      await page.getByTestId('import-load').click();
      await page.waitForFunction(
        (n) =>
          document.querySelector('[data-testid="dataset-status"]')?.getAttribute('data-state') === 'ready' &&
          document.querySelector('[data-testid="lead-count"]')?.getAttribute('data-value') === String(n),
        leads,
        { timeout: 900_000, polling: 250 },
      );
      await page.getByTestId('nav-tiers').click();
      await page.getByTestId('tier-count').first().waitFor();
      return settled(page);
    },
    traceTasks,
  );
  return {
    ...(await page.evaluate(blockingBetween, [loadStart, loadEnd] as const)),
    ...tasks,
    loadMs: loadEnd - loadStart,
    stageMs: stageEnd - stageStart,
    stage: await page.evaluate(blockingBetween, [stageStart, stageEnd] as const),
  };
}

/**
 * Opens the built app, loads the three CSVs through its file input and import wizard as a person would,
 * then drags a weight in each view and jumps the Leads table's scroll while the page records long tasks
 * and frame gaps.
 */
export async function uiBench(
  browser: Browser,
  url: string,
  dir: string,
  leads: number,
  runs: number,
  detail = false,
): Promise<{ load: UiLoad; drags: Record<UiView, UiDrag[]>; scrolls: UiDrag[] }> {
  const { page, context, foreign } = await openApp(browser, url);
  const trace: TraceMode = detail ? 'detail' : true;
  try {
    const load = await loadThroughWizard(page, dir, leads, trace);
    const drags = {} as Record<UiView, UiDrag[]>;
    for (const view of UI_VIEWS) {
      drags[view] = [];
      for (let r = 0; r < runs; r++) drags[view].push(await dragIn(page, view, trace));
    }
    const scrolls: UiDrag[] = [];
    for (let r = 0; r < runs; r++) scrolls.push(await scrollLeads(page, r, trace));
    if (foreign.length) throw new Error(`the app contacted other origins: ${foreign.join(', ')}`);
    return { load, drags, scrolls };
  } finally {
    await context.close();
  }
}
