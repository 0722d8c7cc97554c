/**
 * The bench page: runs the app's own ingest, feature, kernel and SQL code in Chromium and hands timings to
 * bench/run.ts through window.__bench. Served by Vite so the DuckDB-wasm `?url` imports and the
 * queries/**.sql glob resolve exactly as in the app.
 */
import { createBrowserEngine } from '../../src/db/browserEngine';
import type { SqlEngine } from '../../src/db/engine';
import { readRows } from '../../src/db/schema';
import {
  buildLeadFeatures,
  buildRuleInputs,
  kernelInputs,
  fetchLeadTable,
  RuleColumnCache,
  type LeadTable,
} from '../../src/features/build';
import { encodeSegment, OTHER_LABEL, type EncodedSegment } from '../../src/features/segments';
import { loadFiles } from '../../src/ingest/load';
import { dropText } from '../../src/ingest/keptText';
import type { PreparedFile } from '../../src/ingest/prepare';
import { prepareSource } from '../../src/ingest/source';
import { BIG_FILE_BYTES, readUpload } from '../../src/ingest/bigFile';
import { parseOptionsOf } from '../../src/ingest/dateOrders';
import { formatOptionsOf } from '../../src/ingest/columnFormats';
import { HISTOGRAM_BINS, type TierSummary } from '../../src/kernel/aggregate';
import { createKernelWorker, createKernelWorkers, KernelClient } from '../../src/kernel/client';
import { copyInputs, handOverInSteps, NO_DAY, OUTCOME, type RuleInputs } from '../../src/kernel/matrix';
import { compilePlan, layoutOf, type KernelPlan, type MatrixLayout } from '../../src/model/compile';
import { defaultScenario, mapsUrgency } from '../../src/model/defaultScenario';
import { setDecay } from '../../src/model/edits';
import type { Scenario } from '../../src/model/scenario';
import { ruleMatrixSql } from '../../src/model/ruleSql';
import { scoreSql } from '../../src/model/scoreSql';
import type { BenchApi, IngestResult, IngestRun, RescoreResult } from '../protocol';
import type { FloorData, FloorReply } from './floorWorker';
import { accuracySql, type SqlAccuracy } from './accuracySql';
import { BENCH_SEGMENTS, benchSegmentOf, biasSql, type SqlBiasRow } from './biasSql';
import { roiSql, type SqlRoiCell } from './roiSql';
import { fetchWonRevenue, revenueIn } from '../../src/features/revenue';
import type { RoiResult } from '../../src/kernel/roi';
import { quartersOf } from '../../src/kernel/window';
import type { BiasReport } from '../../src/kernel/bias';
import type { AccuracyReport } from '../../src/kernel/accuracy';

const FILES = ['leads.csv', 'deals.csv', 'activities.csv'] as const;
const SEGMENT = 'industry';

interface Loaded {
  engine: SqlEngine;
  inputs: RuleInputs;
  leads: LeadTable;
  segment: EncodedSegment;
}
let loaded: Loaded | null = null;

const status = (text: string) => {
  document.getElementById('status')!.textContent = text;
};

// ---- peak JS heap (Chromium's performance.memory; precise with --enable-precise-memory-info) ----

interface MemoryInfo {
  usedJSHeapSize: number;
}
/** performance.memory is a snapshot taken when read, so it is read anew for every sample. */
const usedHeap = () => (performance as Performance & { memory?: MemoryInfo }).memory?.usedJSHeapSize ?? null;
const collect = (globalThis as { gc?: () => void }).gc;

class HeapSampler {
  #peak = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  start(): void {
    collect?.();
    this.#peak = 0;
    this.sample();
    this.#timer = setInterval(() => this.sample(), 10);
  }
  sample(): void {
    const used = usedHeap();
    if (used !== null) this.#peak = Math.max(this.#peak, used);
  }
  stop(): number | null {
    this.sample();
    clearInterval(this.#timer);
    return usedHeap() !== null ? this.#peak / 2 ** 20 : null;
  }
}

// ---- memory stages: Node samples every Chromium process between two marks ----

/** DuckDB's own accounting of the memory it holds (tables, hash tables, buffers), MB. */
async function duckdbMemoryMb(engine: SqlEngine): Promise<number | null> {
  try {
    const [row] = readRows(
      await engine.query('SELECT CAST(sum(memory_usage_bytes) AS DOUBLE) AS used FROM duckdb_memory()'),
      { used: { type: 'number', nullable: true } },
    );
    return row.used === null ? null : row.used / 2 ** 20;
  } catch {
    return null;
  }
}

