/**
 * Where the app's UI thread blocks: `npx tsx bench/ui/profile.ts [--size 1m] [--views tiers,roi] [--min 17]`.
 * Builds the app unminified, loads the CSVs through the wizard and drags a weight in each view (as the ui
 * phase does) while Chromium traces every main-thread task and samples the CPU; prints each task longer
 * than `--min` ms with the functions that took its time (self time, then the app's frames on the stacks).
 */
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../test/e2e/chromium.ts';
import { dragIn, leadsOfSize, loadThroughWizard, openApp, UI_VIEWS, type UiView } from './uiBench.ts';
import { mainThreadEvents, mainThreadTasks, timeInside, type TraceEvent } from './taskTrace.ts';
import { serveBuiltApp } from './appServer.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  parent?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface LayoutArgs {
  beginData?: {
    dirtyObjects?: number;
    totalObjects?: number;
    stackTrace?: { functionName: string; url: string; lineNumber: number }[];
  };
  endData?: { layoutRoots?: unknown[] };
}

interface PaintArgs {
  data?: { nodeId?: number; layerId?: number; clip?: number[] };
}

async function traced<T>(
  cdp: CDPSession,
  run: () => Promise<T>,
): Promise<{ value: T; tasks: TraceEvent[]; profile: CpuProfile; inner: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: TraceEvent[] }) => events.push(...e.value);
  // the event names Playwright's CDPSession types do not list
  const session = cdp as unknown as {
    on(e: string, f: (x: never) => void): void;
    off(e: string, f: (x: never) => void): void;
    once(e: string, f: () => void): void;
  };
  session.on('Tracing.dataCollected', collect);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline', transferMode: 'ReportEvents' });
  const value = await run();
  const done = new Promise<void>((r) => session.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  session.off('Tracing.dataCollected', collect);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  return { value, tasks: mainThreadTasks(events), profile, inner: mainThreadEvents(events) };
}

const paintedNodes = new Set<number>();

