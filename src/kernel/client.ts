import type { KernelPlan } from '../model/compile';
import { copyInSteps, nextTask } from './tasks';
import type { AccuracyOptions } from './accuracy';
import type { BiasOptions, BiasSegment } from './bias';
import type { RoiData, RoiOptions } from './roi';
import {
  copyFacts,
  copyInputs,
  copyInputsInSteps,
  copySegments,
  factsBuffers,
  inputBuffers,
  type LeadFacts,
  type RuleInputs,
  type SentInputs,
} from './matrix';
import type { Explanation } from './explain';
import type { WeightSuggestion } from './suggest';
import type { LeadKeys, LeadOrderOptions } from './leadOrder';
import type { KernelRequest, KernelResponse, ScoreResult, SegmentColumn } from './protocol';

interface WorkerData {
  inputs: SentInputs;
  facts: LeadFacts;
  segments: Record<string, SegmentColumn>;
}

/** A worker's own copy of the data. */
function copyData(d: WorkerData): WorkerData {
  return { inputs: copyInputs(d.inputs), facts: copyFacts(d.facts), segments: copySegments(d.segments) };
}

interface Job {
  plan: KernelPlan;
  baseline: KernelPlan | null;
  segment: string | null;
  accuracy: AccuracyOptions | null;
  bias: BiasOptions | null;
  roi: RoiOptions | null;
  order: LeadOrderOptions | null;
  perLead: boolean;
  resolve: (r: ScoreResult | null) => void;
  reject: (e: Error) => void;
}

/**
 * The UI's handle on the kernel workers. Each worker holds the whole data set and runs one job at a time;
 * re-scores run on the first `lanes` workers, and while those are busy only the newest request waits
 * (slider moves coalesce) and the ones it replaces resolve to null. With two lanes a drag keeps two cores
 * busy: a reply older than one already delivered is dropped (resolves to null), so results only ever move
 * forward. Explain and suggest requests run on the last worker, outside the queue.
 */
export class KernelClient {
  #workers: Worker[];
  #nextId = 1;
  #inFlight: ((Job & { id: number }) | null)[];
  #waiting: Job | null = null;
  #delivered = 0;
  /** Explain and suggest requests, by their negative ids (which keep them apart from re-scores). */
  #sideJobs = new Map<number, { resolve: (reply: KernelResponse) => void; reject: (e: Error) => void }>();
  #nextSideId = -1;
  /** The worker each delivered result came from: its buffers go back there, where they are reused. */
  #origin = new WeakMap<ScoreResult, number>();

  /** Workers that run re-scores at the same time (the first ones). */
  readonly #lanes: number;
  /** What a lane waits for after delivering a result before it takes the next job (see the constructor). */
  readonly #rest: (() => Promise<void>) | null;
  /** Lanes waiting out their rest. */
  #resting: boolean[];

  /**
   * `rest`: after a lane delivers a result, its next job waits for this (the app: the page's next frame and
   * the charts it queued, `afterPageDrawn`), so the page applies and draws the result without a busy worker
   * on the other core. On two cores the page shares its core with the compositor and raster threads; with a
   * worker busy beside them a redraw of ~14 ms of CPU took up to ~28 ms.
   */
  constructor(workers: Worker | Worker[], lanes?: number, rest: (() => Promise<void>) | null = null) {
    this.#workers = Array.isArray(workers) ? workers : [workers];
    this.#lanes = Math.max(1, Math.min(lanes ?? this.#workers.length, this.#workers.length));
    this.#rest = rest;
    this.#resting = this.#workers.map(() => false);
    this.#inFlight = this.#workers.map(() => null);
    this.#workers.forEach(
      (w, k) => (w.onmessage = (e: MessageEvent<KernelResponse>) => this.#onReply(k, e.data)),
    );
  }

  get workerCount(): number {
    return this.#workers.length;
  }

