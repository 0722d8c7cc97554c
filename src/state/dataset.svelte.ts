import { errorMessage } from './errorMessage';
import type { SqlEngine } from '../db/engine';
import {
  buildLeadFeatures,
  kernelInputs,
  RuleColumnCache,
  fetchLeadTable,
  type DatasetFacts,
  type LeadTable,
} from '../features/build';
import { encodeSegment, SEGMENT_KEYS, type EncodedSegment, type SegmentKey } from '../features/segments';
import { loadFiles, type LoadReport } from '../ingest/load';
import type { ColumnMapping } from '../ingest/mapping';
import {
  fetchDealSteps,
  fetchWonRevenue,
  NO_REVENUE,
  type DealSteps,
  type WonRevenue,
} from '../features/revenue';
import { IngestError, type PreparedFile, type SourceFile } from '../ingest/prepare';
import { prepareSource } from '../ingest/source';
import { formatOptionsOf } from '../ingest/columnFormats';
import { parseOptionsOf } from '../ingest/dateOrders';
import { mapsUrgency } from '../model/defaultScenario';
import type { Scenario } from '../model/scenario';
import { layoutOf, type MatrixLayout } from '../model/compile';
import { copyFacts, copySegments, handOverInSteps, type LeadFacts, type SentInputs } from '../kernel/matrix';
import { loadFailure } from './loadFailure';
import { csvReadShare } from './readShare';
import { dropText } from '../ingest/keptText';
import { EngineStoppedError } from '../db/engineErrors';
import { pacer } from '../kernel/tasks';

export type DatasetStatus = 'loading' | 'ready' | 'error';

/** What a finished load hands the scoring kernel (arrays it may own). */
export interface KernelData {
  inputs: SentInputs;
  /** Names the event log in `inputs`, or the one the kernel was last sent when `inputs.events` is null. */
  logId: number;
  facts: LeadFacts;
  segments: Record<SegmentKey, EncodedSegment>;
}

/** What follows from lead_features: outcomes under the aging horizon, the lead table, won revenue. */
async function leadData(engine: SqlEngine, agingHorizonDays: number) {
  const facts = await buildLeadFeatures(engine, agingHorizonDays);
  const leads = await fetchLeadTable(engine);
  const revenue = await fetchWonRevenue(engine);
  return { facts, leads, revenue };
}

const NATURAL_ORDER: readonly SegmentKey[] = ['size_band', 'created_quarter'];

/**
 * The loaded dataset: the kept source files (bytes included, for retries), the load report, the
 * per-lead table and segments. Every load either completes or leaves the previous data in place.
 */
export class DatasetState {
  status = $state<DatasetStatus>('loading');
  /** What is being loaded (file names), for the status line. */
  loading = $state('');
  /** Per-file errors of the last attempt; the good files of that attempt still load. */
  errors = $state.raw<IngestError[]>([]);
  files = $state.raw<PreparedFile[]>([]);
  report = $state.raw<LoadReport | null>(null);
  facts = $state.raw<DatasetFacts | null>(null);
  leads = $state.raw<LeadTable | null>(null);
  segments = $state.raw<Record<SegmentKey, EncodedSegment> | null>(null);
  /** Won revenue per lead and currency (ROI), fetched with the lead table. */
  revenue = $state.raw<WonRevenue>(NO_REVENUE);
  /** Each lead's furthest deal step (0 none, 1 a deal, 2 won): the ROI view's funnel. */
  dealSteps = $state.raw<DealSteps>({ step: new Uint8Array(0), stage: new Int32Array(0), stages: [] });
  /** Increments each time new data reaches the kernel. */
  version = $state(0);
  /** The columns of the rule matrix the kernel holds: plans must be compiled against it. */
  layout = $state.raw<MatrixLayout | null>(null);
  /** While a load reads its CSV uploads into DuckDB: the share read (csvReadShare), else null. */
  readShare = $state<number | null>(null);

  constructor(
    private readonly engine: () => Promise<SqlEngine>,
    /** Resolves to false when the kernel was not sent the data (newer data superseded it). */
    private readonly toKernel: (data: KernelData) => void | Promise<boolean | void>,
    /** The scenario in use: a reload after an engine restart or a stopped load keeps it. */
    private readonly current?: () => Scenario,
  ) {}

  /** Loads the kept files again (into a restarted engine), keeping the scenario. */
  async reload(): Promise<void> {
    const current = this.current;
    if (this.files.length === 0 || !current) return;
    await this.#loadSet(this.files, this.files.map((f) => f.source.name).join(', '), () => current());
  }

  /** Reads and loads uploads at once (the sample data); dropped files go through the import wizard. */
  async load(
    sources: SourceFile[],
    label: string,
    scenarioFor: (withUrgency: boolean) => Scenario,
  ): Promise<void> {
    const prepared: PreparedFile[] = [];
    const errors: IngestError[] = [];
    for (const source of sources) {
      try {
        prepared.push(await prepareSource(source));
      } catch (error) {
        errors.push(
          error instanceof IngestError ? error : new IngestError(source.name, 'load-failed', String(error)),
        );
      }
    }
    await this.loadPrepared(prepared, errors, label, scenarioFor);
  }

  /**
   * Loads files already read (by the import wizard), keeping the errors of those that could not be read.
   * A leads file replaces the whole set, other kinds replace their own kind.
   */
  async loadPrepared(
    prepared: PreparedFile[],
    errors: IngestError[],
    label: string,
    scenarioFor: (withUrgency: boolean) => Scenario,
  ): Promise<void> {
    this.errors = errors;
    if (prepared.length === 0) {
      if (this.status === 'loading' && this.files.length === 0) this.status = 'error';
      return;
    }
    const next = prepared.some((f) => f.kind === 'leads')
      ? prepared
      : [...this.files.filter((f) => !prepared.some((p) => p.kind === f.kind)), ...prepared];
    await this.#loadSet(next, label, scenarioFor);
  }