/** Ends a memory stage named `stage` (a no-op unless run.ts exposed __benchMark). */
async function mark(engine: SqlEngine | null, stage: string): Promise<void> {
  if (!window.__benchMark) return;
  const heap = usedHeap();
  await window.__benchMark(stage, {
    heapMb: heap === null ? null : heap / 2 ** 20,
    duckdbMb: engine ? await duckdbMemoryMb(engine) : null,
  });
}

/** The first table a statement creates (after its leading comments), or null. */
function createdTable(sql: string): string | null {
  const body = sql.replace(/^(\s*--[^\n]*\n)*/, '');
  return /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP(?:ORARY)?\s+)?TABLE\s+(\w+)/i.exec(body)?.[1] ?? null;
}

/** The engine with a memory mark after every statement that creates a table and every registered file. */
function tracedEngine(engine: SqlEngine): SqlEngine {
  return {
    ...engine,
    async query(sql, params) {
      const result = await engine.query(sql, params);
      const table = createdTable(sql);
      if (table) await mark(engine, `  table ${table}`);
      // a raw table's rows after each chunk (ingest/count_rows.sql), to follow a streamed upload's passes
      if (sql.startsWith('-- Rows of one raw upload table'))
        await mark(engine, `  rows ${String(result.toArray()[0]?.toJSON().n)}`);
      return result;
    },
    async registerText(name, text) {
      await engine.registerText(name, text);
      await mark(engine, `  registerText ${name}`);
    },
    async registerBuffer(name, bytes) {
      await engine.registerBuffer(name, bytes);
      await mark(engine, `  registerBuffer ${name}`);
    },
  };
}

// ---- ingest.csv ----

/**
 * The data set as the files run.ts put into the page's file input (setInputFiles: disk-backed File objects,
 * as a drop or a file picker gives the app), in FILES order.
 */
function chosenFiles(): File[] {
  const input = document.getElementById('files') as HTMLInputElement;
  const files = [...(input.files ?? [])];
  return FILES.map((name) => {
    const file = files.find((f) => f.name === name);
    if (!file) throw new Error(`${name} was not given to the page's file input`);
    return file;
  });
}

async function closeLoaded(): Promise<void> {
  const previous = loaded;
  loaded = null;
  await previous?.engine.close();
}

