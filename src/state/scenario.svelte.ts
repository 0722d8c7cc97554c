import { EditHistory } from '../model/history';
import { defaultScenario } from '../model/defaultScenario';
import type { Scenario } from '../model/scenario';

/**
 * The scenario being edited and the saved baseline ("live") model it is compared with. Every edit goes
 * through edit(), which records undo history; the edit functions themselves live in src/model/edits.ts.
 */
class ScenarioState {
  current = $state<Scenario>(defaultScenario({ withUrgency: true }));
  baseline = $state<Scenario>(defaultScenario({ withUrgency: true }));
  /**
   * Plain copies of both, made once per change and shared by every reader (a snapshot of the proxy costs
   * milliseconds, and a slider move had several). Read-only: edits go through edit().
   */
  readonly plainCurrent = $derived($state.snapshot(this.current) as Scenario);
  readonly plainBaseline = $derived($state.snapshot(this.baseline) as Scenario);
  readonly currentJson = $derived(JSON.stringify(this.plainCurrent));
  readonly #baselineJson = $derived(JSON.stringify(this.plainBaseline));
  readonly changed = $derived(this.currentJson !== this.#baselineJson);
  /** Bumped on every history change so canUndo / canRedo re-evaluate. */
  #historyVersion = $state(0);
  #history = new EditHistory();

  get canUndo(): boolean {
    void this.#historyVersion;
    return this.#history.canUndo;
  }
  get canRedo(): boolean {
    void this.#historyVersion;
    return this.#history.canRedo;
  }

  /** Applies an edit to the current scenario; edits with the same key in quick succession undo as one. */
  edit(key: string, change: (s: Scenario) => void): void {
    this.#history.record(this.#snapshot(), key, performance.now());
    change(this.current);
    this.#historyVersion++;
  }

  /** Replaces the whole scenario (an import, a preset, a saved scenario) as one undoable step. */
  replace(next: Scenario): void {
    this.#history.record(this.#snapshot(), '', performance.now());
    this.current = structuredClone(next);
    this.#historyVersion++;
  }

  undo(): void {
    const previous = this.#history.undo(this.#snapshot());
    if (previous !== null) this.current = JSON.parse(previous) as Scenario;
    this.#historyVersion++;
  }

  redo(): void {
    const next = this.#history.redo(this.#snapshot());
    if (next !== null) this.current = JSON.parse(next) as Scenario;
    this.#historyVersion++;
  }

  /** Starts over from the default model, which also becomes the baseline (new data). */
  start(withUrgency: boolean): Scenario {
    this.current = defaultScenario({ withUrgency });
    this.baseline = defaultScenario({ withUrgency });
    this.#history.clear();
    this.#historyVersion++;
    return this.current;
  }

  /** Back to the baseline model (undoable). */
  reset(): void {
    this.replace($state.snapshot(this.baseline) as Scenario);
  }

  saveAsBaseline(): void {
    this.baseline = structuredClone($state.snapshot(this.current) as Scenario);
  }

  #snapshot(): string {
    return this.currentJson;
  }
}

export const scenario = new ScenarioState();
