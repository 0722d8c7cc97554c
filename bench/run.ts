/**
 * npm run bench [-- --sizes 100000,1000000] [--runs 15] [--ingest-runs N] [--ingest-only] [--trace-tables]
 *   [--phases kernel,ui] [--ui-runs 8] [--ui-detail] [--data-root DIR] [--skip-views]
 *
 * Times ingest, the typed-array re-score, its SQL twin and the read floor in headless Chromium, on the
 * app's own code (bench/page), at each size; then (phase `ui`) the built app itself: the load through its
 * file input and main-thread blocking while a weight is dragged in each view. Prints a table and writes
 * bench-results.json at the repo root.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { writeSampleStreaming } from '../datasets/generator/index.ts';
import { dataMiddleware } from './serveData.ts';
import { ProcessMemorySampler, type StageMemory } from './processMemory.ts';
import type { IngestResult, PageMemory, RescoreResult } from './protocol.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium.ts';
import { freePort } from './freePort.ts';
import { median, round, row, type BenchRow } from './rows.ts';
import { serveBuiltApp } from './ui/appServer.ts';
import { uiRows, printUiTable } from './ui/uiRows.ts';
import { uiBench } from './ui/uiBench.ts';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
let dataRoot = join(repo, 'bench', '.data');
const SEED = 20261123; // datasets/generate.ts DEFAULT_SEED
const FILES = ['leads.csv', 'deals.csv', 'activities.csv'];
const BENCH_ARGS = [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'];

function positiveInts(text: string, name: string): number[] {
  return text.split(',').map((s) => {
    const n = Number(s.trim().replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name}: "${s}" is not a positive integer`);
    return n;
  });
}

/** 100000 → "100k", 1000000 → "1m" (the directory names the datasets README uses). */
function dirName(leads: number): string {
  if (leads % 1_000_000 === 0) return `${leads / 1_000_000}m`;
  if (leads % 1000 === 0) return `${leads / 1000}k`;
  return String(leads);
}

