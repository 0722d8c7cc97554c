import { revenueCurrencies, revenueIn, wonDayPerLead } from '../features/revenue';
import type { KernelClient } from '../kernel/client';
import { NO_DAY } from '../kernel/matrix';
import type { RoiData, RoiOptions } from '../kernel/roi';
import { quartersOf } from '../kernel/window';
import type { RoiSettings } from '../model/scenario';
import type { DatasetState } from './dataset.svelte';

/** Costs per tier as the kernel uses them: per-lead amounts, or hours × the hourly rate. */
export function effectiveCosts(roi: RoiSettings): number[] {
  return roi.hourly ? roi.hourly.hours.map((h) => h * roi.hourly!.rate) : roi.costPerLead;
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
  #deals(n: number): RoiData['deals'] {
    const { step, stage, stages } = this.dataset.dealSteps;
    if (step.length !== n) return undefined;
    return { step: step.slice(), stage: stage.slice(), stageCount: stages.length };
  }

  send(roi: RoiSettings): void {
    const leads = this.dataset.leads;
    const version = this.dataset.version;
    if (!leads || version === 0) return;
    const key = JSON.stringify([version, roi.currency, roi.rates, roi.cohort]);
    if (key === this.sentKey) return;
    const { amount, excluded } = revenueIn(this.dataset.revenue, leads.n, roi.currency, roi.rates);
    const wonDay = wonDayPerLead(this.dataset.revenue, leads.n);
    const daysToWin = new Float64Array(leads.n).fill(NaN);
    for (let i = 0; i < leads.n; i++)
      if (leads.outcome[i] === 1 && wonDay[i] !== NO_DAY && leads.createdDay[i] !== NO_DAY)
        daysToWin[i] = wonDay[i] - leads.createdDay[i];
    const quarters = quartersOf(roi.cohort === 'created' ? leads.createdDay : wonDay);
    let unplaced = 0;
    for (const c of quarters.codes) if (c < 0) unplaced++;
    const data: RoiData = {
      key,
      quarter: quarters.codes,
      labels: quarters.labels,
      amount,
      daysToWin,
      deals: this.#deals(leads.n),
    };
    this.kernel.setRoiData(data);
    this.quarterLabels = quarters.labels;
    this.excluded = excluded;
    this.unplaced = unplaced;
    this.sentKey = key;
  }
}
