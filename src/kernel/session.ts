import type { KernelPlan } from '../model/compile';
import { summarize } from './aggregate';
import type { RuleMatrix } from './matrix';
import type { ScoreResult, SegmentColumn } from './protocol';
import { allocateScores, scoreAll } from './score';

/** The kernel's state between messages: the data it was given and the last result. Runs in the worker. */
export class KernelSession {
  #matrix: RuleMatrix | null = null;
  #outcome: Uint8Array = new Uint8Array(0);
  #segments: Record<string, SegmentColumn> = {};

  setData(matrix: RuleMatrix, outcome: Uint8Array, segments: Record<string, SegmentColumn>): void {
    if (outcome.length !== matrix.n)
      throw new Error(`outcome has ${outcome.length} leads, matrix ${matrix.n}`);
    this.#matrix = matrix;
    this.#outcome = outcome;
    this.#segments = segments;
  }

  score(id: number, plan: KernelPlan, segment: string | null, now: () => number): ScoreResult {
    const m = this.#matrix;
    if (!m) throw new Error('no data');
    const start = now();
    const scores = scoreAll(m, plan, allocateScores(m.n, plan.dimWeights.length));
    const seg = segment ? this.#segments[segment] : undefined;
    const summary = summarize(scores, this.#outcome, plan.tierCount, seg?.codes ?? null, seg?.count ?? 0);
    return { id, summary, ...scores, ms: now() - start };
  }
}