function report(
  label: string,
  tasks: TraceEvent[],
  profile: CpuProfile,
  minMs: number,
  inner: TraceEvent[],
): void {
  const long = tasks.filter((t) => (t.dur ?? 0) / 1000 > minMs).sort((a, b) => b.dur! - a.dur!);
  const total = long.reduce((s, t) => s + t.dur! / 1000, 0);
  console.log(
    `\n== ${label}: ${long.length} tasks > ${minMs} ms (total ${total.toFixed(0)} ms), longest ${((long[0]?.dur ?? 0) / 1000).toFixed(1)} ms`,
  );
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const name = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}`;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  for (const task of long.slice(0, 6)) {
    const from = task.ts;
    const to = task.ts + task.dur!;
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    let n = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i] < from || times[i] > to) continue;
      n++;
      const leaf = byId.get(profile.samples[i])!;
      self.set(name(leaf), (self.get(name(leaf)) ?? 0) + 1);
      const seen = new Set<string>();
      for (
        let p: ProfileNode | undefined = leaf;
        p;
        p = p.parent === undefined ? undefined : byId.get(p.parent)
      ) {
        if (!p.callFrame.url.includes('/assets/') && !p.callFrame.url.includes('/src/')) continue;
        const k = name(p);
        if (seen.has(k)) continue;
        seen.add(k);
        incl.set(k, (incl.get(k) ?? 0) + 1);
      }
    }
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([f, c]) => `${((c / Math.max(n, 1)) * 100).toFixed(0)}% ${f}`);
    const cpu = (task as TraceEvent & { tdur?: number }).tdur;
    console.log(
      `  task ${(task.dur! / 1000).toFixed(1)} ms, on CPU ${cpu === undefined ? '?' : (cpu / 1000).toFixed(1)} ms (${n} samples)`,
    );
    console.log(`    trace: ${timeInside(task, inner, 8)}`);
    for (const e of inner) {
      if (e.name !== 'Layout' || e.ts < from || e.ts + (e.dur ?? 0) > to || (e.dur ?? 0) < 1000) continue;
      const a = e.args as LayoutArgs | undefined;
      const forced = a?.beginData?.stackTrace?.[0];
      console.log(
        `    layout ${((e.dur ?? 0) / 1000).toFixed(1)} ms: ${a?.beginData?.dirtyObjects ?? '?'} dirty of ${a?.beginData?.totalObjects ?? '?'}, ${a?.endData?.layoutRoots?.length ?? '?'} roots${forced ? `, forced by ${forced.functionName} ${forced.url.split('/').pop()}:${forced.lineNumber}` : ''}`,
      );
    }
    for (const e of inner) {
      if (e.name !== 'Paint' || e.ts < from || e.ts + (e.dur ?? 0) > to || (e.dur ?? 0) < 1000) continue;
      const d = (e.args as PaintArgs | undefined)?.data;
      if (d?.nodeId) paintedNodes.add(d.nodeId);
      const c = d?.clip ?? [];
      const xs = [c[0], c[2], c[4], c[6]];
      const ys = [c[1], c[3], c[5], c[7]];
      console.log(
        `    paint ${((e.dur ?? 0) / 1000).toFixed(1)} ms: node ${d?.nodeId ?? '?'} layer ${d?.layerId ?? '?'}, clip ${Math.min(...xs)},${Math.min(...ys)} ${Math.max(...xs) - Math.min(...xs)}×${Math.max(...ys) - Math.min(...ys)}`,
      );
    }
    console.log(`    self: ${top(self, 8).join(' | ')}`);
    console.log(`    app:  ${top(incl, 14).join(' | ')}`);
  }
}

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1m' },
    views: { type: 'string', default: UI_VIEWS.join(',') },
    min: { type: 'string', default: '17' },
    'skip-load-trace': { type: 'boolean', default: false },
    /** profile each view's first drag too (as the bench's ui phase times it), not only a warmed-up one */
    'no-warm': { type: 'boolean', default: false },
    /** a style sheet added to the page before the drags, to test a layout or paint change without a build */
    css: { type: 'string', default: '' },
  },
});
const repo = resolve(import.meta.dirname, '../..');
const dir = join(repo, 'bench/.data', values.size!);
const leads = leadsOfSize(values.size!);
const outDir = join(tmpdir(), `scorelab-uiprof-${process.pid}`);
// unminified: the profile names the app's functions
const { server, url } = await serveBuiltApp(repo, outDir, { minify: false });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const minMs = Number(values.min);
try {
  const { page, context } = await openApp(browser, url);
  const cdp = await context.newCDPSession(page as Page);
  if (values['skip-load-trace']) {
    const load = await loadThroughWizard(page, dir, leads, false);
    console.log(`load: ${JSON.stringify(load)}`);
  } else {
    const { value, tasks, profile, inner } = await traced(cdp, () =>
      loadThroughWizard(page, dir, leads, false),
    );
    console.log(`load: ${JSON.stringify(value)}`);
    report('load', tasks, profile, 50, inner);
  }
  if (values.css) await page.addStyleTag({ content: values.css });
  for (const view of values.views!.split(',') as UiView[]) {
    if (!values['no-warm']) await dragIn(page, view, false); // warm: the view's first open
    const { value, tasks, profile, inner } = await traced(cdp, () => dragIn(page, view, false));
    console.log(`\ndrag ${view}: ${JSON.stringify(value)}`);
    report(`drag ${view}`, tasks, profile, minMs, inner);
    for (const id of paintedNodes) {
      const described = await cdp
        .send('DOM.describeNode', { backendNodeId: id })
        .then(({ node }) => `${node.nodeName} ${JSON.stringify(node.attributes ?? [])}`)
        .catch(() => 'gone');
      console.log(`  node ${id}: ${described}`);
    }
    paintedNodes.clear();
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
