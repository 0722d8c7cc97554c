/**
 * The page's handle on the chart worker. Each figure (an owner) has at most one chart in flight: a spec
 * asked for while one is drawn waits, and a newer one replaces it (latest wins; the replaced request
 * resolves to null). Without a worker (tests, a browser without module workers) a chart is drawn in place.
 */
import type { ChartSpec } from './registry';
import type { PlainNode } from './lightDocument';

export interface ChartRequest {
  id: number;
  spec: ChartSpec;
}

export type ChartReply = { id: number; tree: PlainNode } | { id: number; error: string };

interface Pending {
  spec: ChartSpec;
  /** The spec as plain data, for when it holds what a worker cannot be sent (a reactive proxy). */
  plain?: () => ChartSpec;
  resolve: (tree: PlainNode | null) => void;
  reject: (e: Error) => void;
}

/** What the client needs of a worker (a fake one in tests). */
export interface ChartWorker {
  postMessage(message: ChartRequest): void;
  onmessage: ((e: MessageEvent<ChartReply>) => void) | null;
}

export class ChartClient {
  #worker: ChartWorker | null;
  #nextId = 1;
  /** The request each owner has in flight, with its id. */
  #inFlight = new Map<object, { id: number; pending: Pending }>();
  #waiting = new Map<object, Pending>();
  #idle: (() => void)[] = [];

  constructor(worker: ChartWorker | null) {
    this.#worker = worker;
    if (worker) worker.onmessage = (e) => this.#onReply(e.data);
  }

  /** Draws `spec` for `owner`: the tree, or null when a newer spec for the owner replaced it first. */
  draw(owner: object, spec: ChartSpec, plain?: () => ChartSpec): Promise<PlainNode | null> {
    // Plot stays out of the page's bundle: only the worker (or this fallback, loaded on demand) imports it
    if (!this.#worker) return import('./registry').then((charts) => charts.drawChart(spec));
    return new Promise((resolve, reject) => {
      const pending = { spec, plain, resolve, reject };
      if (this.#inFlight.has(owner)) {
        this.#waiting.get(owner)?.resolve(null);
        this.#waiting.set(owner, pending);
      } else this.#send(owner, pending);
    });
  }

  /** Forgets `owner`'s waiting spec (its figure is gone); a chart in flight still arrives, for nobody. */
  cancel(owner: object): void {
    this.#waiting.get(owner)?.resolve(null);
    this.#waiting.delete(owner);
    this.#settle();
  }

  /** Charts asked for and not drawn yet. */
  get pending(): number {
    return this.#inFlight.size + this.#waiting.size;
  }

  /** Resolves once no chart is being drawn or waits to be (at once when none is), or after `maxMs`. */
  idle(maxMs = 250): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      this.#idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #send(owner: object, pending: Pending): void {
    const id = this.#nextId++;
    this.#inFlight.set(owner, { id, pending });
    try {
      this.#post(id, pending);
    } catch (e) {
      this.#inFlight.delete(owner);
      pending.reject(e instanceof Error ? e : new Error(String(e)));
      this.#settle();
    }
  }

  #post(id: number, pending: Pending): void {
    try {
      this.#worker!.postMessage({ id, spec: pending.spec });
    } catch (e) {
      if (!(e instanceof DOMException && e.name === 'DataCloneError' && pending.plain)) throw e;
      this.#worker!.postMessage({ id, spec: pending.plain() });
    }
  }

  #onReply(reply: ChartReply): void {
    const owner = [...this.#inFlight].find(([, job]) => job.id === reply.id)?.[0];
    if (!owner) return;
    const { pending } = this.#inFlight.get(owner)!;
    this.#inFlight.delete(owner);
    const next = this.#waiting.get(owner);
    if (next) {
      this.#waiting.delete(owner);
      this.#send(owner, next);
    }
    // a tree older than the one that waits is still newer than what the figure shows
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.tree);
    this.#settle();
  }

  #settle(): void {
    if (this.pending > 0) return;
    const waiting = this.#idle;
    this.#idle = [];
    for (const resolve of waiting) resolve();
  }
}

function createChartWorker(): ChartWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('./chart.worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as ChartWorker;
}

let shared: ChartClient | null = null;

/** The page's chart client (its worker is started on first use). */
export function chartClient(): ChartClient {
  shared ??= new ChartClient(createChartWorker());
  return shared;
}
