import { EditHistory } from '../model/history';
import { defaultScenario } from '../model/defaultScenario';
import { applyEdit, editedCopy, frozenCopy } from '../model/plainEdit';
import type { Scenario } from '../model/scenario';

/**
 * The scenario being edited and the saved baseline ("live") model it is compared with. Every edit goes
 * through edit(), which records undo history; the edit functions themselves live in src/model/edits.ts.
 */
class ScenarioState {
  current = $state<Scenario>(defaultScenario({ withUrgency: true }));
  baseline = $state<Scenario>(defaultScenario({ withUrgency: true }));
  /**
   * Plain, frozen copies of both, shared by every reader. An edit changes the copy (which then shares all
   * it did not change with the one before) and makes the same changes to the proxy (editedCopy): a
   * snapshot of the whole proxy on every slider move was a third of what a drag allocated on the page.
   */
  #plainCurrent = $state.raw<Scenario>(frozenCopy(this.current));
  readonly plainBaseline = $derived(frozenCopy(this.baseline));
  readonly currentJson = $derived(JSON.stringify(this.#plainCurrent));
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

  get plainCurrent(): Scenario {
    return this.#plainCurrent;
  }

  /** Applies an edit to the current scenario; edits with the same key in quick succession undo as one. */
  edit(key: string, change: (s: Scenario) => void): void {
    this.#history.record(this.#snapshot(), key, performance.now());
    const { next, patches } = editedCopy(this.#plainCurrent, change);
    applyEdit(this.current, patches);
    this.#plainCurrent = next;
    this.#historyVersion++;
  }

  /** Replaces the whole scenario (an import, a preset, a saved scenario) as one undoable step. */
  replace(next: Scenario): void {
    this.#history.record(this.#snapshot(), '', performance.now());
    this.#set(structuredClone(next));
    this.#historyVersion++;
  }

  undo(): void {
    const previous = this.#history.undo(this.#snapshot());
    if (previous !== null) this.#set(JSON.parse(previous) as Scenario);
    this.#historyVersion++;
  }

  redo(): void {
    const next = this.#history.redo(this.#snapshot());
    if (next !== null) this.#set(JSON.parse(next) as Scenario);
    this.#historyVersion++;
  }

  /**
   * Starts over from the default model, which also becomes the baseline (new data). Returns its plain copy:
   * what is built from it (the rule matrix's layout) holds rules that cannot change under it.
   */
  start(withUrgency: boolean): Scenario {
    this.#set(defaultScenario({ withUrgency }));
    this.baseline = defaultScenario({ withUrgency });
    this.#history.clear();
    this.#historyVersion++;
    return this.#plainCurrent;
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

  #set(next: Scenario): void {
    this.current = next;
    this.#plainCurrent = frozenCopy(next);
  }
}

export const scenario = new ScenarioState();
