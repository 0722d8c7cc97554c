import { describe, expect, it } from 'vitest';
import { BufferPool } from '../../src/kernel/bufferPool';

describe('BufferPool', () => {
  it('hands a released buffer of the asked size back, once, and makes new ones otherwise', () => {
    const pool = new BufferPool(1024);
    const a = new ArrayBuffer(64);
    new Uint8Array(a).fill(7);
    pool.give([a]);
    expect(pool.take(32)).not.toBe(a);
    const again = pool.take(64);
    expect(again).toBe(a);
    // old contents and all: the caller overwrites every element
    expect(new Uint8Array(again)[0]).toBe(7);
    const fresh = pool.take(64);
    expect(fresh).not.toBe(a);
    expect(new Uint8Array(fresh).every((x) => x === 0)).toBe(true);
  });

  it('keeps no more than its byte budget and no detached buffers', () => {
    const pool = new BufferPool(100);
    const big = [new ArrayBuffer(60), new ArrayBuffer(60)];
    const detached = new ArrayBuffer(8);
    structuredClone(detached, { transfer: [detached] });
    pool.give([...big, detached]);
    expect(pool.take(60)).toBe(big[0]);
    expect(pool.take(60)).not.toBe(big[1]);
    // taking made room again
    pool.give([big[1]]);
    expect(pool.take(60)).toBe(big[1]);
  });
});
