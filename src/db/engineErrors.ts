/**
 * What kind of failure an engine error is, which decides what the app does next:
 * - 'oom': the data did not fit (DuckDB's "Out of Memory Error", a failed buffer allocation). The engine
 *   itself still works; the load is abandoned and the app says which file and what to try.
 * - 'trap': the wasm instance or its worker died ("memory access out of bounds", "unreachable", a worker
 *   error). Nothing it holds can be trusted: it is restarted and the kept files reloaded.
 * - 'stopped': the engine was stopped on purpose (the user cancelled a load).
 * - 'other': an ordinary query error.
 */
export type EngineFailure = 'oom' | 'trap' | 'stopped' | 'other';

/** Thrown by every pending and later call of an engine that died or was stopped. */
export class EngineStoppedError extends Error {
  constructor(
    readonly reason: 'trap' | 'stopped',
    cause?: unknown,
  ) {
    super(`engine ${reason}${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'EngineStoppedError';
  }
}

const OOM = [/out of memory/i, /array buffer allocation failed/i, /cannot allocate memory/i, /bad_alloc/i];
const TRAP = [
  /memory access out of bounds/i,
  /^unreachable/i,
  /unreachable executed/i,
  /table index is out of bounds/i,
  /call stack size exceeded/i,
  /null function or function signature mismatch/i,
  /worker terminated|error in duckdb worker/i,
];

export function classifyEngineError(error: unknown): EngineFailure {
  if (error instanceof EngineStoppedError) return error.reason;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  // a wasm RuntimeError keeps its name across the worker boundary (the dispatcher posts name and message);
  // after one, even "Aborted(OOM)", the instance is unusable
  if (name === 'RuntimeError') return 'trap';
  if (OOM.some((re) => re.test(message))) return 'oom';
  if (TRAP.some((re) => re.test(message))) return 'trap';
  return 'other';
}
