import { describe, expect, it } from 'vitest';
import { BackgroundValues } from '../../src/state/backgroundValues';

describe('BackgroundValues', () => {
  it('is null while a value is computed, computes it once per key, and says when it is ready', async () => {
    let ready = 0;
    let computed = 0;
    const values = new BackgroundValues<object, number>(() => ready++);
    let finish!: (n: number) => void;
    const compute = () => {
      computed++;
      return new Promise<number>((resolve) => (finish = resolve));
    };
    const key = {};
    expect(values.get(key, compute)).toBeNull();
    expect(values.get(key, compute)).toBeNull();
    expect([computed, ready]).toEqual([1, 0]);
    finish(42);
    await Promise.resolve();
    expect(ready).toBe(1);
    expect(values.get(key, compute)).toBe(42);
    expect(computed).toBe(1);
    // another key is its own value
    expect(values.get({}, async () => 7)).toBeNull();
    expect(computed).toBe(1);
  });
});
