/**
 * A long table's rows drawn a few per frame: each new result changes most cells' text, and laying out a
 * few hundred changed cells at once takes longer than a frame (the ROI table: 8-11 ms of Layout and 3 ms
 * of Paint per re-score of a drag). `shown` moves towards the latest rows `perFrame` rows a frame, going
 * round the table from where it stopped, so rows far down are not starved while results keep coming. A
 * change of shape (another row count, or another `shape` key: other columns) is drawn at once.
 */
export class StagedRows<T> {
  shown: T[] = $state.raw([]);
  #target: T[] = [];
  #shape: string | null = null;
  #cursor = 0;
  #frame: number | null = null;

  constructor(
    private readonly perFrame: () => number,
    private readonly nextFrame: (step: () => void) => number = (step) => requestAnimationFrame(step),
    private readonly cancelFrame: (frame: number) => void = (frame) => cancelAnimationFrame(frame),
  ) {}

  set(rows: T[], shape = ''): void {
    this.#target = rows;
    if (this.shown.length !== rows.length || this.#shape !== shape) {
      this.stop();
      this.#shape = shape;
      this.#cursor = 0;
      this.shown = rows;
      return;
    }
    this.#frame ??= this.nextFrame(this.#step);
  }

  get settled(): boolean {
    return this.#frame === null;
  }

  stop(): void {
    if (this.#frame !== null) this.cancelFrame(this.#frame);
    this.#frame = null;
  }

  #step = (): void => {
    this.#frame = null;
    const target = this.#target;
    const shown = this.shown.slice();
    const perFrame = this.perFrame();
    let drawn = 0;
    for (let visited = 0; visited < shown.length && drawn < perFrame; visited++) {
      const i = this.#cursor;
      this.#cursor = (i + 1) % shown.length;
      if (shown[i] !== target[i]) {
        shown[i] = target[i];
        drawn++;
      }
    }
    this.shown = shown;
    if (shown.some((row, i) => row !== target[i])) this.#frame = this.nextFrame(this.#step);
  };
}
