import type { KernelPlan } from '../model/compile';
import { matrixBuffers, type RuleMatrix } from './matrix';
import type { Explanation } from './explain';
import type { KernelRequest, KernelResponse, ScoreResult, SegmentColumn } from './protocol';

interface Job {
  plan: KernelPlan;
  baseline: KernelPlan | null;
  segment: string | null;
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
  /** Explain requests run outside the latest-wins queue; negative ids keep them apart from score jobs. */
  #explains = new Map<number, { resolve: (e: Explanation) => void; reject: (e: Error) => void }>();
  #nextExplainId = -1;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.onmessage = (e: MessageEvent<KernelResponse>) => this.#onReply(e.data);
  }

  setData(matrix: RuleMatrix, outcome: Uint8Array, segments: Record<string, SegmentColumn>): void {
    const msg: KernelRequest = { type: 'data', matrix, outcome, segments };
    const segmentBuffers = Object.values(segments).map((s) => s.codes.buffer as ArrayBuffer);
    this.#worker.postMessage(msg, [
      ...matrixBuffers(matrix),
      outcome.buffer as ArrayBuffer,
      ...segmentBuffers,
    ]);
  }

  score(
    plan: KernelPlan,
    segment: string | null,
    baseline: KernelPlan | null = null,
  ): Promise<ScoreResult | null> {
    return new Promise((resolve, reject) => {
      this.#waiting?.resolve(null);
      this.#waiting = { plan, baseline, segment, resolve, reject };
      if (!this.#inFlight) this.#sendNext();
    });
  }

  explain(plan: KernelPlan, lead: number): Promise<Explanation> {
    const id = this.#nextExplainId--;
    return new Promise((resolve, reject) => {
      this.#explains.set(id, { resolve, reject });
      const msg: KernelRequest = { type: 'explain', id, plan, lead };
      this.#worker.postMessage(msg);
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
    };
    this.#worker.postMessage(msg);
  }

  #onReply(reply: KernelResponse): void {
    const explain = this.#explains.get(reply.id);
    if (explain) {
      this.#explains.delete(reply.id);
      if (reply.type === 'explained') explain.resolve(reply.explanation);
      else explain.reject(new Error(reply.type === 'error' ? reply.message : 'unexpected reply'));
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
