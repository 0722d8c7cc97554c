import { describe, expect, it } from 'vitest';
import { nextTask, pacer } from '../../src/kernel/tasks';

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