async function ensureData(leads: number): Promise<string> {
  const name = dirName(leads);
  const dir = join(dataRoot, name);
  if (FILES.every((f) => existsSync(join(dir, f)))) return name;
  console.log(`generating ${leads.toLocaleString('en-US')} leads into ${dir} …`);
  const start = performance.now();
  await writeSampleStreaming({ leads, seed: SEED }, dir);
  console.log(`  done in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return name;
}

/** Vite's logger minus the sourcemap notes duckdb-wasm's worker bundle triggers on every load. */
function quietLogger() {
  const logger = createLogger('warn');
  const quiet = (log: typeof logger.warn): typeof logger.warn => {
    return (msg, options) => {
      if (!msg.includes('points to a source file outside its package')) log(msg, options);
    };
  };
  logger.warn = quiet(logger.warn.bind(logger));
  logger.warnOnce = quiet(logger.warnOnce.bind(logger));
  return logger;
}

async function startVite(): Promise<{ server: ViteDevServer; url: string }> {
  const port = await freePort();
  const server = await createServer({
    configFile: false,
    root: join(repo, 'bench', 'page'),
    customLogger: quietLogger(),
    clearScreen: false,
    plugins: [
      {
        name: 'bench-data',
        configureServer: (s) => void s.middlewares.use('/data', dataMiddleware(dataRoot)),
      },
    ],
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'], include: ['apache-arrow'] },
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, fs: { allow: [repo] } },
  });
  await server.listen();
  return { server, url: `http://127.0.0.1:${port}/` };
}

async function benchSize(
  browser: Browser,
  url: string,
  leads: number,
  dir: string,
  runs: number,
  ingestRuns: number,
  traceTables: boolean,
  ingestOnly: boolean,
  skipViews: boolean,
): Promise<BenchRow[]> {
  const page = await browser.newPage();
  const memory = new ProcessMemorySampler(process.pid, /chrom/i);
  await page.exposeFunction('__benchMark', (stage: string, pageMemory: PageMemory) => {
    memory.mark(stage, pageMemory);
    // live, so a run that dies (out of memory at 10M) still shows how far it got
    if (traceTables) {
      const s = memory.stages.at(-1)!;
      console.log(
        `  [${(s.ms / 1000).toFixed(1)} s] ${stage}: peak ${s.peakMb.toFixed(0)} MB, end ${s.endMb.toFixed(0)} MB`,
      );
    }
  });
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      console.error(`[page console.${m.type()}] ${m.text()}`);
  });
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__bench?.ready === true, undefined, { timeout: 60_000 });

    // the data set as disk-backed File objects in the page's file input, as a drop gives the app
    await page.setInputFiles(
      '#files',
      FILES.map((f) => join(dataRoot, dir, f)),
    );
    memory.start();
    memory.restartStages();
    const ingest: IngestResult = await page.evaluate(([d, n, t]) => window.__bench!.ingest(d, n, t), [
      dir,
      ingestRuns,
      traceTables,
    ] as const);
    const peakRss = memory.stop();
    printStages(dir, memory.stages);
    if (ingest.leads !== leads) throw new Error(`${dir}: loaded ${ingest.leads} leads, expected ${leads}`);
    const heaps = ingest.runs.map((r) => r.peakHeapMb).filter((x): x is number => x !== null);
    console.log(
      `${dir}: ${(ingest.bytes / 2 ** 20).toFixed(0)} MB CSV given as files (read through a handle: ${ingest.bigFiles.join(', ') || 'none'}); ` +
        `${ingest.counts.leads} leads, ${ingest.counts.deals} deals, ${ingest.counts.activities} activities; ` +
        `${ingest.caseColumns} case code columns, ${ingest.events.toLocaleString('en-US')} aged events in the kernel log (${ingest.eventColumns} event rules)`,
    );

    const ingestRows = [
      row(
        'ingest.csv',
        leads,
        ingest.runs.map((r) => r.ms),
        {
          ...(heaps.length ? { peak_mb: round(Math.max(...heaps), 0) } : {}),
          ...(peakRss !== null ? { peak_rss_mb: round(peakRss, 0) } : {}),
        },
      ),
      row(
        'ingest.lead_table',
        leads,
        ingest.runs.map((r) => r.leadTableMs),
      ),
      row(
        'load.csv',
        leads,
        ingest.runs.map((r) => r.ms + r.leadTableMs + r.kernelMs),
        {
          ...(heaps.length ? { peak_mb: round(Math.max(...heaps), 0) } : {}),
          ...(peakRss !== null ? { peak_rss_mb: round(peakRss, 0) } : {}),
          stage_peak_rss_mb: stagePeaks(memory.stages),
        },
      ),
      row(
        'structural.sql',
        leads,
        ingest.runs.map((r) => r.structuralMs),
      ),
    ];
    if (ingestOnly) return ingestRows;
    const rescore: RescoreResult = await page.evaluate(([n, w, v]) => window.__bench!.rescore(n, w, v), [
      runs,
      2,
      !skipViews,
    ] as const);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `${dir}: a 40-move drag (16 ms/move) showed ${mean(rescore.dragShown1).toFixed(1)} results with one kernel worker, ` +
        `${mean(rescore.dragShown2).toFixed(1)} with two`,
    );
    if (rescore.sqlFailure)
      console.log(`${dir}: SQL failed, no SQL rows from here on: ${rescore.sqlFailure}`);
    console.log(
      `${dir}: kernel and SQL aggregates equal in all ${rescore.verifiedRuns} runs (tiers ${rescore.tierCounts.join(' / ')}); ` +
        `floor reads ${(rescore.floorBytes / 2 ** 20).toFixed(1)} MB`,
    );
    for (const [name, runs] of Object.entries(rescore.kernelPhases)) {
      const steps = [...new Set(runs.flatMap((r) => Object.keys(r)))];
      const medians = steps
        .map((step) => [step, median(runs.map((r) => r[step] ?? 0))] as const)
        .filter(([, ms]) => ms >= 0.05)
        .map(([step, ms]) => `${step} ${ms.toFixed(1)}`);
      console.log(`${dir}: ${name} by step (median ms): ${medians.join(', ')}`);
    }
    const timed = [
      ...ingestRows,
      row('rescore.kernel', leads, rescore.kernelMs),
      row('rescore.kernel.roundtrip', leads, rescore.kernelRoundTripMs),
      row('rescore.sql', leads, rescore.sqlMs),
      row('drag.kernel.1w.settle', leads, rescore.dragSettle1Ms),
      row('drag.kernel.2w.settle', leads, rescore.dragSettle2Ms),
      row('rescore.kernel.points', leads, rescore.pointsKernelMs),
      row('rescore.sql.points', leads, rescore.pointsSqlMs),
      row('rescore.kernel.decay', leads, rescore.decayKernelMs),
      row('rescore.sql.decay', leads, rescore.decaySqlMs),
      row('read.floor', leads, rescore.floorMs),
      row('accuracy.kernel', leads, rescore.accuracyKernelMs),
      row('accuracy.sql', leads, rescore.accuracySqlMs),
      row('bias.kernel', leads, rescore.biasKernelMs),
      row('bias.sql', leads, rescore.biasSqlMs),
      row('roi.kernel', leads, rescore.roiKernelMs),
      row('roi.sql', leads, rescore.roiSqlMs),
    ];
    // a timing skipped (--skip-views) or failed (an SQL timing out of DuckDB's heap) has no runs: no row
    return timed.filter((r) => r.runs > 0);
  } finally {
    await page.close();
  }
}

