import { errorMessage } from './errorMessage';
import type { SegmentKey } from '../features/segments';
import type { KernelClient } from '../kernel/client';
import type { ScoreResult } from '../kernel/protocol';
import type { KernelPlan } from '../model/compile';
import type { AccuracyOptions } from '../kernel/accuracy';
import type { BiasOptions } from '../kernel/bias';
import type { RoiOptions } from '../kernel/roi';
import type { LeadOrderOptions } from '../kernel/leadOrder';

/** The latest kernel result for the current data and model; stale answers are dropped. */
export class ScoringState {
  result = $state.raw<ScoreResult | null>(null);
  /** The data version the result was computed on. */
  resultVersion = $state(0);
  segment = $state<SegmentKey>('industry');
  error = $state('');
  /** Requests not yet answered, superseded ones included (a drag's end: this back at 0). */
  #pending = 0;

  constructor(private readonly client: KernelClient) {}

  async request(
    plan: KernelPlan,
    baseline: KernelPlan | null,
    /** null: no calibration (no view on screen reads the probabilities). */
    accuracy: AccuracyOptions | null,
    bias: BiasOptions | null,
    roi: RoiOptions | null,
    order: LeadOrderOptions | null,
    dataVersion: number,
    perLead = true,
  ): Promise<void> {
    this.#pending++;
    try {
      const r = await this.client.score(plan, this.segment, baseline, accuracy, bias, roi, order, perLead);
      if (r) {
        const shown = this.result;
        this.result = r;
        if (shown) this.client.release(shown);
        this.resultVersion = dataVersion;
        this.error = '';
      }
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.#pending--;
    }
  }

  get pending(): number {
    return this.#pending;
  }
}
