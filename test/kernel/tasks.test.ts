import { describe, expect, it } from 'vitest';
import { copyInSteps, nextTask, pacer } from '../../src/kernel/tasks';

describe('pacer', () => {
  it('yields only once its slice has passed since the last yield', async () => {
    let yields = 0;
    const pace = pacer(5, () => {
      yields++;
      return Promise.resolve();
    });
    await pace();
    expect(yields).toBe(0);
    const start = performance.now();
    while (performance.now() - start < 6);
    await pace();
    expect(yields).toBe(1);
    await pace();
    expect(yields).toBe(1);
  });

  it('nextTask resolves after the current task (after pending microtasks)', async () => {
    const order: string[] = [];
    const task = nextTask().then(() => order.push('task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await task;
    expect(order).toEqual(['microtask', 'task']);
  });
});

describe('copyInSteps', () => {
  it('copies every element of each column type, a slice per pause, into an array of its own', async () => {
    const n = 300_000;
    for (const a of [
      Float64Array.from({ length: n }, (_, i) => i / 3),
      Int32Array.from({ length: n }, (_, i) => i - 7),
      Uint8Array.from({ length: n }, (_, i) => i % 251),
    ]) {
      let pauses = 0;
      const c = await copyInSteps(a, async () => void pauses++);
      expect(c.constructor).toBe(a.constructor);
      expect(c.buffer).not.toBe(a.buffer);
      expect(c).toEqual(a);
      expect(pauses).toBe(3);
    }
  });
});
