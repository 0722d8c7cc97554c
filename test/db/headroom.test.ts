import { describe, expect, it } from 'vitest';
import { availableMemory, estimateNeed, formatBytes, GIB, headroom } from '../../src/db/headroom';

const MB = 1024 ** 2;

describe('memory headroom before a load', () => {
  it('estimates 3x a CSV read by handle, 4x one transcoded first, 5x a format read in JS', () => {
    expect(estimateNeed([{ name: 'a.csv', size: 300 * MB, path: 'handle' }])).toBe(900 * MB);
    expect(estimateNeed([{ name: 'a.csv', size: 100 * MB, path: 'transcoded' }])).toBe(400 * MB);
    expect(
      estimateNeed([
        { name: 'a.xlsx', size: 10 * MB, path: 'in-memory' },
        { name: 'b.csv', size: 10 * MB, path: 'handle' },
      ]),
    ).toBe(80 * MB);
  });

  it('caps what is available at the 4 GiB a wasm32 heap can address, and at half the device memory', () => {
    expect(availableMemory({})).toBe(4 * GIB);
    expect(availableMemory({ deviceMemoryGb: 8 })).toBe(4 * GIB);
    expect(availableMemory({ deviceMemoryGb: 2 })).toBe(1 * GIB);
    expect(availableMemory({ deviceMemoryGb: 0.25, jsHeapSizeLimit: 4 * GIB })).toBe(128 * MB);
  });

  it('warns when the estimate passes what is available, naming the largest file', () => {
    const files = [
      { name: 'leads.csv', size: 1.5 * GIB, path: 'handle' as const },
      { name: 'deals.csv', size: 20 * MB, path: 'handle' as const },
    ];
    const h = headroom(files, { deviceMemoryGb: 8 });
    expect(h.needed).toBe(4.5 * GIB + 60 * MB);
    expect(h.available).toBe(4 * GIB);
    expect(h.warn).toBe(true);
    expect(h.largest?.name).toBe('leads.csv');
    expect(headroom([{ name: 'a.csv', size: 300 * MB, path: 'handle' }], { deviceMemoryGb: 8 }).warn).toBe(
      false,
    );
  });

  it('also warns when a format read in JS would pass the JS heap limit', () => {
    const big = [{ name: 'a.json', size: 300 * MB, path: 'in-memory' as const }];
    expect(headroom(big, { jsHeapSizeLimit: 2 * GIB }).warn).toBe(false);
    expect(headroom(big, { jsHeapSizeLimit: 1 * GIB }).warn).toBe(true);
  });

  it('writes sizes for messages', () => {
    expect(formatBytes(303 * MB)).toBe('303 MB');
    expect(formatBytes(1.25 * GIB)).toBe('1.3 GB');
    expect(formatBytes(2048)).toBe('2 KB');
  });
});
