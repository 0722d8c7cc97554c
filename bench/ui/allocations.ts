/**
 * What the page allocates while a weight is dragged: `npx tsx bench/ui/allocations.ts [--size 1m]
 * [--views tiers,roi] [--promoted]`. Loads the CSVs through the wizard as the ui phase does, opens each view with one
 * drag, then samples the page's JS allocations (garbage included) over a second drag; prints the bytes
 * allocated per app function (inclusive: the app's frames on each sample's stack) and the DOM nodes,
 * layouts and heap before and after. What a drag allocates is what its major collections have to clear.
 * `--promoted` keeps only what outlived the young generation's collections (and what is still alive at the
 * end): what fills the old generation, whose growth is what brings a major collection on.
 */
import { parseArgs } from 'node:util';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/chromium.ts';
import { dragIn, leadsOfSize, loadThroughWizard, openApp, UI_VIEWS, type UiView } from './uiBench.ts';
import { serveBuiltApp } from './appServer.ts';
import { allocationsBy, withoutCallsTo, type CallFrame, type SamplingNode } from './allocationSamples.ts';

/** Names a frame of the built bundle by its original source (`src/…:line function`), through the maps. */
function sourceNamer(assets: string): (f: CallFrame) => string | null {
  const maps = new Map<string, SourceMapConsumer>();
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js.map')))
    maps.set(
      file.slice(0, -4),
      new SourceMapConsumer(JSON.parse(readFileSync(join(assets, file), 'utf8')) as RawSourceMap),
    );
  return (f) => {
    const map = maps.get(f.url.split('/').pop() ?? '');
    if (!map) return null;
    const at = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
    const src = at.source?.includes('node_modules') ? undefined : at.source?.match(/(?:^|\/)(src\/.*)$/)?.[1];
    return src ? `${src}:${at.line} ${f.functionName || '(anon)'}` : null;
  };
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const top = (m: Map<string, number>, k: number, unit = mb) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([f, b]) => `      ${unit(b).padStart(9)}  ${f}`)
    .join('\n');

declare global {
  interface Window {
    __insertedNodes?: { stop: () => Record<string, number> };
  }
}

/**
 * In the page: counts the nodes (elements, text, comments, subtrees included) inserted into the document until
 * `stop()`, by the nearest figure's label or test id above them. Each replaces one that becomes garbage, which
 * Blink's collector sweeps in the pause of a major collection.
 */
function watchInsertedNodes(): void {
  const counts: Record<string, number> = {};
  const where = (node: Node): string => {
    for (let e = node.parentElement; e; e = e.parentElement) {
      if (e.tagName === 'FIGURE' && e.getAttribute('aria-label'))
        return `figure "${e.getAttribute('aria-label')}"`;
      if (e.dataset.testid) return e.dataset.testid;
      if (e.tagName === 'TABLE' || e.tagName === 'SECTION')
        return `${e.tagName.toLowerCase()}.${e.className}`;
    }
    return 'document';
  };
  const size = (node: Node): number => {
    let n = 1;
    for (let c = node.firstChild; c; c = c.nextSibling) n += size(c);
    return n;
  };
  const count = (records: MutationRecord[]) => {
    for (const r of records)
      for (const node of r.addedNodes) {
        const key = where(node);
        counts[key] = (counts[key] ?? 0) + size(node);
      }
  };
  const observer = new MutationObserver(count);
  observer.observe(document.body, { childList: true, subtree: true });
  window.__insertedNodes = {
    stop: () => {
      count(observer.takeRecords());
      observer.disconnect();
      return counts;
    },
  };
}

/**
 * In the page: ~100 MB of objects that die at once, so the young generation is collected several times and
 * what the drag left there that is garbage by now is dropped from the samples (what is left was promoted).
 */
function churnYoungGeneration(): number {
  const ring: { i: number }[] = new Array<{ i: number }>(1024);
  let sum = 0;
  for (let i = 0; i < 4_000_000; i++) {
    ring[i & 1023] = { i };
    sum += ring[(i * 7) & 1023]?.i ?? 0;
  }
  return sum;
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1m' },
    views: { type: 'string', default: UI_VIEWS.join(',') },
    // only what outlives the young generation's collections: what fills the old one, whose growth brings on
    // the major collections
    promoted: { type: 'boolean', default: false },
  },
});
const repo = resolve(import.meta.dirname, '../..');
const leads = leadsOfSize(values.size!);
// unminified: the samples name the app's functions
const outDir = join(tmpdir(), `scorelab-alloc-${process.pid}`);
const { server, url } = await serveBuiltApp(repo, outDir, { minify: false, sourcemap: true });
const source = sourceNamer(join(outDir, 'assets'));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const { page, context } = await openApp(browser, url);
  await loadThroughWizard(page, join(repo, 'bench/.data', values.size!), leads, false);
  const cdp = await context.newCDPSession(page as Page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.enable');
  for (const view of values.views!.split(',') as UiView[]) {
    await dragIn(page, view, false);
    const before = await metrics(cdp);
    await cdp.send('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: !values.promoted,
    });
    await page.evaluate(watchInsertedNodes);
    const drag = await dragIn(page, view, false);
    const inserted = await page.evaluate(() => window.__insertedNodes!.stop());
    if (values.promoted) await page.evaluate(churnYoungGeneration);
    const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as {
      profile: { head: SamplingNode };
    };
    const after = await metrics(cdp);
    const { self, app } = allocationsBy(withoutCallsTo(profile.head, churnYoungGeneration.name), source);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    console.log(`\n== ${view}: ${JSON.stringify(drag)}`);
    console.log(
      `  ${values.promoted ? 'allocated and kept past the young generation' : 'allocated'} ${mb(total)}; DOM nodes ${before.Nodes} → ${after.Nodes}; layouts +${delta('LayoutCount')}, style recalcs +${delta('RecalcStyleCount')}; JS heap ${mb(before.JSHeapUsedSize)} → ${mb(after.JSHeapUsedSize)}`,
    );
    console.log(`    DOM nodes inserted, by where:\n${top(new Map(Object.entries(inserted)), 10, String)}`);
    console.log(`    by function itself:\n${top(self, 12)}`);
    console.log(`    under app function:\n${top(app, 16)}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
