import type { KernelPlan } from '../model/compile';
import { migration, summarize, type TierSummary } from './aggregate';
import { biasOf, RuleTotals, segmentMembers, type BiasOptions, type BiasSegment } from './bias';
import { accuracyOf, type AccuracyOptions, type AccuracyResult } from './accuracy';
import type { EventLog, LeadFacts, RuleMatrix, SentInputs } from './matrix';
import { EventColumns } from './eventColumns';
import type { ScoreResult, SegmentColumn } from './protocol';
import { suggestWeights, type WeightSuggestion } from './suggest';
import { defaultSplitDay, quartersOf, type Quarters } from './window';
import { allocateScores, scoreAll, type Scores } from './score';
import { roiOf, type RoiData, type RoiOptions, type RoiResult } from './roi';
import { explainLead, type Explanation } from './explain';
import { orderLeads, pageOf, type LeadKeys, type LeadOrderOptions } from './leadOrder';
import { BufferPool } from './bufferPool';
import { StepTimer } from './steps';

/** Released result buffers kept for reuse: about two results' per-lead arrays (with probabilities) at 1M leads. */
const POOL_BYTES = 96 * 2 ** 20;

/** The kernel's state between messages: the data it was given and the last result. Runs in the worker. */
export class KernelSession {
  #matrix: RuleMatrix | null = null;
  /** The named event log last sent: later data may refer to it instead of sending it again. */
  #log: { id: number; events: EventLog } | null = null;
  /** Computes the event columns plans ask for (their decay included) from the event log. */
  #columns: EventColumns | null = null;
  #facts: LeadFacts = { outcome: new Uint8Array(0), createdDay: new Int32Array(0) };
  #quarters: Quarters = quartersOf(new Int32Array(0));
  #segments: Record<string, SegmentColumn> = {};
  #lastFit: { a: number; b: number } | null = null;
  #biasSegment: BiasSegment | null = null;
  #roiData: RoiData | null = null;
  #leadKeys: LeadKeys = { mask: null, rank: null };
  #pool = new BufferPool(POOL_BYTES);

  /** A shown result's arrays, handed back by the UI thread: the next results are written into them. */
  release(buffers: readonly ArrayBuffer[]): void {
    this.#pool.give(buffers);
  }

  /**
   * The Leads view's text-filter mask and text-sort rank (computed where the text is). New data keeps them:
   * the view sends new keys with new leads, and orderLeads refuses keys of another length.
   */
  setLeadKeys(keys: LeadKeys): void {
    this.#leadKeys = keys;
  }

