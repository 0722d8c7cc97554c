import {
  biasColumnsOf,
  cutBiasColumn,
  fetchBiasColumn,
  type BiasColumn,
  type BiasColumnValues,
  type BiasCut,
} from '../features/biasColumns';
import type { BiasOptions } from '../kernel/bias';
import type { KernelClient } from '../kernel/client';
import { nextTask } from '../kernel/tasks';
import { errorMessage } from './errorMessage';
import type { DatasetState } from './dataset.svelte';
import { engine } from './engine.svelte';

/**
 * The Bias view's choices (segment column, its cut, an intersection column, the reference segment, the
 * top-tier cut) and the segment codes handed to the kernel for them.
 */
export class BiasState {
  column = $state<BiasColumn>('lead_source');
  cut = $state<BiasCut>({ topN: null, bands: 'fixed' });
  second = $state<BiasColumn | null>(null);
  /** Reference segment code for disparity; null = the largest. */
  reference = $state<number | null>(null);
  /** Top tiers = 0 … tierCut. */
  tierCut = $state(0);
  /** The segment picked for the rule contrast; null = the most significant flagged one. */
  focus = $state<number | null>(null);
  /** The key of the segment the kernel holds (null until one is sent): results for other keys are stale. */
  sentKey = $state<string | null>(null);
  /** Labels of the segment the kernel holds, by code. */
  labels = $state.raw<string[]>([]);
  /** Labels of the intersection column the kernel holds, by code (empty without one). */
  secondLabels = $state.raw<string[]>([]);
  error = $state('');

  // a plain cache of fetched columns: nothing renders from it, so it need not be reactive
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #raw = new Map<string, BiasColumnValues>();
  #rawVersion = -1;
  #seq = 0;

  constructor(
    private readonly dataset: DatasetState,
    private readonly kernel: KernelClient,
  ) {}

  /** The columns the loaded leads file maps. */
  get columns(): BiasColumn[] {
    const leads = this.dataset.files.find((f) => f.kind === 'leads');
    return leads ? biasColumnsOf(leads.mapping) : [];
  }

  options(): BiasOptions | null {
    return this.sentKey
      ? { key: this.sentKey, reference: this.reference, cut: this.tierCut, focus: this.focus }
      : null;
  }

  /** Cuts the chosen column(s) and hands the codes to the kernel (latest call wins). */
  async send(): Promise<void> {
    const seq = ++this.#seq;
    const version = this.dataset.version;
    const leads = this.dataset.leads;
    if (!leads || version === 0) return;
    const columns = this.columns;
    const column = columns.includes(this.column) ? this.column : columns[0];
    if (!column) return;
    const second =
      this.second && this.second !== column && columns.includes(this.second) ? this.second : null;
    const cut = { ...this.cut };
    const key = JSON.stringify([version, column, cut, second]);
    if (key === this.sentKey) return;
    try {
      if (this.#rawVersion !== version) {
        this.#raw.clear();
        this.#rawVersion = version;
      }
      const raw = async (c: BiasColumn) => {
        let values = this.#raw.get(c);
        if (!values) {
          values = await fetchBiasColumn(await engine.get(), c, leads.createdDay);
          this.#raw.set(c, values);
        }
        return values;
      };
      // each cut (a pass or two over every lead) and the hand-over in a task of its own
      const cutOf = async (c: BiasColumn) => {
        const values = await raw(c);
        await nextTask();
        const bands = cutBiasColumn(c, values, cut);
        await nextTask();
        return bands;
      };
      const a = await cutOf(column);
      const b = second ? await cutOf(second) : null;
      if (seq !== this.#seq) return;
      this.kernel.setBiasSegment({
        key,
        codes: a.codes.slice(),
        labels: a.labels,
        second: b ? { codes: b.codes.slice(), labels: b.labels } : null,
      });
      if (this.reference !== null && this.reference >= a.labels.length) this.reference = null;
      if (this.focus !== null && this.focus >= a.labels.length) this.focus = null;
      this.labels = a.labels;
      this.secondLabels = b?.labels ?? [];
      this.sentKey = key;
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}