async function ingest(dir: string, runs: number, traceTables = false): Promise<IngestResult> {
  const files = chosenFiles();
  const scenario = defaultScenario({ withUrgency: true });
  const results: IngestRun[] = [];
  let counts = { leads: 0, deals: 0, activities: 0 };
  for (let r = 0; r < runs; r++) {
    status(`ingest ${dir} run ${r + 1}/${runs}`);
    // a fresh database per run (boot not timed), so no run reads tables or caches of the one before
    await closeLoaded();
    const booted = await createBrowserEngine(() => {});
    const engine = traceTables ? tracedEngine(booted) : booted;
    const heap = new HeapSampler();
    heap.start();
    await mark(booted, 'boot (untimed)');
    // the app's path from dropped files: readUpload (a file over 200 MB is kept as a handle, only its head
    // read), prepareSource, loadFiles with the wizard's parse and format options
    const start = performance.now();
    const sources = await Promise.all(files.map(readUpload));
    heap.sample();
    await mark(booted, 'readUpload');
    const prepared: PreparedFile[] = [];
    for (const source of sources) prepared.push(await prepareSource(source));
    heap.sample();
    await mark(booted, 'prepareSource');
    const leadsFile = prepared.find((f) => f.kind === 'leads');
    if (!leadsFile || !mapsUrgency(leadsFile.mapping))
      throw new Error(
        'the data does not map the urgency fields: the app would not pick the urgency scenario',
      );
    const report = await loadFiles(engine, prepared, {
      ...parseOptionsOf(prepared),
      ...formatOptionsOf(prepared),
    });
    prepared.forEach(dropText); // as the app keeps its loaded files
    heap.sample();
    await mark(booted, 'loadFiles');
    const facts = await buildLeadFeatures(engine, scenario.settings.agingHorizonDays);
    heap.sample();
    await mark(booted, 'buildLeadFeatures');
    const columns = new RuleColumnCache();
    const sent = await kernelInputs(engine, facts, scenario, columns);
    const ms = performance.now() - start;
    heap.sample();
    await mark(booted, 'buildRuleInputs');
    const t1 = performance.now();
    const leads = await fetchLeadTable(engine);
    const segment = encodeSegment(leads.text[SEGMENT], false);
    const leadTableMs = performance.now() - t1;
    heap.sample();
    await mark(booted, 'lead table');
    // interactive: the app's kernel workers hold their copies and the first score came back
    const t3 = performance.now();
    // as the app's DatasetState: the case columns copied (the cache keeps them), the event log handed over
    const kernel = new KernelClient(createKernelWorkers());
    const handed = await kernel.setDataInSteps(
      await handOverInSteps(sent),
      { outcome: leads.outcome.slice(), createdDay: leads.createdDay.slice() },
      { [SEGMENT]: { codes: segment.codes.slice(), count: segment.count } },
      columns.logId,
    );
    if (!handed) throw new Error('hand-over superseded');
    columns.handedOver();
    if (!(await kernel.score(compilePlan(scenario), SEGMENT))) throw new Error('first score superseded');
    const kernelMs = performance.now() - t3;
    const peakHeapMb = heap.stop();
    await mark(booted, `kernel (${kernel.workerCount} workers)`);
    kernel.terminate();
    // a structural edit as the app makes it: the scenario gains a case rule (job title contains
    // "director"), the baseline lacks it, one matrix holds both, and only the new condition is computed in SQL
    const edited = structuredClone(scenario);
    edited.dimensions[0].rules.push({
      id: 'fit-director',
      kind: 'contains',
      field: 'job_title',
      keywords: ['director'],
      points: 10,
    });
    const t2 = performance.now();
    const union = await kernelInputs(engine, facts, layoutOf(edited, scenario)!, columns);
    const structuralMs = performance.now() - t2;
    await mark(booted, 'structural edit (after the load)');
    // what stays once the garbage is collected (the prepared files are the app's kept uploads)
    collect?.();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await mark(booted, `retained after GC (untimed; ${prepared.length} prepared files kept)`);
    if (union.caseCodes.length !== sent.caseCodes.length + 1 || union.events !== null)
      throw new Error('the union layout has no new column, or read the event log again');
    if (report.problems.length > 0 || report.files.some((f) => f.rejectedLines.length > 0))
      throw new Error(`unexpected rejects: ${report.problems.length} cells`);
    counts = report.counts;
    // the generated data has no bad rows: every activities row read must be a canonical activity
    const activityRows = report.files.find((f) => f.kind === 'activities')?.rows;
    if (activityRows !== counts.activities)
      throw new Error(`${activityRows} activities rows read, ${counts.activities} loaded`);
    if (sent.n !== counts.leads) throw new Error(`matrix has ${sent.n} rows for ${counts.leads} leads`);
    // the kernel phases below need the whole inputs: the log the workers were handed is read again (untimed)
    const inputs = await buildRuleInputs(engine, facts, scenario, columns);
    loaded = { engine, inputs, leads, segment };
    results.push({ ms, leadTableMs, kernelMs, structuralMs, peakHeapMb });
  }
  const m = loaded!.inputs;
  status(`ingested ${dir}`);
  return {
    leads: counts.leads,
    bytes: files.reduce((s, f) => s + f.size, 0),
    bigFiles: files.filter((f) => f.size > BIG_FILE_BYTES).map((f) => f.name),
    counts,
    caseColumns: m.caseCodes.length,
    eventColumns: layoutOf(scenario)!.eventRules.length,
    events: loaded!.inputs.events.lead.reduce((s, l) => s + l.length, 0),
    runs: results,
  };
}

// ---- rescore.kernel, rescore.sql, read.floor ----

/** The weight change of run i: fit's weight moves each run, so no run repeats the one before. */
function planFor(base: KernelPlan, i: number): KernelPlan {
  const dimWeights = base.dimWeights.slice();
  dimWeights[0] = base.dimWeights[0] + 1 + (i % 20) * 0.75;
  return { ...base, dimWeights };
}

/** A points change of run i: the demo rule's points per event move each run (the behaviour dimension). */
function pointsPlanFor(base: KernelPlan, i: number): KernelPlan {
  return {
    ...base,
    eventRules: base.eventRules.map((r, k) =>
      k === 0 ? { ...r, perEvent: r.perEvent + 1 + (i % 20) * 0.5 } : r,
    ),
  };
}

/** A decay change of run i: the demo rule's half-life moves each run. */
function decayScenarioFor(base: Scenario, i: number): Scenario {
  const s = structuredClone(base);
  setDecay(s, 'beh-demo', { kind: 'exponential', halfLifeDays: 31 + (i % 20) });
  return s;
}