/** The load's own stages (not the per-table detail lines, nor the untimed ones), highest peak of each. */
function stagePeaks(stages: readonly StageMemory[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of stages)
    if (!s.stage.startsWith(' ') && !s.stage.includes('untimed') && !s.stage.startsWith('structural'))
      out[s.stage] = Math.max(out[s.stage] ?? 0, round(s.peakMb, 0));
  return out;
}

/** One line per memory stage: its time, the RssAnon peak (split by process type) and what the page saw. */
function printStages(dir: string, stages: readonly StageMemory[]): void {
  const mb = (x: number | null) => (x === null ? '–' : x.toFixed(0));
  console.log(`${dir}: memory by stage (MB; RssAnon summed over Chromium's processes, sampled every 250 ms)`);
  console.log(
    `  ${'stage'.padEnd(44)} ${'ms'.padStart(7)} ${'peak'.padStart(6)} ${'end'.padStart(6)}  ${'heap'.padStart(5)} ${'duckdb'.padStart(6)}  peak by process`,
  );
  for (const s of stages) {
    const byType = Object.entries(s.peakByType)
      .sort((a, b) => b[1] - a[1])
      .map(([t, v]) => `${t} ${v.toFixed(0)}`)
      .join(', ');
    console.log(
      `  ${s.stage.padEnd(44)} ${s.ms.toFixed(0).padStart(7)} ${mb(s.peakMb).padStart(6)} ${mb(s.endMb).padStart(6)}  ${mb(s.heapMb).padStart(5)} ${mb(s.duckdbMb).padStart(6)}  ${byType}`,
    );
  }
}

