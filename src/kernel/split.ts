import type { KernelPlan } from '../model/compile';
import type { RuleMatrix } from './matrix';
import { allocateScores, type RuleStats, type Scores } from './score';

/**
 * Below this many leads one worker scores faster than two (the hand-over costs more than it saves); above
 * it the kernel scores the lower half of the leads while a partner worker scores the upper half.
 */
export const SPLIT_MIN_LEADS = 100_000;

/** Where the leads are split: the kernel worker takes [0, mid), the partner [mid, n). */
export const splitPoint = (n: number) => Math.ceil(n / 2);

/** The lower half as views into the same arrays (no copy). */
export function lowerHalf(m: RuleMatrix, mid: number): RuleMatrix {
  return {
    n: mid,
    caseCodes: m.caseCodes.map((a) => a.subarray(0, mid)),
    eventCounts: m.eventCounts.map((a) => a.subarray(0, mid)),
  };
}

/** The upper half as copies the partner worker can own. */
export function upperHalf(m: RuleMatrix, mid: number): RuleMatrix {
  return {
    n: m.n - mid,
    caseCodes: m.caseCodes.map((a) => a.slice(mid)),
    eventCounts: m.eventCounts.map((a) => a.slice(mid)),
  };
}

const addStats = (a: number[], b: number[]) => a.map((x, i) => x + (b[i] ?? 0));

/** The scores of both halves as one: arrays in lead order, rule statistics summed. */
export function joinScores(lower: Scores, upper: Scores, plan: KernelPlan): Scores {
  const n = lower.score.length + upper.score.length;
  const mid = lower.score.length;
  const out = allocateScores(n, plan.dimWeights.length);
  out.score.set(lower.score);
  out.score.set(upper.score, mid);
  out.tier.set(lower.tier);
  out.tier.set(upper.tier, mid);
  out.disqualified.set(lower.disqualified);
  out.disqualified.set(upper.disqualified, mid);
  out.subscores.forEach((s, d) => {
    s.set(lower.subscores[d]);
    s.set(upper.subscores[d], mid);
  });
  const a: RuleStats = lower.ruleStats;
  const b: RuleStats = upper.ruleStats;
  out.ruleStats = {
    caseFires: addStats(a.caseFires, b.caseFires),
    casePoints: addStats(a.casePoints, b.casePoints),
    eventFires: addStats(a.eventFires, b.eventFires),
    eventPoints: addStats(a.eventPoints, b.eventPoints),
  };
  return out;
}

/** Messages between the kernel worker and its partner. */
export type PartnerRequest =
  { type: 'data'; matrix: RuleMatrix } | { type: 'score'; id: number; plan: KernelPlan };
export type PartnerReply =
  { type: 'scored'; id: number; scores: Scores } | { type: 'error'; id: number; message: string };

export function scoresBuffers(s: Scores): ArrayBuffer[] {
  return [s.score, s.tier, s.disqualified, ...s.subscores].map((a) => a.buffer as ArrayBuffer);
}

/** The partner worker as the splitter sees it (a Worker, or an in-process stand-in in tests). */
export interface Partner {
  postMessage(message: PartnerRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<PartnerReply>) => void) | null;
  terminate(): void;
}

/**
 * Scores a large matrix on two cores: the lower half here, the upper half in a partner worker, at once.
 * Below SPLIT_MIN_LEADS it declines (score → null) and the caller scores in one piece.
 */
export class SplitScorer {
  #partner: Partner | null = null;
  #lower: RuleMatrix | null = null;
  #pending = new Map<number, { resolve: (s: Scores) => void; reject: (e: Error) => void }>();
  #nextId = 1;

  constructor(private readonly makePartner: () => Partner) {}

  setData(m: RuleMatrix): void {
    if (m.n < SPLIT_MIN_LEADS) {
      this.#lower = null;
      return;
    }
    if (!this.#partner) {
      const partner = this.makePartner();
      partner.onmessage = (e) => this.#onReply(e.data);
      this.#partner = partner;
    }
    const mid = splitPoint(m.n);
    const upper = upperHalf(m, mid);
    this.#lower = lowerHalf(m, mid);
    const buffers = [...upper.caseCodes, ...upper.eventCounts].map((a) => a.buffer as ArrayBuffer);
    this.#partner.postMessage({ type: 'data', matrix: upper }, buffers);
  }

  /** Both halves' scores joined, or null when the data is too small to split. */
  async score(
    plan: KernelPlan,
    scoreHalf: (m: RuleMatrix, plan: KernelPlan) => Scores,
  ): Promise<Scores | null> {
    const lower = this.#lower;
    const partner = this.#partner;
    if (!lower || !partner) return null;
    const id = this.#nextId++;
    const upper = new Promise<Scores>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    partner.postMessage({ type: 'score', id, plan });
    const low = scoreHalf(lower, plan);
    return joinScores(low, await upper, plan);
  }

  terminate(): void {
    this.#partner?.terminate();
    this.#partner = null;
  }

  #onReply(reply: PartnerReply): void {
    const job = this.#pending.get(reply.id);
    if (!job) return;
    this.#pending.delete(reply.id);
    if (reply.type === 'scored') job.resolve(reply.scores);
    else job.reject(new Error(reply.message));
  }
}