/** Leads per statement of the SQL twin's rule matrix: the whole of 10M leads runs DuckDB-wasm out of memory. */
const RULE_MATRIX_RANGE = 1_000_000;

/** Materialises the SQL twin's rule matrix of `n` leads as `table`, a range of leads at a time. */
async function createRuleMatrix(engine: SqlEngine, layout: MatrixLayout, table: string, n: number) {
  for (let first = 1; first <= n; first += RULE_MATRIX_RANGE) {
    const q = ruleMatrixSql(layout, { first, last: first + RULE_MATRIX_RANGE - 1 });
    const head = first === 1 ? `CREATE OR REPLACE TABLE ${table} AS` : `INSERT INTO ${table}`;
    await engine.query(`${head} ${q.sql}`, q.params);
  }
}

/** scoreSql wrapped into every aggregate summarize() gives, as one GROUPING SETS query. */
function aggregateSql(
  plan: KernelPlan,
  matrixTable: string,
): { sql: string; params: (string | number | boolean | null)[] } {
  const s = scoreSql(plan, matrixTable);
  const sql = `WITH scored AS (${s.sql}),
joined AS (
  SELECT s.tier, f.outcome, least(CAST(floor(s.score / 2) AS INTEGER), ${HISTOGRAM_BINS - 1}) AS bin,
    coalesce(f.${SEGMENT}, '') AS segment
  FROM scored s JOIN lead_features f ON f.lead_id = s.lead_id
)
SELECT CAST(grouping(tier, outcome, bin, segment) AS INTEGER) AS g, tier, outcome, bin, segment, count(*) AS n
FROM joined
GROUP BY GROUPING SETS ((tier), (tier, outcome), (bin), (segment, tier))`;
  return { sql, params: s.params };
}

// grouping() bits, highest first: tier, outcome, bin, segment (1 = rolled up)
const G_TIER = 0b0111;
const G_TIER_OUTCOME = 0b0011;
const G_BIN = 0b1101;
const G_SEGMENT_TIER = 0b0110;

type SqlSummary = Pick<TierSummary, 'tierCounts' | 'tierOutcomes' | 'histogram' | 'segmentTiers'>;

async function sqlSummary(
  engine: SqlEngine,
  plan: KernelPlan,
  segment: EncodedSegment,
  matrixTable = 'rule_matrix',
): Promise<SqlSummary> {
  const q = aggregateSql(plan, matrixTable);
  const rows = readRows(await engine.query(q.sql, q.params), {
    g: { type: 'number' },
    tier: { type: 'number', nullable: true },
    outcome: { type: 'string', nullable: true },
    bin: { type: 'number', nullable: true },
    segment: { type: 'string', nullable: true },
    n: { type: 'number' },
  });
  const T = plan.tierCount;
  const out: SqlSummary = {
    tierCounts: new Array<number>(T).fill(0),
    tierOutcomes: Array.from({ length: T }, () => [0, 0, 0]),
    histogram: new Array<number>(HISTOGRAM_BINS).fill(0),
    segmentTiers: Array.from({ length: segment.count }, () => new Array<number>(T).fill(0)),
  };
  const codes = new Map(segment.labels.map((l, i) => [l, i]));
  const other = codes.get(OTHER_LABEL) ?? -1;
  for (const r of rows) {
    if (r.g === G_TIER) out.tierCounts[r.tier!] += r.n;
    else if (r.g === G_TIER_OUTCOME)
      out.tierOutcomes[r.tier!][OUTCOME[r.outcome as keyof typeof OUTCOME]] += r.n;
    else if (r.g === G_BIN) out.histogram[r.bin!] += r.n;
    else if (r.g === G_SEGMENT_TIER) out.segmentTiers![codes.get(r.segment!) ?? other][r.tier!] += r.n;
    else throw new Error(`unexpected grouping ${r.g}`);
  }
  return out;
}

/** Kernel and SQL disagree: the bench stops (an SQL timing that fails for memory is only reported). */
class MismatchError extends Error {}

function verify(kernel: TierSummary, sql: SqlSummary, run: number): void {
  for (const key of ['tierCounts', 'tierOutcomes', 'histogram', 'segmentTiers'] as const) {
    const k = JSON.stringify(kernel[key]);
    const s = JSON.stringify(sql[key]);
    if (k !== s)
      throw new MismatchError(`run ${run}: kernel and SQL ${key} differ\n  kernel ${k}\n  sql    ${s}`);
  }
}

