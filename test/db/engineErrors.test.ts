import { describe, expect, it } from 'vitest';
import { classifyEngineError, EngineStoppedError } from '../../src/db/engineErrors';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('classifyEngineError', () => {
  it("reads DuckDB's and the browser's out-of-memory errors as 'oom' (the engine still works)", () => {
    expect(
      classifyEngineError(
        new Error('Out of Memory Error: failed to allocate data of size 256.0 MiB (3.9 GiB/3.9 GiB used)'),
      ),
    ).toBe('oom');
    expect(classifyEngineError(new RangeError('Array buffer allocation failed'))).toBe('oom');
    expect(classifyEngineError('std::bad_alloc')).toBe('oom');
  });

  it("reads a wasm RuntimeError, whatever its message, and a dead worker as 'trap'", () => {
    expect(classifyEngineError(named('RuntimeError', 'memory access out of bounds'))).toBe('trap');
    expect(classifyEngineError(named('RuntimeError', 'Aborted(OOM)'))).toBe('trap');
    expect(classifyEngineError(new Error('memory access out of bounds'))).toBe('trap');
    expect(classifyEngineError(new Error('unreachable executed'))).toBe('trap');
    expect(classifyEngineError(new Error('error in duckdb worker: script error'))).toBe('trap');
  });

  it('keeps the reason of an engine that was stopped, and calls anything else an ordinary error', () => {
    expect(classifyEngineError(new EngineStoppedError('stopped'))).toBe('stopped');
    expect(classifyEngineError(new EngineStoppedError('trap', new Error('x')))).toBe('trap');
    expect(classifyEngineError(new Error('Binder Error: Referenced column "x" not found'))).toBe('other');
    expect(classifyEngineError(new Error('Conversion Error: Could not convert string "abc" to INT32'))).toBe(
      'other',
    );
  });

  it("an EngineStoppedError's message carries its cause", () => {
    const stop = new EngineStoppedError('trap', new Error('memory access out of bounds'));
    expect(stop.message).toBe('engine trap: memory access out of bounds');
    expect(stop.cause).toBeInstanceOf(Error);
  });
});
