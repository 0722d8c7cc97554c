import { describe, expect, it } from 'vitest';
import { perFrozen } from '../../src/model/perFrozen';

describe('perFrozen', () => {
  it('derives once for each frozen value, and every time for one that can still change', () => {
    let calls = 0;
    const sizeOf = perFrozen((xs: number[]) => (calls++, xs.length));
    const frozen = Object.freeze([1, 2, 3]) as number[];
    expect([sizeOf(frozen), sizeOf(frozen)]).toEqual([3, 3]);
    expect(calls).toBe(1);
    const editing = [1];
    expect(sizeOf(editing)).toBe(1);
    editing.push(2);
    expect(sizeOf(editing)).toBe(2);
    expect(calls).toBe(3);
  });
});
