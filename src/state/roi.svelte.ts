import { revenueCurrencies, revenueSum, wonDayPerLead } from '../features/revenue';
import type { KernelClient } from '../kernel/client';
import { NO_DAY, OUTCOME } from '../kernel/matrix';
import { copyInSteps, nextTask, pacer } from '../kernel/tasks';
import type { RoiData, RoiOptions } from '../kernel/roi';
import { quartersOfInSteps } from '../kernel/window';
import type { RoiSettings } from '../model/scenario';
import type { DatasetState } from './dataset.svelte';

/** Costs per tier as the kernel uses them: per-lead amounts, or hours × the hourly rate. */
export function effectiveCosts(roi: RoiSettings): number[] {
  return roi.hourly ? roi.hourly.hours.map((h) => h * roi.hourly!.rate) : roi.costPerLead;
}

/**
 * Days from creation to win of leads from … to − 1, into `into`: NaN for leads not won or without either
 * day. Every element of the range is written.
 */
export function fillDaysToWin(
  into: Float64Array,
  outcome: Uint8Array,
  createdDay: Int32Array,
  wonDay: Int32Array,
  from = 0,
  to = outcome.length,
): Float64Array {
  for (let i = from; i < to; i++)
    into[i] =
      outcome[i] === OUTCOME.won && wonDay[i] !== NO_DAY && createdDay[i] !== NO_DAY
        ? wonDay[i] - createdDay[i]
        : NaN;
  return into;
}

/** Leads per slice of the per-lead loops on the UI thread (a few ms each at most). */
const SLICE = 1 << 17;
/** Revenue rows per slice: each row's write lands at a random lead (a cache miss), ~5 ms per slice. */
const REVENUE_SLICE = 1 << 15;

/** Leads from..to without a quarter. Counted inline in `send`, a million leads took one 17.6 ms task. */
function countUnplaced(quarter: Int32Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += +(quarter[i] < 0);
  return n;
}

/**
 * The ROI view's per-lead inputs handed to the kernel: won revenue in the chosen currency (others converted
 * or left out and listed), the quarter each lead counts in (creation or close), days from creation to win.
 */
export class RoiState {
  sentKey = $state<string | null>(null);
  quarterLabels = $state.raw<string[]>([]);
  /** Won revenue left out because it is in another currency without a rate. */
  excluded = $state.raw<{ currency: string; leads: number; amount: number }[]>([]);
  /** Leads in no quarter (no created date, or not closed in close-quarter mode). */
  unplaced = $state(0);
  /** The quarter the quarterly review shows ('YYYY-Qn'); null = the latest. */
  reviewQuarter = $state<string | null>(null);
  /** The quarterly review is open (over the ROI view). */
  reviewOpen = $state(false);

  constructor(
    private readonly dataset: DatasetState,
    private readonly kernel: KernelClient,
  ) {}

  get currencies() {
    return revenueCurrencies(this.dataset.revenue);
  }

  options(roi: RoiSettings): RoiOptions | null {
    return this.sentKey
      ? {
          key: this.sentKey,
          costPerLead: effectiveCosts(roi),
          marginPct: roi.marginPct,
          fixedPerQuarter: roi.fixedPerQuarter,
          capacity: roi.capacityPerQuarter,
          cut: roi.cut,
        }
      : null;
  }

  /** The funnel's deal steps, copied for the kernel (none when they do not match the leads). */
  async #deals(n: number, pause: () => Promise<void>): Promise<RoiData['deals']> {
    const { step, stage, stages } = this.dataset.dealSteps;
    if (step.length !== n) return undefined;
    return {
      step: await copyInSteps(step, pause),
      stage: await copyInSteps(stage, pause),
      stageCount: stages.length,
    };
  }

  #seq = 0;
  /** The key of the send under way: an effect re-run with the same inputs (a slider drag) does not restart it. */
  #pending: string | null = null;

  /**
   * Computes the per-lead inputs and hands them to the kernel. At a million leads the steps take ~100 ms in
   * all, so each runs in a task of its own; a newer send (other inputs) supersedes one under way.
   */
  async send(roi: RoiSettings): Promise<void> {
    const leads = this.dataset.leads;
    const version = this.dataset.version;
    if (!leads || version === 0) return;
    const key = JSON.stringify([version, roi.currency, roi.rates, roi.cohort]);
    if (key === this.sentKey || key === this.#pending) return;
    const seq = ++this.#seq;
    this.#pending = key;
    // short slices: this runs while the view mounts and draws its first frames
    const pace = pacer(6);
    const superseded = async () => {
      await pace();
      return seq !== this.#seq;
    };
    // not in the task that opened the view (its mount is a frame's work already)
    await nextTask();
    if (seq !== this.#seq) return;
    const revenue = this.dataset.revenue;
    // fresh per-lead arrays, each page touched first in steps: the scattered writes below would fault them
    // all in within one task
    const amountOfLead = new Float64Array(leads.n);
    const wonDayOfLead = new Int32Array(leads.n);
    for (let from = 0; from < leads.n; from += SLICE) {
      const to = Math.min(leads.n, from + SLICE);
      amountOfLead.fill(0, from, to);
      wonDayOfLead.fill(NO_DAY, from, to);
      if (await superseded()) return;
    }
    const sum = revenueSum(revenue, amountOfLead, roi.currency, roi.rates);
    for (let from = 0; from < revenue.lead.length; from += REVENUE_SLICE) {
      sum.add(from, Math.min(revenue.lead.length, from + REVENUE_SLICE));
      if (await superseded()) return;
    }
    const { amount, excluded } = sum.result();
    const wonDay = wonDayPerLead(revenue, leads.n, wonDayOfLead);
    const daysToWin = new Float64Array(leads.n);
    for (let from = 0; from < leads.n; from += SLICE) {
      if (await superseded()) return;
      fillDaysToWin(
        daysToWin,
        leads.outcome,
        leads.createdDay,
        wonDay,
        from,
        Math.min(leads.n, from + SLICE),
      );
    }
    const quarters = await quartersOfInSteps(roi.cohort === 'created' ? leads.createdDay : wonDay, pace);
    let unplaced = 0;
    for (let from = 0; from < leads.n; from += SLICE) {
      if (await superseded()) return;
      unplaced += countUnplaced(quarters.codes, from, Math.min(leads.n, from + SLICE));
    }
    const deals = await this.#deals(leads.n, pace);
    if (await superseded()) return;
    const data: RoiData = { key, quarter: quarters.codes, labels: quarters.labels, amount, daysToWin, deals };
    await this.kernel.setRoiDataInSteps(data, pace, () => seq === this.#seq);
    if (seq !== this.#seq) return;
    this.#pending = null;
    this.quarterLabels = quarters.labels;
    this.excluded = excluded;
    this.unplaced = unplaced;
    this.sentKey = key;
  }
}
