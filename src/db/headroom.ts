// Whether a load is likely to fit, judged before it starts. DuckDB-wasm is a wasm32 build: its heap can
// never pass 4 GiB whatever the machine has. A CSV read through a file handle is not copied, but its
// VARCHAR raw table, the typed canonical tables and the feature tables each hold a copy of the data.

export const GIB = 1024 ** 3;
/** The most memory a wasm32 instance can address. */
export const WASM_HEAP_LIMIT = 4 * GIB;

/** How a file reaches DuckDB, which decides how many copies of it a load holds. */
export type LoadPath = 'handle' | 'transcoded' | 'in-memory';

/** Memory a load needs per byte of file, by path (measured loads need 2–3×; the rest is margin). */
const FACTOR: Record<LoadPath, number> = { handle: 3, transcoded: 4, 'in-memory': 5 };

export interface MemoryFacts {
  /** `performance.memory.jsHeapSizeLimit` (Chromium only). */
  jsHeapSizeLimit?: number;
  /** `navigator.deviceMemory` in GB (rounded down, at most 8; Chromium only). */
  deviceMemoryGb?: number;
}

export interface HeadroomFile {
  name: string;
  size: number;
  path: LoadPath;
}

export interface Headroom {
  /** Bytes the load is estimated to need. */
  needed: number;
  /** Bytes the engine may use: the wasm limit, lowered to half the device's memory when known. */
  available: number;
  /** Whether to warn before loading: the estimate passes what is available. */
  warn: boolean;
  /** The biggest file, for the message. */
  largest: HeadroomFile | null;
}

export function estimateNeed(files: readonly HeadroomFile[]): number {
  return files.reduce((sum, f) => sum + f.size * FACTOR[f.path], 0);
}

export function availableMemory(facts: MemoryFacts): number {
  const device = facts.deviceMemoryGb ? (facts.deviceMemoryGb * GIB) / 2 : Infinity;
  return Math.min(WASM_HEAP_LIMIT, device);
}

export function headroom(files: readonly HeadroomFile[], facts: MemoryFacts): Headroom {
  const needed = estimateNeed(files);
  // in-memory formats are read in JS first: the JS heap limit binds them too
  const inMemory = estimateNeed(files.filter((f) => f.path === 'in-memory'));
  const available = availableMemory(facts);
  const jsLimit = facts.jsHeapSizeLimit ?? Infinity;
  const largest = files.reduce<HeadroomFile | null>((b, f) => (!b || f.size > b.size ? f : b), null);
  return { needed, available, warn: needed > available || inMemory > jsLimit, largest };
}

/** What this browser says about its memory (fields it does not expose are left out). */
export function memoryFacts(): MemoryFacts {
  const perf = performance as Performance & { memory?: { jsHeapSizeLimit?: number } };
  const nav = navigator as Navigator & { deviceMemory?: number };
  const facts: MemoryFacts = {};
  if (typeof perf.memory?.jsHeapSizeLimit === 'number') facts.jsHeapSizeLimit = perf.memory.jsHeapSizeLimit;
  if (typeof nav.deviceMemory === 'number') facts.deviceMemoryGb = nav.deviceMemory;
  return facts;
}

/** A byte count for messages: "512 MB", "1.2 GB". */
export function formatBytes(bytes: number): string {
  if (bytes >= GIB) return `${(bytes / GIB).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