function verifyAccuracy(k: AccuracyReport, s: SqlAccuracy, run: number): void {
  const close = (name: string, x: number | null, y: number, tol: number) => {
    if (x === null || Math.abs(x - y) > tol)
      throw new Error(`run ${run}: kernel and SQL ${name} differ: kernel ${x}, sql ${y}`);
  };
  [k.train, k.test].forEach((w, i) => {
    close(`auc[${i}]`, w.auc, s.auc[i], 1e-9);
    close(`ap[${i}]`, w.ap, s.ap[i], 1e-9);
    close(`brier[${i}]`, w.brier, s.brier[i], 1e-8);
    close(`ece[${i}]`, w.ece, s.ece[i], 1e-8);
  });
  const tp = JSON.stringify(k.test.lift?.map((r) => r.tp));
  if (tp !== JSON.stringify(s.liftTp)) throw new Error(`run ${run}: lift TP differ`);
}

function verifyBias(k: BiasReport, s: SqlBiasRow[], run: number): void {
  if (s.length !== k.segments.rows.length) throw new Error(`run ${run}: ${s.length} SQL segments`);
  for (const r of s) {
    const kr = k.segments.rows[r.seg];
    if (kr.n !== r.n || kr.wins !== r.wins || Math.abs(kr.sumP - r.sumP) > 1e-6 * r.n)
      throw new Error(
        `run ${run}: segment ${r.seg} differs: kernel ${kr.n}/${kr.wins}/${kr.sumP}, sql ${r.n}/${r.wins}/${r.sumP}`,
      );
    if ((kr.auc === null) !== (r.auc === null) || Math.abs((kr.auc ?? 0) - (r.auc ?? 0)) > 1e-9)
      throw new Error(`run ${run}: segment ${r.seg} AUC differs: kernel ${kr.auc}, sql ${r.auc}`);
  }
}

function verifyRoi(k: RoiResult, cells: SqlRoiCell[], run: number): void {
  const first = Math.min(...cells.map((c) => c.q));
  for (const c of cells) {
    const f = k.report.cells[c.q - first]?.[c.tier];
    if (
      !f ||
      f.leads !== c.leads ||
      f.worked !== c.worked ||
      Math.abs(f.revenue - c.revenue) > 1e-6 * (1 + c.revenue)
    )
      throw new Error(
        `run ${run}: ROI cell ${c.q}/${c.tier} differs: kernel ${JSON.stringify(f)}, sql ${JSON.stringify(c)}`,
      );
  }
}

function floorWorker(inputs: RuleInputs, outcome: Uint8Array, segment: Int32Array) {
  const worker = new Worker(new URL('./floorWorker.ts', import.meta.url), { type: 'module' });
  const data: FloorData = {
    type: 'data',
    u8: [...inputs.caseCodes.map((a) => a.slice()), outcome.slice()],
    f64: inputs.events.age.map((a) => a.slice()),
    i32: [...inputs.events.lead.map((a) => a.slice()), segment.slice()],
  };
  const bytes = [...data.u8, ...data.f64, ...data.i32].reduce((s, a) => s + a.byteLength, 0);
  worker.postMessage(
    data,
    [...data.u8, ...data.f64, ...data.i32].map((a) => a.buffer as ArrayBuffer),
  );
  const run = () =>
    new Promise<FloorReply>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<FloorReply>) => resolve(e.data);
      worker.onerror = (e) => reject(new Error(e.message));
      worker.postMessage({ type: 'run' });
    });
  return { run, bytes, terminate: () => worker.terminate() };
}

