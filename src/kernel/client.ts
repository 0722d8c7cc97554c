import type { KernelPlan } from '../model/compile';
import type { AccuracyOptions } from './accuracy';
import type { BiasOptions, BiasSegment } from './bias';
import type { RoiData, RoiOptions } from './roi';
import { factsBuffers, inputBuffers, type LeadFacts, type RuleInputs } from './matrix';
import type { Explanation } from './explain';
import type { WeightSuggestion } from './suggest';
import type { KernelRequest, KernelResponse, ScoreResult, SegmentColumn } from './protocol';

interface Job {
  plan: KernelPlan;
  baseline: KernelPlan | null;
  segment: string | null;
  accuracy: AccuracyOptions | null;
  bias: BiasOptions | null;
  roi: RoiOptions | null;
  resolve: (r: ScoreResult | null) => void;
  reject: (e: Error) => void;
}

/**
 * The UI's handle on the kernel worker. One job in flight; while it runs, only the newest request waits
 * (slider moves coalesce) and the ones it replaces resolve to null.
 */
export class KernelClient {
  #worker: Worker;
  #nextId = 1;
  #inFlight: (Job & { id: number }) | null = null;
  #waiting: Job | null = null;
  /** Explain and suggest requests run outside the latest-wins queue; negative ids keep them apart. */
  #sideJobs = new Map<number, { resolve: (reply: KernelResponse) => void; reject: (e: Error) => void }>();
  #nextSideId = -1;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.onmessage = (e: MessageEvent<KernelResponse>) => this.#onReply(e.data);
  }

  /** Hands the worker the data; the arrays are transferred (the caller gives copies it can lose). */
  setData(inputs: RuleInputs, facts: LeadFacts, segments: Record<string, SegmentColumn>): void {
    const msg: KernelRequest = { type: 'data', inputs, facts, segments };
    const segmentBuffers = Object.values(segments).map((s) => s.codes.buffer as ArrayBuffer);
    this.#worker.postMessage(msg, [...inputBuffers(inputs), ...factsBuffers(facts), ...segmentBuffers]);
  }

  score(
    plan: KernelPlan,
    segment: string | null,
    baseline: KernelPlan | null = null,
    accuracy: AccuracyOptions | null = null,
    bias: BiasOptions | null = null,
    roi: RoiOptions | null = null,
  ): Promise<ScoreResult | null> {
    return new Promise((resolve, reject) => {
      this.#waiting?.resolve(null);
      this.#waiting = { plan, baseline, segment, accuracy, bias, roi, resolve, reject };
      if (!this.#inFlight) this.#sendNext();
    });
  }

  /** The ROI view's per-lead inputs; the arrays are transferred (give copies). */
  setRoiData(data: RoiData | null): void {
    const msg: KernelRequest = { type: 'roi-data', data };
    const buffers = data
      ? [data.quarter, data.amount, data.daysToWin].map((a) => a.buffer as ArrayBuffer)
      : [];
    this.#worker.postMessage(msg, buffers);
  }

  /** The Bias view's segment column; the codes are transferred (give a copy). */
  setBiasSegment(segment: BiasSegment | null): void {
    const msg: KernelRequest = { type: 'bias-segment', segment };
    const buffers = segment
      ? [
          segment.codes.buffer as ArrayBuffer,
          ...(segment.second ? [segment.second.codes.buffer as ArrayBuffer] : []),
        ]
      : [];
    this.#worker.postMessage(msg, buffers);
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
      this.#worker.postMessage(request(id));
    });
  }

  terminate(): void {
    this.#worker.terminate();
  }

  #sendNext(): void {
    const job = this.#waiting;
    if (!job) return;
    this.#waiting = null;
    const id = this.#nextId++;
    this.#inFlight = { ...job, id };
    const msg: KernelRequest = {
      type: 'score',
      id,
      plan: job.plan,
      baseline: job.baseline,
      segment: job.segment,
      accuracy: job.accuracy,
      bias: job.bias,
      roi: job.roi,
    };
    this.#worker.postMessage(msg);
  }

  #onReply(reply: KernelResponse): void {
    const side = this.#sideJobs.get(reply.id);
    if (side) {
      this.#sideJobs.delete(reply.id);
      if (reply.type === 'error') side.reject(new Error(reply.message));
      else side.resolve(reply);
      return;
    }
    const job = this.#inFlight;
    this.#inFlight = null;
    if (job && job.id === reply.id) {
      if (reply.type === 'scored') job.resolve(reply);
      else job.reject(new Error(reply.type === 'error' ? reply.message : 'unexpected reply'));
    }
    this.#sendNext();
  }
}

export function createKernelWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}