function printTable(rows: BenchRow[]): void {
  const header = ['name', 'leads', 'median ms', 'min', 'max', 'runs', 'peak_mb', 'peak_rss_mb'];
  const cells = rows.map((r) => [
    r.name,
    r.leads.toLocaleString('en-US'),
    r.median_ms.toFixed(1),
    r.min_ms.toFixed(1),
    r.max_ms.toFixed(1),
    String(r.runs),
    r.peak_mb === undefined ? '' : String(r.peak_mb),
    r.peak_rss_mb === undefined ? '' : String(r.peak_rss_mb),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

function printRatios(rows: BenchRow[], sizes: number[]): void {
  const get = (name: string, leads: number) =>
    rows.find((r) => r.name === name && r.leads === leads)!.median_ms;
  for (const leads of sizes) {
    if (!rows.some((r) => r.name === 'rescore.kernel' && r.leads === leads)) continue;
    const kernel = get('rescore.kernel', leads);
    const has = (name: string) => rows.some((r) => r.name === name && r.leads === leads);
    const sqlOver = (sql: string, k: string) =>
      has(sql) ? `${(get(sql, leads) / get(k, leads)).toFixed(1)}×` : 'failed';
    console.log(
      `${leads.toLocaleString('en-US')} leads: rescore.sql / rescore.kernel = ${sqlOver('rescore.sql', 'rescore.kernel')}, ` +
        `rescore.kernel / read.floor = ${(kernel / get('read.floor', leads)).toFixed(1)}×; ` +
        `points: sql / kernel = ${sqlOver('rescore.sql.points', 'rescore.kernel.points')}, ` +
        `kernel / floor = ${(get('rescore.kernel.points', leads) / get('read.floor', leads)).toFixed(1)}×; ` +
        `decay: sql / kernel = ${sqlOver('rescore.sql.decay', 'rescore.kernel.decay')}, ` +
        `kernel / floor = ${(get('rescore.kernel.decay', leads) / get('read.floor', leads)).toFixed(1)}×`,
    );
    if (!rows.some((r) => r.name === 'accuracy.kernel' && r.leads === leads)) continue;
    console.log(
      `${leads.toLocaleString('en-US')} leads: ` +
        `accuracy.sql / accuracy.kernel = ${(get('accuracy.sql', leads) / get('accuracy.kernel', leads)).toFixed(1)}×, ` +
        `bias.sql / bias.kernel = ${(get('bias.sql', leads) / get('bias.kernel', leads)).toFixed(1)}×, ` +
        `roi.sql / roi.kernel = ${(get('roi.sql', leads) / get('roi.kernel', leads)).toFixed(1)}×`,
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      runs: { type: 'string', default: '15' },
      'ingest-runs': { type: 'string' },
      'trace-tables': { type: 'boolean', default: false },
      'ingest-only': { type: 'boolean', default: false },
      'skip-views': { type: 'boolean', default: false },
      phases: { type: 'string', default: 'kernel,ui' },
      'ui-runs': { type: 'string', default: '8' },
      /** the ui phase traces what runs inside the page's tasks too, and lists each task over a frame */
      'ui-detail': { type: 'boolean', default: false },
      'data-root': { type: 'string' },
    },
  });
  const phases = new Set(values.phases.split(',').map((p) => p.trim()));
  for (const p of phases) if (p !== 'kernel' && p !== 'ui') throw new Error(`--phases: unknown phase "${p}"`);
  if (values['ingest-only']) phases.delete('ui');
  const [uiRuns] = positiveInts(values['ui-runs'], 'ui-runs');
  if (values['data-root']) dataRoot = resolve(values['data-root']);
  const sizes = positiveInts(values.sizes, 'sizes');
  const [runs] = positiveInts(values.runs, 'runs');
  const ingestRunsFor = (leads: number) =>
    values['ingest-runs']
      ? positiveInts(values['ingest-runs'], 'ingest-runs')[0]
      : leads >= 1_000_000
        ? 3
        : 5;

  const wall = performance.now();
  const dirs = new Map<number, string>();
  for (const leads of sizes) dirs.set(leads, await ensureData(leads));

  const { server, url } = await startVite();
  const app = phases.has('ui')
    ? await serveBuiltApp(repo, join(tmpdir(), `scorelab-bench-app-${process.pid}`))
    : null;
  let browser: Browser | undefined;
  const rows: BenchRow[] = [];
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: BENCH_ARGS });
    for (const leads of sizes) {
      const start = performance.now();
      const dir = dirs.get(leads)!;
      if (phases.has('kernel'))
        rows.push(
          ...(await benchSize(
            browser,
            url,
            leads,
            dir,
            runs,
            ingestRunsFor(leads),
            values['trace-tables']!,
            values['ingest-only']!,
            values['skip-views']!,
          )),
        );
      if (app)
        rows.push(
          ...uiRows(
            leads,
            await uiBench(browser, app.url, join(dataRoot, dir), leads, uiRuns, values['ui-detail']!),
          ),
        );
      console.log(`${dir}: ${((performance.now() - start) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await browser?.close();
    await server.close();
    await app?.server.close();
  }

  printTable(rows.filter((r) => !r.name.startsWith('ui.')));
  console.log('');
  if (!values['ingest-only']) printRatios(rows, sizes);
  printUiTable(rows.filter((r) => r.name.startsWith('ui.')));
  const out = join(repo, 'bench-results.json');
  writeFileSync(out, JSON.stringify(rows, null, 2) + '\n');
  console.log(`\nwrote ${out}; wall time ${((performance.now() - wall) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