async function rescore(runs: number, warmup: number, views = true): Promise<RescoreResult> {
  if (!loaded) throw new Error('ingest first');
  const { engine, inputs, leads, segment } = loaded;
  const matrix = { n: inputs.n };
  // the ingest leaves a large page heap: collect it and let background GC finish, so the first timed phase
  // does not share the two cores with it
  collect?.();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  // a fresh app kernel worker given copies of the data, as the app hands them over
  const kernelWithData = (workers = 1) => {
    const client = new KernelClient(Array.from({ length: workers }, () => createKernelWorker()));
    client.setData(
      copyInputs(inputs),
      { outcome: leads.outcome.slice(), createdDay: leads.createdDay.slice() },
      { [SEGMENT]: { codes: segment.codes.slice(), count: segment.count } },
    );
    return client;
  };
  const scenario = defaultScenario({ withUrgency: true });
  const base = compilePlan(scenario);
  const kernelPhases: Record<string, Record<string, number>[]> = {};
  const phasesOf = (row: string) => (kernelPhases[row] ??= []);

  // the kernel in the app's own worker (src/kernel/worker.ts → KernelSession), given copies as the app does
  status('rescore.kernel');
  const client = kernelWithData();
  const kernelMs: number[] = [];
  const kernelRoundTripMs: number[] = [];
  const summaries: TierSummary[] = [];
  for (let i = -warmup; i < runs; i++) {
    const start = performance.now();
    const r = await client.score(planFor(base, i), SEGMENT);
    const roundTrip = performance.now() - start;
    if (!r) throw new Error('kernel request was superseded');
    // the app hands each result's arrays back once the next one is shown (the worker reuses them)
    client.release(r);
    if (i < 0) continue;
    kernelMs.push(r.ms);
    phasesOf('rescore.kernel').push(r.phases);
    kernelRoundTripMs.push(roundTrip);
    summaries.push(r.summary);
  }
  client.terminate();

  // An SQL timing that fails (DuckDB-wasm out of its heap, at 10M leads) is reported, not thrown, and the
  // SQL timings after it are skipped: the kernel's rows still come out.
  let sqlFailure: string | null = null;
  const sqlBlock = async (stage: string, block: () => Promise<void>) => {
    if (sqlFailure !== null) return;
    status(stage);
    try {
      await block();
    } catch (error) {
      if (error instanceof MismatchError) throw error;
      sqlFailure = `${stage}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
    }
  };

  // SQL scoring of the materialised rule_matrix for each run's plan, checked against the kernel's summaries
  const timeSqlRuns = async (planOf: (i: number) => KernelPlan, expected: TierSummary[], into: number[]) => {
    for (let i = -warmup; i < runs; i++) {
      const start = performance.now();
      const s = await sqlSummary(engine, planOf(i), segment);
      const ms = performance.now() - start;
      if (i < 0) continue;
      verify(expected[i], s, i);
      into.push(ms);
    }
  };

  // the same re-score + aggregates in DuckDB, over the rule matrix materialised once
  const sqlMs: number[] = [];
  await sqlBlock('rescore.sql', async () => {
    await createRuleMatrix(engine, layoutOf(scenario)!, 'rule_matrix', matrix.n);
    await timeSqlRuns((i) => planFor(base, i), summaries, sqlMs);
  });

  // drag.kernel.<k>w: a slider dragged through 40 weights, one move per 16 ms frame, as the app's client
  // gets them (latest wins): time from the first move until the last weight's result, and results shown,
  // with one kernel worker and with two (both cores)
  const drag = async (workers: number) => {
    const c = kernelWithData(workers);
    await c.score(planFor(base, -1), SEGMENT); // warm (data handed over, baseline paths compiled)
    const settle: number[] = [];
    const shown: number[] = [];
    for (let run = 0; run < Math.min(runs, 5); run++) {
      const pending: Promise<unknown>[] = [];
      let delivered = 0;
      let lastMove = 0;
      for (let i = 0; i < 40; i++) {
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, 16));
        lastMove = performance.now();
        pending.push(
          c.score(planFor(base, run * 40 + i), SEGMENT).then((r) => {
            if (!r) return;
            delivered++;
            c.release(r);
          }),
        );
      }
      await Promise.all(pending);
      settle.push(performance.now() - lastMove);
      shown.push(delivered);
    }
    c.terminate();
    return { settle, shown };
  };
  status('drag.kernel.1w');
  const drag1 = await drag(1);
  status('drag.kernel.2w');
  const drag2 = await drag(2);

  // rescore.kernel.points / rescore.sql.points: a rule's points change (the kernel recomputes that
  // rule's dimension); SQL scores the same materialised rule_matrix
  status('rescore.kernel.points');
  const pointsClient = kernelWithData();
  const pointsKernelMs: number[] = [];
  const pointsSummaries: TierSummary[] = [];
  for (let i = -warmup; i < runs; i++) {
    const r = await pointsClient.score(pointsPlanFor(base, i), SEGMENT);
    if (!r) throw new Error('kernel request was superseded');
    pointsClient.release(r);
    if (i < 0) continue;
    pointsKernelMs.push(r.ms);
    phasesOf('rescore.kernel.points').push(r.phases);
    pointsSummaries.push(r.summary);
  }
  pointsClient.terminate();
  const pointsSqlMs: number[] = [];
  await sqlBlock('rescore.sql.points', async () => {
    await timeSqlRuns((i) => pointsPlanFor(base, i), pointsSummaries, pointsSqlMs);
    // the decay timings build a matrix of their own, and at 10M leads both do not fit DuckDB-wasm's heap:
    // without the views' SQL (--skip-views, as for 10M), which reads rule_matrix, it goes now
    if (!views) await engine.query('DROP TABLE rule_matrix');
  });

  // rescore.kernel.decay / rescore.sql.decay: a rule's half-life changes. The kernel recomputes that rule's
  // counts from the event log; SQL must recompute the decayed sums from activity_events (ruleMatrixSql)
  // before scoring, as the app did before the event log
  status('rescore.kernel.decay');
  // each SQL decay run rebuilds the matrix from ~60M aged events at 10M leads (minutes): one run there
  const decayRuns = matrix.n > 2_000_000 ? 1 : Math.min(runs, 5);
  const decayClient = kernelWithData();
  const decayKernelMs: number[] = [];
  const decaySummaries: TierSummary[] = [];
  for (let i = -warmup; i < runs; i++) {
    const r = await decayClient.score(compilePlan(decayScenarioFor(scenario, i)), SEGMENT);
    if (!r) throw new Error('kernel request was superseded');
    decayClient.release(r);
    if (i < 0) continue;
    decayKernelMs.push(r.ms);
    phasesOf('rescore.kernel.decay').push(r.phases);
    decaySummaries.push(r.summary);
  }
  decayClient.terminate();
  const decaySqlMs: number[] = [];
  await sqlBlock('rescore.sql.decay', async () => {
    for (let i = 0; i < decayRuns; i++) {
      const s = decayScenarioFor(scenario, i);
      const start = performance.now();
      await createRuleMatrix(engine, layoutOf(s)!, 'rule_matrix_decay', matrix.n);
      const summary = await sqlSummary(engine, compilePlan(s), segment, 'rule_matrix_decay');
      decaySqlMs.push(performance.now() - start);
      verify(decaySummaries[i], summary, i);
    }
    await engine.query('DROP TABLE rule_matrix_decay');
  });

  // the Accuracy, Bias and ROI views' numbers, kernel and SQL (skipped with --skip-views)
  const timeViews = async () => {
    // accuracy.kernel: a weight change with the Accuracy view open (re-score + every number of the view) in
    // the app's worker; accuracy.sql: the same numbers in DuckDB (bench/page/accuracySql.ts), checked
    status('accuracy.kernel');
    const accClient = kernelWithData();
    const accOptions = {
      splitDay: null,
      calibration: 'platt',
      binning: 'quantile',
      cutTier: 0,
      report: true,
    } as const;
    const accuracyKernelMs: number[] = [];
    const reports: AccuracyReport[] = [];
    for (let i = -warmup; i < runs; i++) {
      const r = await accClient.score(planFor(base, i), SEGMENT, null, accOptions);
      if (!r?.accuracy?.report) throw new Error('no accuracy report');
      // as the app does once the next result is shown: the worker writes the next one into these arrays
      accClient.release(r);
      if (i < 0) continue;
      accuracyKernelMs.push(r.ms);
      phasesOf('accuracy.kernel').push(r.phases);
      reports.push(r.accuracy.report);
    }
    accClient.terminate();
    status('accuracy.sql');
    const accuracySqlMs: number[] = [];
    for (let i = -warmup; i < runs; i++) {
      const split = reports[Math.max(0, i)].splitDay!;
      const start = performance.now();
      const a = await accuracySql(engine, planFor(base, i), split);
      const ms = performance.now() - start;
      if (i < 0) continue;
      accuracySqlMs.push(ms);
      verifyAccuracy(reports[i], a, i);
    }

    // bias.kernel: a weight change with the Bias view open on a 50-value segment column (re-score, calibration,
    // per-segment gap / z / BH / disparity / AUC within / rule contrasts) in the app's worker; bias.sql: the same
    // per-segment numbers in DuckDB (bench/page/biasSql.ts), checked
    status('bias.kernel');
    const biasClient = kernelWithData();
    biasClient.setBiasSegment({
      key: 'bench',
      codes: Int32Array.from({ length: matrix.n }, (_, i) => benchSegmentOf(i)),
      labels: Array.from({ length: BENCH_SEGMENTS }, (_, k) => `segment ${k}`),
      second: null,
    });
    const biasOptions = { key: 'bench', reference: null, cut: 0, focus: null };
    const calibrationOnly = { ...accOptions, report: false };
    const biasKernelMs: number[] = [];
    const biasReports: BiasReport[] = [];
    const splits: number[] = [];
    for (let i = -warmup; i < runs; i++) {
      const r = await biasClient.score(planFor(base, i), SEGMENT, null, calibrationOnly, biasOptions);
      if (!r?.bias || r.accuracy?.splitDay == null) throw new Error('no bias report');
      biasClient.release(r);
      if (i < 0) continue;
      biasKernelMs.push(r.ms);
      phasesOf('bias.kernel').push(r.phases);
      biasReports.push(r.bias);
      splits.push(r.accuracy.splitDay);
    }
    biasClient.terminate();
    status('bias.sql');
    const biasSqlMs: number[] = [];
    for (let i = -warmup; i < runs; i++) {
      const start = performance.now();
      const b = await biasSql(engine, planFor(base, i), splits[Math.max(0, i)], 0);
      const ms = performance.now() - start;
      if (i < 0) continue;
      biasSqlMs.push(ms);
      verifyBias(biasReports[i], b.rows, i);
    }

    // roi.kernel: a weight change with the ROI view open (re-score + every number of the view) in the app's
    // worker; roi.sql: the same numbers in DuckDB (bench/page/roiSql.ts), checked
    status('roi.kernel');
    const revenue = await fetchWonRevenue(engine);
    const roiAmount = revenueIn(revenue, matrix.n, 'USD', null).amount;
    const roiDays = new Float64Array(matrix.n).fill(NaN);
    for (let r = 0; r < revenue.lead.length; r++) {
      const lead = revenue.lead[r];
      if (leads.createdDay[lead] !== NO_DAY) roiDays[lead] = revenue.wonDay[r] - leads.createdDay[lead];
    }
    const roiQuarters = quartersOf(leads.createdDay);
    const roiClient = kernelWithData();
    await roiClient.setRoiDataInSteps({
      key: 'bench',
      quarter: roiQuarters.codes,
      labels: roiQuarters.labels,
      amount: roiAmount,
      daysToWin: roiDays,
    });
    const roiSettings = {
      costPerLead: [150, 60, 20],
      marginPct: 70,
      fixedPerQuarter: 1000,
      capacity: null,
      cut: 1,
    };
    const roiKernelMs: number[] = [];
    const roiReports: RoiResult[] = [];
    for (let i = -warmup; i < runs; i++) {
      // as the app asks with the ROI view open: no calibration (the view reads no probability)
      const r = await roiClient.score(planFor(base, i), SEGMENT, null, null, null, {
        key: 'bench',
        ...roiSettings,
      });
      if (!r?.roi) throw new Error('no ROI report');
      roiClient.release(r);
      if (i < 0) continue;
      roiKernelMs.push(r.ms);
      phasesOf('roi.kernel').push(r.phases);
      roiReports.push(r.roi);
    }
    roiClient.terminate();
    status('roi.sql');
    const roiSqlMs: number[] = [];
    for (let i = -warmup; i < runs; i++) {
      const start = performance.now();
      const r = await roiSql(engine, planFor(base, i), roiSettings);
      const ms = performance.now() - start;
      if (i < 0) continue;
      roiSqlMs.push(ms);
      verifyRoi(roiReports[i], r.cells, i);
    }
    return { accuracyKernelMs, accuracySqlMs, biasKernelMs, biasSqlMs, roiKernelMs, roiSqlMs };
  };
  const none: number[] = [];
  const viewMs = views
    ? await timeViews()
    : {
        accuracyKernelMs: none,
        accuracySqlMs: none,
        biasKernelMs: none,
        biasSqlMs: none,
        roiKernelMs: none,
        roiSqlMs: none,
      };

  status('read.floor');
  const floor = floorWorker(inputs, leads.outcome, segment.codes);
  const floorMs: number[] = [];
  for (let i = -warmup; i < runs; i++) {
    const r = await floor.run();
    if (i >= 0) floorMs.push(r.ms);
  }
  floor.terminate();
  status('done');
  return {
    leads: matrix.n,
    kernelThread: 'kernel worker (src/kernel/worker.ts via KernelClient)',
    kernelMs,
    kernelRoundTripMs,
    sqlMs,
    pointsKernelMs,
    pointsSqlMs,
    decayKernelMs,
    decaySqlMs,
    dragSettle1Ms: drag1.settle,
    dragShown1: drag1.shown,
    dragSettle2Ms: drag2.settle,
    dragShown2: drag2.shown,
    floorMs,
    kernelPhases,
    ...viewMs,
    floorBytes: floor.bytes,
    sqlFailure,
    verifiedRuns: sqlMs.length + pointsSqlMs.length + decaySqlMs.length,
    tierCounts: summaries[0].tierCounts,
  };
}

const api: BenchApi = { ready: true, ingest, rescore };
window.__bench = api;
status('ready');
