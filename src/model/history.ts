/**
 * Undo/redo over JSON snapshots of a document. Edits with the same key in quick succession (a slider
 * being dragged) make one step.
 */
export class EditHistory {
  #undo: string[] = [];
  #redo: string[] = [];
  #lastKey = '';
  #lastAt = -Infinity;

  constructor(
    private readonly limit = 200,
    private readonly mergeMs = 800,
  ) {}

  /** Records the state before an edit. */
  record(before: string, key: string, now: number): void {
    const merge = key !== '' && key === this.#lastKey && now - this.#lastAt < this.mergeMs;
    this.#lastKey = key;
    this.#lastAt = now;
    if (merge) return;
    this.#undo.push(before);
    if (this.#undo.length > this.limit) this.#undo.shift();
    this.#redo = [];
  }

  undo(current: string): string | null {
    const previous = this.#undo.pop();
    if (previous === undefined) return null;
    this.#redo.push(current);
    this.#lastKey = '';
    return previous;
  }

  redo(current: string): string | null {
    const next = this.#redo.pop();
    if (next === undefined) return null;
    this.#undo.push(current);
    this.#lastKey = '';
    return next;
  }

  clear(): void {
    this.#undo = [];
    this.#redo = [];
    this.#lastKey = '';
  }

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }
  get canRedo(): boolean {
    return this.#redo.length > 0;
  }
}
