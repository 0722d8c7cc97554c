import type { KernelPlan } from '../model/compile';
import { migration, summarize, type TierSummary } from './aggregate';
import type { RuleMatrix } from './matrix';
import type { ScoreResult, SegmentColumn } from './protocol';
import { allocateScores, scoreAll } from './score';
import { explainLead, type Explanation } from './explain';

/** The kernel's state between messages: the data it was given and the last result. Runs in the worker. */
export class KernelSession {
  #matrix: RuleMatrix | null = null;
  #outcome: Uint8Array = new Uint8Array(0);
  #segments: Record<string, SegmentColumn> = {};
  /** The baseline scored once per baseline plan and segment (it changes rarely; the scenario often). */
  #baseline: { key: string; tier: Uint8Array; summary: TierSummary } | null = null;

  setData(matrix: RuleMatrix, outcome: Uint8Array, segments: Record<string, SegmentColumn>): void {
    if (outcome.length !== matrix.n)
      throw new Error(`outcome has ${outcome.length} leads, matrix ${matrix.n}`);
    this.#matrix = matrix;
    this.#outcome = outcome;
    this.#segments = segments;
    this.#baseline = null;
  }

  explain(plan: KernelPlan, lead: number): Explanation {
    const m = this.#matrix;
    if (!m || lead < 0 || lead >= m.n) throw new Error(`no lead ${lead}`);
    return explainLead(m, plan, lead);
  }

  score(
    id: number,
    plan: KernelPlan,
    baseline: KernelPlan | null,
    segment: string | null,
    now: () => number,
  ): ScoreResult {
    const m = this.#matrix;
    if (!m) throw new Error('no data');
    const start = now();
    const seg = segment ? this.#segments[segment] : undefined;
    const scores = scoreAll(m, plan, allocateScores(m.n, plan.dimWeights.length));
    const summary = summarize(scores, this.#outcome, plan.tierCount, seg?.codes ?? null, seg?.count ?? 0);
    let comparison: ScoreResult['baseline'] = null;
    if (baseline) {
      const key = JSON.stringify([baseline, segment], (_, v: unknown) =>
        ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
      );
      if (this.#baseline?.key !== key) {
        const b = scoreAll(m, baseline, allocateScores(m.n, baseline.dimWeights.length));
        const bSummary = summarize(b, this.#outcome, baseline.tierCount, seg?.codes ?? null, seg?.count ?? 0);
        this.#baseline = { key, tier: b.tier, summary: bSummary };
      }
      const { tier, summary: bSummary } = this.#baseline;
      comparison = {
        summary: bSummary,
        tier: tier.slice(),
        migration: migration(tier, baseline.tierCount, scores.tier, plan.tierCount),
      };
    }
    return { id, summary, ...scores, baseline: comparison, ms: now() - start };
  }
}
