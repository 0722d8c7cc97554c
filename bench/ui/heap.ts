/**
 * What the page's JS heap holds after a load: `npx tsx bench/ui/heap.ts [--size 1m] [--view leads]`.
 * Loads the CSVs through the wizard as the ui phase does, drags a weight in one view, collects garbage and
 * takes a heap snapshot; prints the used heap, the node count and the largest kinds of object by count
 * and by size. Objects kept by the hundred thousand make every major collection of a drag long.
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/chromium.ts';
import { dragIn, leadsOfSize, loadThroughWizard, openApp, type UiView } from './uiBench.ts';
import { serveBuiltApp } from './appServer.ts';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function summarize(snapshot: Snapshot): void {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds = new Map<string, { count: number; bytes: number }>();
  const { nodes, strings } = snapshot;
  for (let k = 0; k < nodes.length; k += width) {
    const type = types[nodes[k + typeAt]];
    const named = ['object', 'closure', 'native', 'hidden'].includes(type);
    const key = named ? `${type} ${strings[nodes[k + nameAt]].slice(0, 50)}` : type;
    const kind = kinds.get(key) ?? { count: 0, bytes: 0 };
    kind.count++;
    kind.bytes += nodes[k + sizeAt];
    kinds.set(key, kind);
  }
  console.log(`heap nodes: ${(nodes.length / width).toLocaleString('en')}`);
  const line = ([key, { count, bytes }]: [string, { count: number; bytes: number }]) =>
    `  ${count.toLocaleString('en').padStart(10)}  ${(bytes / 1e6).toFixed(1).padStart(8)} MB  ${key}`;
  console.log('by count:');
  for (const e of [...kinds].sort((a, b) => b[1].count - a[1].count).slice(0, 8)) console.log(line(e));
  console.log('by size:');
  for (const e of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, 8)) console.log(line(e));
  const largest: [number, string][] = [];
  for (let k = 0; k < nodes.length; k += width) {
    if (types[nodes[k + typeAt]] !== 'string') continue;
    largest.push([nodes[k + sizeAt], strings[nodes[k + nameAt]].slice(0, 90).replace(/\s+/g, ' ')]);
  }
  console.log('largest strings:');
  for (const [bytes, text] of largest.sort((a, b) => b[0] - a[0]).slice(0, 12))
    console.log(`  ${(bytes / 1e3).toFixed(0).padStart(8)} kB  ${JSON.stringify(text)}`);
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1m' },
    view: { type: 'string', default: 'leads' },
  },
});
const repo = resolve(import.meta.dirname, '../..');
const leads = leadsOfSize(values.size!);
const { server, url } = await serveBuiltApp(repo, join(tmpdir(), `scorelab-heap-${process.pid}`));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const { page, context } = await openApp(browser, url);
  await loadThroughWizard(page, join(repo, 'bench/.data', values.size!), leads, false);
  await dragIn(page as Page, values.view as UiView, false);
  const cdp = await context.newCDPSession(page as Page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  console.log(`used JS heap after GC: ${(usedSize / 1e6).toFixed(1)} MB`);
  const chunks: string[] = [];
  (cdp as unknown as { on(e: string, f: (x: { chunk: string }) => void): void }).on(
    'HeapProfiler.addHeapSnapshotChunk',
    (e) => chunks.push(e.chunk),
  );
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  summarize(JSON.parse(chunks.join('')) as Snapshot);
} finally {
  await browser.close();
  await server.close();
}