  /** The ROI view's per-lead inputs (revenue, quarter, days to win), or null when it is closed. */
  setRoiData(data: RoiData | null): void {
    if (data && data.quarter.length !== this.#facts.outcome.length)
      throw new Error(`ROI data has ${data.quarter.length} leads, data ${this.#facts.outcome.length}`);
    this.#roiData = data;
  }
  #biasMembers: (code: number) => Int32Array = () => new Int32Array(0);
  #ruleTotals: RuleTotals | null = null;

  /** The Bias view's segment column (codes per lead in matrix order), or null when it is closed. */
  setBiasSegment(segment: BiasSegment | null): void {
    if (segment && segment.codes.length !== this.#facts.outcome.length)
      throw new Error(`segment has ${segment.codes.length} leads, data ${this.#facts.outcome.length}`);
    this.#biasSegment = segment;
    if (segment) this.#biasMembers = segmentMembers(segment.codes, segment.labels.length);
  }
  /** The baseline scored once per baseline plan, segment and accuracy options (it changes rarely). */
  #baseline: {
    key: string;
    tier: Uint8Array;
    summary: TierSummary;
    accuracy: AccuracyResult | null;
    roi: RoiResult | null;
  } | null = null;

  /**
   * New data. `logId` names the event log sent; with `inputs.events` null it names the log this session
   * was last sent, which it kept (an unknown id leaves the session without data: re-scores then fail).
   */
  setData(
    inputs: SentInputs,
    facts: LeadFacts,
    segments: Record<string, SegmentColumn>,
    logId: number | null = null,
  ): void {
    const held = this.#log;
    this.#matrix = this.#columns = this.#log = null;
    const events = inputs.events ?? (logId !== null && held?.id === logId ? held.events : null);
    if (!events) throw new Error(`event log ${logId} was not sent to this worker`);
    if (facts.outcome.length !== inputs.n || facts.createdDay.length !== inputs.n)
      throw new Error(`facts have ${facts.outcome.length} leads, matrix ${inputs.n}`);
    this.#log = logId === null ? null : { id: logId, events };
    this.#columns = new EventColumns({ ...inputs, events });
    const matrix = this.#columns.matrix;
    this.#matrix = matrix;
    this.#facts = facts;
    this.#quarters = quartersOf(facts.createdDay);
    this.#segments = segments;
    this.#baseline = null;
    this.#biasSegment = null;
    this.#roiData = null;
    this.#ruleTotals = new RuleTotals(matrix, facts.outcome);
  }

  /** Points learnt from the training window's closed deals; null when they cannot be (one class). */
  suggest(
    planIn: KernelPlan,
    splitDay: number | null,
    snapshotDay: number | null = null,
  ): WeightSuggestion | null {
    const m = this.#matrix;
    if (!m || !this.#columns) throw new Error('no data');
    const plan = this.#columns.resolve(planIn);
    const day = splitDay ?? defaultSplitDay(this.#facts.outcome, this.#facts.createdDay, snapshotDay);
    return day === null ? null : suggestWeights(m, plan, this.#facts, day, snapshotDay);
  }

  explain(plan: KernelPlan, lead: number): Explanation {
    const m = this.#matrix;
    if (!m || !this.#columns || lead < 0 || lead >= m.n) throw new Error(`no lead ${lead}`);
    return explainLead(m, this.#columns.resolve(plan), lead);
  }

  score(
    id: number,
    planIn: KernelPlan,
    baselineIn: KernelPlan | null,
    segment: string | null,
    accuracy: AccuracyOptions | null,
    bias: BiasOptions | null,
    roi: RoiOptions | null,
    now: () => number,
    order: LeadOrderOptions | null = null,
  ): ScoreResult {
    const m = this.#matrix;
    const columns = this.#columns;
    if (!m || !columns) throw new Error('no data');
    const start = now();
    const steps = new StepTimer(now);
    const plan = columns.resolve(planIn, baselineIn ? [baselineIn] : []);
    const baseline = baselineIn && columns.resolve(baselineIn, [planIn]);
    // a decay edit computes its event column here
    steps.lap('columns');
    const seg = segment ? this.#segments[segment] : undefined;
    const scores = scoreAll(
      m,
      plan,
      allocateScores(m.n, plan.dimWeights.length, (b) => this.#pool.take(b)),
    );
    steps.lap('score');
    const outcome = this.#facts.outcome;
    const accuracyResult = accuracy
      ? accuracyOf(
          m,
          plan,
          scores,
          this.#facts,
          accuracy,
          this.#quarters,
          this.#lastFit ?? undefined,
          (b) => this.#pool.take(b),
          steps,
        )
      : null;
    this.#lastFit = accuracyResult?.fit ?? this.#lastFit;
    steps.lap('accuracy');
    const summary = summarize(
      scores,
      outcome,
      plan.tierCount,
      seg?.codes ?? null,
      seg?.count ?? 0,
      accuracyResult?.allAuc,
    );
    steps.lap('summary');
    const probability = accuracyResult?.probability ?? null;
    const biasSegment = this.#biasSegment;
    const biasReport =
      bias && probability && biasSegment?.key === bias.key
        ? biasOf(
            m,
            plan,
            scores,
            outcome,
            probability,
            biasSegment,
            bias,
            this.#biasMembers,
            this.#ruleTotals!,
          )
        : null;
    steps.lap('bias');
    const roiData = this.#roiData;
    const roiFor = (sc: Scores, tierCount: number) =>
      roi && roiData?.key === roi.key ? roiOf(roiData, sc, outcome, tierCount, roi) : null;
    const roiResult = roiFor(scores, plan.tierCount);
    steps.lap('roi');
    let comparison: ScoreResult['baseline'] = null;
    if (baseline) {
      const key = JSON.stringify([baseline, segment, accuracy, roi], (_, v: unknown) =>
        ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v,
      );
      if (this.#baseline?.key !== key) {
        const b = scoreAll(m, baseline, allocateScores(m.n, baseline.dimWeights.length));
        const bSummary = summarize(b, outcome, baseline.tierCount, seg?.codes ?? null, seg?.count ?? 0);
        const bAccuracy = accuracy ? accuracyOf(m, baseline, b, this.#facts, accuracy, this.#quarters) : null;
        this.#baseline = {
          key,
          tier: b.tier,
          summary: bSummary,
          accuracy: bAccuracy,
          roi: roiFor(b, baseline.tierCount),
        };
      }
      const { tier, summary: bSummary, accuracy: bAccuracy, roi: bRoi } = this.#baseline;
      comparison = {
        summary: bSummary,
        tier: tier.slice(),
        migration: migration(tier, baseline.tierCount, scores.tier, plan.tierCount),
        accuracy: bAccuracy?.report ?? null,
        roi: bRoi,
      };
    }
    steps.lap('baseline');
    const leadPage = order
      ? pageOf(
          orderLeads(scores, comparison?.tier ?? null, this.#leadKeys, order),
          scores,
          order.from,
          order.count,
        )
      : null;
    steps.lap('order');
    return {
      id,
      summary,
      ...scores,
      order: leadPage,
      accuracy: accuracyResult,
      bias: biasReport,
      roi: roiResult,
      baseline: comparison,
      ms: now() - start,
      phases: steps.ms,
    };
  }
}
