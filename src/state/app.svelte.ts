import { createKernelWorkers, KernelClient, reScoreLanes } from '../kernel/client';
import { afterPageDrawn } from '../components/frameQueue';
import type { ColumnMapping } from '../ingest/mapping';
import type { SourceFile } from '../ingest/prepare';
import { prepareSource } from '../ingest/source';
import { readUpload } from '../ingest/bigFile';
import { LoadControl } from './loadControl.svelte';
import { installTestHooks } from './testHooks';
import { DatasetState } from './dataset.svelte';
import { localPresetStore } from './importPresets';
import { ImportWizard } from './importWizard.svelte';
import { engine } from './engine.svelte';
import { activityTypes, fieldValues, type ValueCount } from '../features/values';
import { scenario } from './scenario.svelte';
import { setWeight } from '../model/edits';
import { ScoringState } from './scoring.svelte';
import type { View } from './views';
import { BiasState } from './bias.svelte';
import { RoiState } from './roi.svelte';
import { LeadQuery } from './leadQuery.svelte';
import leadsUrl from '../../datasets/leads.csv?url';
import dealsUrl from '../../datasets/deals.csv?url';
import activitiesUrl from '../../datasets/activities.csv?url';

export { VIEWS, type View } from './views';

const SAMPLE = [
  { name: 'leads.csv', url: leadsUrl },
  { name: 'deals.csv', url: dealsUrl },
  { name: 'activities.csv', url: activitiesUrl },
];

/** The app's wiring: one kernel worker, the dataset, the scoring results, the open view. */
class AppState {
  view = $state<View>('tiers');
  readonly kernel = (() => {
    const workers = createKernelWorkers();
    return new KernelClient(workers, reScoreLanes(workers.length), afterPageDrawn);
  })();
  readonly dataset = new DatasetState(
    () => engine.get(),
    (data) => this.kernel.setDataInSteps(data.inputs, data.facts, data.segments, data.logId),
    () => scenario.current,
  );
  /** The memory check before a load, Cancel, and the reload after the engine died. */
  readonly load = new LoadControl(
    this.dataset,
    () => engine.stop('stopped'),
    (notice) => (this.notice = notice),
  );
  /** Dropped files wait here, read and mapped, until the user loads them. */
  readonly wizard = new ImportWizard(localPresetStore(), () => this.dataset.files, prepareSource);
  readonly scoring = new ScoringState(this.kernel);
  readonly bias = new BiasState(this.dataset, this.kernel);
  readonly roi = new RoiState(this.dataset, this.kernel);
  /** The Leads table's filter and sort; the kernel orders the rows. */
  readonly leadQuery = new LeadQuery((keys) => this.kernel.setLeadKeys(keys));

  /** A new leads file starts from the default model fitted to what it maps. */
  #scenarioFor = (withUrgency: boolean) => scenario.start(withUrgency);
  /** Leads view filter set from elsewhere (a migration-matrix cell): baseline tier → scenario tier. */
  migrationFilter = $state<{ from: number; to: number } | null>(null);
  /**
   * The Leads export waits for a result with every lead's values and calibrated probability, which the
   * table's re-scores go without.
   */
  leadsExport = $state(false);

  /** The lead (kernel index) whose score the Leads view explains, or null. */
  selectedLead = $state<number | null>(null);

  /** A message for the whole page (a scenario opened from a link, an import that failed). */
  notice = $state<{ kind: 'info' | 'error'; text: string; details: string[] } | null>(null);

  /** A rule to bring into view in the model editor (opened from the Accuracy or Bias view). */
  focusRule = $state<string | null>(null);

  editRule(ruleId: string): void {
    this.focusRule = ruleId;
    this.view = 'model';
  }

  showMigration(from: number, to: number): void {
    this.migrationFilter = { from, to };
    this.view = 'leads';
  }

  /** A lead column's values with counts, or the activity types, for the rule editor's pickers. */
  async valuesOf(field: string | 'activity_type'): Promise<ValueCount[]> {
    const db = await engine.get();
    return field === 'activity_type' ? activityTypes(db) : fieldValues(db, field);
  }

  async loadSample(): Promise<void> {
    const sources: SourceFile[] = await Promise.all(
      SAMPLE.map(async ({ name, url }) => ({
        name,
        bytes: new Uint8Array(await (await fetch(url)).arrayBuffer()),
      })),
    );
    this.selectedLead = null;
    await this.dataset.load(sources, 'sample', this.#scenarioFor);
  }

  /** Dropped or chosen files go to the import wizard; nothing replaces the current data yet. */
  async loadFiles(files: readonly File[]): Promise<void> {
    // a big file is read only in part here; DuckDB reads the rest through a file handle
    const sources = await Promise.all(files.map(readUpload));
    if (!(await this.load.confirmMemory(sources))) return;
    await this.wizard.stage(sources);
  }

  /** The wizard's Load: the staged files that can load do; the others keep their own messages. */
  async commitImport(): Promise<void> {
    const committed = this.wizard.commit();
    if (!committed) return;
    this.selectedLead = null;
    const label = committed.files.map((f) => f.source.name).join(', ');
    this.load.starting(committed.files);
    await this.dataset.loadPrepared(committed.files, committed.errors, label, this.#scenarioFor);
  }

  async remap(fileIndex: number, mapping: ColumnMapping): Promise<void> {
    await this.dataset.remap(fileIndex, mapping, this.#scenarioFor);
  }
}

export const app = new AppState();
engine.onStopped((stop) => void app.load.afterStop(stop));
installTestHooks({
  trapEngine: () => engine.stop('trap'),
  scoringPending: () => app.scoring.pending,
  calibrated: () => (app.scoring.result?.accuracy ?? null) !== null,
  setWeight: (d, w) => scenario.edit(`weight-${d}`, (s) => setWeight(s, d, w)),
  weight: (d) => scenario.current.dimensions[d]?.weight ?? 0,
});