  /**
   * The workers that re-score: only they read what re-scores alone need (ROI data, the Bias segment, the
   * Leads keys). A worker that only explains and suggests (the last of two on two cores) is not sent them.
   */
  get #laneWorkers(): Worker[] {
    return this.#workers.slice(0, this.#lanes);
  }

  /** Sends a message to every lane: the last one gets the given arrays, the others copies of them. */
  #broadcast<T>(
    payload: T,
    copy: (p: T) => T,
    message: (p: T) => KernelRequest,
    buffers: (p: T) => ArrayBuffer[],
  ) {
    const lanes = this.#laneWorkers;
    lanes.forEach((w, k) => {
      const p = k === lanes.length - 1 ? payload : copy(payload);
      w.postMessage(message(p), buffers(p));
    });
  }

  /** Hands the workers the data; the arrays are transferred (the caller gives copies it can lose). */
  setData(inputs: RuleInputs, facts: LeadFacts, segments: Record<string, SegmentColumn>): void {
    this.#dataSeq++;
    const data = { inputs, facts, segments };
    this.#post(
      this.#workers.map((_, k) => (k === this.#workers.length - 1 ? data : copyData(data))),
      null,
    );
  }

  /**
   * setData with the other workers' copies made a column per task (at a million leads one copy is ~80 MB);
   * nothing is sent until every copy is made, so each worker's next job reads the new data. `logId` names
   * the event log sent, or, with `inputs.events` null, the one the workers were last sent (they keep it).
   * Resolves to false when newer data was given meanwhile: these arrays were then neither sent nor emptied.
   */
  async setDataInSteps(
    inputs: SentInputs,
    facts: LeadFacts,
    segments: Record<string, SegmentColumn>,
    logId: number | null = null,
    pause: () => Promise<void> = nextTask,
  ): Promise<boolean> {
    const seq = ++this.#dataSeq;
    const data: WorkerData[] = [];
    for (let k = 0; k < this.#workers.length - 1; k++) {
      const own = await copyInputsInSteps(inputs, pause);
      data.push({ inputs: own, facts: copyFacts(facts), segments: copySegments(segments) });
    }
    data.push({ inputs, facts, segments });
    // newer data was given while these copies were made: it stands, these are dropped
    if (seq !== this.#dataSeq) return false;
    this.#post(data, logId);
    return true;
  }
  #dataSeq = 0;

  #post(data: readonly WorkerData[], logId: number | null): void {
    this.#workers.forEach((w, k) => {
      const d = data[k];
      w.postMessage({ type: 'data', logId, ...d } satisfies KernelRequest, [
        ...inputBuffers(d.inputs),
        ...factsBuffers(d.facts),
        ...Object.values(d.segments).map((s) => s.codes.buffer as ArrayBuffer),
      ]);
    });
  }

  score(
    plan: KernelPlan,
    segment: string | null,
    baseline: KernelPlan | null = null,
    accuracy: AccuracyOptions | null = null,
    bias: BiasOptions | null = null,
    roi: RoiOptions | null = null,
    order: LeadOrderOptions | null = null,
    /** false: no per-lead arrays in the result (the views that only show aggregates). */
    perLead = true,
  ): Promise<ScoreResult | null> {
    return new Promise((resolve, reject) => {
      this.#waiting?.resolve(null);
      this.#waiting = { plan, baseline, segment, accuracy, bias, roi, order, perLead, resolve, reject };
      this.#sendNext();
    });
  }

  /**
   * The ROI view's per-lead inputs, transferred (give arrays the caller can lose): the other lanes' copies
   * are made a slice per task (at a million leads ~30 MB a copy); `isCurrent` is asked before the
   * data is sent, so a superseded hand-over sends nothing.
   */
  async setRoiDataInSteps(
    data: RoiData,
    pause: () => Promise<void> = nextTask,
    isCurrent: () => boolean = () => true,
  ): Promise<void> {
    const lanes = this.#laneWorkers;
    const copies: RoiData[] = [];
    for (let k = 0; k < lanes.length - 1; k++) {
      const copy = <A extends Int32Array | Float64Array | Uint8Array>(a: A) => copyInSteps(a, pause);
      const deals = data.deals && {
        ...data.deals,
        step: await copy(data.deals.step),
        stage: await copy(data.deals.stage),
      };
      copies.push({
        ...data,
        quarter: await copy(data.quarter),
        amount: await copy(data.amount),
        daysToWin: await copy(data.daysToWin),
        deals,
      });
    }
    if (!isCurrent()) return;
    copies.push(data);
    lanes.forEach((w, k) => w.postMessage(roiMessage(copies[k]), roiBuffers(copies[k])));
  }

  /** The Bias view's segment column; the codes are transferred (give a copy). */
  setBiasSegment(segment: BiasSegment | null): void {
    this.#broadcast(
      segment,
      (s) =>
        s && {
          ...s,
          codes: s.codes.slice(),
          second: s.second && { ...s.second, codes: s.second.codes.slice() },
        },
      (s) => ({ type: 'bias-segment', segment: s }),
      (s) =>
        s ? [s.codes.buffer as ArrayBuffer, ...(s.second ? [s.second.codes.buffer as ArrayBuffer] : [])] : [],
    );
  }

  /** The Leads view's text mask and rank; the arrays are transferred (give copies). */
  setLeadKeys(keys: LeadKeys): void {
    this.#broadcast(
      keys,
      (k) => ({ mask: k.mask?.slice() ?? null, rank: k.rank?.slice() ?? null }),
      (k) => ({ type: 'lead-keys', keys: k }),
      (k) => [k.mask, k.rank].flatMap((a) => (a ? [a.buffer as ArrayBuffer] : [])),
    );
  }

  /**
   * Hands a result's per-lead arrays back to a worker (they are detached here) once nothing shows it. A
   * result at a million leads brings ~35 MB of arrays; left to the UI thread's collector they trigger a
   * full collection every few re-scores, which at that size blocks the page for most of a second.
   */
  release(result: ScoreResult): void {
    const buffers = resultBuffers(result);
    const worker = this.#workers[this.#origin.get(result) ?? 0];
    if (buffers.length) worker.postMessage({ type: 'release', buffers } satisfies KernelRequest, buffers);
  }

  async explain(plan: KernelPlan, lead: number): Promise<Explanation> {
    const reply = await this.#sideJob((id) => ({ type: 'explain', id, plan, lead }));
    if (reply.type !== 'explained') throw new Error('unexpected reply');
    return reply.explanation;
  }

  async suggest(
    plan: KernelPlan,
    splitDay: number | null,
    snapshotDay: number | null = null,
  ): Promise<WeightSuggestion | null> {
    const reply = await this.#sideJob((id) => ({ type: 'suggest', id, plan, splitDay, snapshotDay }));
    if (reply.type !== 'suggested') throw new Error('unexpected reply');
    return reply.suggestion;
  }

  #sideJob(request: (id: number) => KernelRequest): Promise<KernelResponse> {
    const id = this.#nextSideId--;
    return new Promise((resolve, reject) => {
      this.#sideJobs.set(id, { resolve, reject });
      this.#workers[this.#workers.length - 1].postMessage(request(id));
    });
  }

  terminate(): void {
    for (const w of this.#workers) w.terminate();
  }

  #sendNext(): void {
    const job = this.#waiting;
    const free = this.#inFlight.findIndex((j, k) => j === null && !this.#resting[k]);
    if (!job || free < 0 || free >= this.#lanes) return;
    this.#waiting = null;
    const id = this.#nextId++;
    this.#inFlight[free] = { ...job, id };
    const msg: KernelRequest = {
      type: 'score',
      id,
      plan: job.plan,
      baseline: job.baseline,
      segment: job.segment,
      accuracy: job.accuracy,
      bias: job.bias,
      roi: job.roi,
      order: job.order,
      perLead: job.perLead,
    };
    this.#workers[free].postMessage(msg);
  }

  #onReply(worker: number, reply: KernelResponse): void {
    const side = this.#sideJobs.get(reply.id);
    if (side) {
      this.#sideJobs.delete(reply.id);
      if (reply.type === 'error') side.reject(new Error(reply.message));
      else side.resolve(reply);
      return;
    }
    const job = this.#inFlight[worker];
    this.#inFlight[worker] = null;
    if (job && job.id === reply.id) {
      if (reply.type !== 'scored')
        job.reject(new Error(reply.type === 'error' ? reply.message : 'unexpected reply'));
      else {
        this.#origin.set(reply, worker);
        if (reply.id < this.#delivered) {
          this.release(reply);
          job.resolve(null);
        } else {
          this.#delivered = reply.id;
          job.resolve(reply);
          if (this.#rest) return this.#restThenSend(worker, this.#rest);
        }
      }
    }
    this.#sendNext();
  }

  #restThenSend(worker: number, rest: () => Promise<void>): void {
    this.#resting[worker] = true;
    void rest().then(() => {
      this.#resting[worker] = false;
      this.#sendNext();
    });
  }
}