  /** Reloads the kept files with an edited mapping for one of them. */
  async remap(fileIndex: number, mapping: ColumnMapping, scenarioFor: (withUrgency: boolean) => Scenario) {
    const next = this.files.map((f, i) => (i === fileIndex ? { ...f, mapping } : f));
    await this.#loadSet(next, next[fileIndex]?.source.name ?? '', scenarioFor);
  }

  /** Rebuilds the rule matrix when the model's structure changed (not for weights or thresholds). */
  async restructure(layout: MatrixLayout): Promise<void> {
    // one rebuild at a time, and only the newest request runs (a burst of decay edits builds once)
    const seq = ++this.#restructureSeq;
    this.#restructuring = this.#restructuring.then(async () => {
      if (seq !== this.#restructureSeq) return;
      if (this.status !== 'ready' || layout.key === this.layout?.key) return;
      try {
        await this.#sendToKernel(await this.engine(), layout);
      } catch (error) {
        // an engine that died is restarted and the files reloaded (LoadControl): no error of its own
        if (error instanceof EngineStoppedError) return;
        this.errors = [...this.errors, new IngestError('', 'load-failed', errorMessage(error))];
      }
    });
    await this.#restructuring;
  }
  #restructureSeq = 0;

  /** Recomputes outcomes with another aging-out horizon (only when losses come from aging). */
  async reoutcome(agingHorizonDays: number): Promise<void> {
    const facts = this.facts;
    if (this.status !== 'ready' || !facts || facts.lossRule !== 'aging') return;
    if (facts.agingHorizonDays === agingHorizonDays) return;
    const layout = this.layout;
    try {
      const engine = await this.engine();
      ({
        facts: this.facts,
        leads: this.leads,
        revenue: this.revenue,
      } = await leadData(engine, agingHorizonDays));
      if (layout) await this.#sendToKernel(engine, layout);
    } catch (error) {
      if (error instanceof EngineStoppedError) return;
      this.errors = [...this.errors, new IngestError('', 'load-failed', errorMessage(error))];
    }
  }
  #columns = new RuleColumnCache();
  #restructuring: Promise<void> = Promise.resolve();

  async #loadSet(files: PreparedFile[], label: string, scenarioFor: (withUrgency: boolean) => Scenario) {
    const previous = this.files;
    const hadData = this.status === 'ready';
    this.status = 'loading';
    this.loading = label;
    try {
      const engine = await this.engine();
      const report = await loadFiles(engine, files, {
        ...parseOptionsOf(files),
        ...formatOptionsOf(files),
        progress: csvReadShare(files, (share) => (this.readShare = share)),
      });
      this.readShare = null;
      files.forEach(dropText); // the kept bytes give it back for a remap or a reload
      this.#columns = new RuleColumnCache(); // new tables: no column of the old data may be reused
      const leadsFile = files.find((f) => f.kind === 'leads')!;
      if (report.counts.leads === 0) throw new IngestError(leadsFile.source.name, 'no-data-rows');
      const withUrgency = mapsUrgency(leadsFile.mapping);
      const scenario = scenarioFor(withUrgency);
      const { facts, leads, revenue } = await leadData(engine, scenario.settings.agingHorizonDays);
      const dealSteps = await fetchDealSteps(engine, leads.n);
      const segments = {} as Record<SegmentKey, EncodedSegment>;
      const pause = pacer(10);
      for (const k of SEGMENT_KEYS) {
        segments[k] = encodeSegment(leads.text[k], NATURAL_ORDER.includes(k));
        await pause();
      }
      this.files = files;
      this.report = report;
      this.facts = facts;
      this.leads = leads;
      this.revenue = revenue;
      this.dealSteps = dealSteps;
      this.segments = segments;
      await this.#sendToKernel(engine, layoutOf(scenario)!);
      this.status = 'ready';
    } catch (error) {
      // a cancelled load (the engine stopped on purpose) leaves no message
      const failed = loadFailure(error, files, label);
      if (failed) this.errors = [...this.errors, failed];
      if (hadData && previous !== files) {
        // put the previous data back so the app keeps working on it (with the same scenario, if known)
        const current = this.current;
        await this.#loadSet(previous, '', current ? () => current() : scenarioFor);
        if (failed) this.errors = [...this.errors.filter((e) => e !== failed), failed];
      } else {
        this.status = 'error';
      }
    } finally {
      this.loading = '';
      this.readShare = null;
    }
  }

  /** One hand-over at a time: a log handed over is never also read for another. */
  async #sendToKernel(engine: SqlEngine, layout: MatrixLayout): Promise<void> {
    const turn = this.#sending.then(() => this.#handOver(engine, layout));
    this.#sending = turn.catch(() => {});
    await turn;
  }
  #sending = Promise.resolve();

  async #handOver(engine: SqlEngine, layout: MatrixLayout): Promise<void> {
    const cache = this.#columns;
    const sent = await kernelInputs(engine, this.facts!, layout, cache);
    const inputs = await handOverInSteps(sent);
    const leads = this.leads!;
    const segments = this.segments!;
    // the kernel gets copies: transferring would empty the arrays the views read
    const sentNow = await this.toKernel({
      inputs,
      logId: cache.logId,
      facts: copyFacts(leads),
      segments: copySegments(segments),
    });
    if (sentNow !== false && sent.events) cache.handedOver();
    this.layout = layout;
    this.version++;
  }
}