/** The distinct, not yet detached buffers of a result's per-lead arrays. */
export function resultBuffers(r: ScoreResult): ArrayBuffer[] {
  const arrays: (ArrayBufferView | null | undefined)[] = [
    r.score,
    r.tier,
    r.disqualified,
    ...r.subscores,
    r.accuracy?.probability,
    r.baseline?.tier,
  ];
  const buffers = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer.byteLength > 0) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

export function createKernelWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}

const cores = (): number => (typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency || 1);

/** One kernel worker per core, up to two (see KernelClient and reScoreLanes). */
export function createKernelWorkers(): Worker[] {
  return Array.from({ length: Math.min(2, Math.max(1, cores())) }, () => createKernelWorker());
}

/**
 * How many of `workers` re-score at once: all but one core, so that the page keeps a core of its own
 * during a drag. With every core re-scoring, the operating system shares them with the page's thread,
 * and a redraw that needs 6-10 ms of CPU took 20-35 ms (measured on 2 cores, bench/README.md).
 */
export function reScoreLanes(workers: number, coreCount = cores()): number {
  return Math.max(1, Math.min(workers, coreCount - 1));
}

const roiMessage = (d: RoiData | null): KernelRequest => ({ type: 'roi-data', data: d });

function roiBuffers(d: RoiData | null): ArrayBuffer[] {
  return d
    ? [d.quarter, d.amount, d.daysToWin, d.deals?.step, d.deals?.stage].flatMap((a) =>
        a ? [a.buffer as ArrayBuffer] : [],
      )
    : [];
}
