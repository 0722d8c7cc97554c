import { describe, expect, it } from 'vitest';
import { packNamesInSteps, unpackNames } from '../../src/features/packedNames';

describe('packNamesInSteps', () => {
  const names = ['Acme', '', '北京科技有限公司', 'a\u0000b', '😀 Emoji Ltd', ',', 'x'.repeat(1000)];

  it('round-trips names of any content, empty ones and separators included, at every step size', async () => {
    for (const step of [1, 2, 3, 7, 100]) {
      const packed = await packNamesInSteps(
        names.length,
        (i) => names[i],
        async () => {},
        step,
      );
      expect(packed.names).toBe(names.join(''));
      // UTF-16 lengths: 😀 is two code units
      expect(Array.from(packed.nameLengths)).toEqual([4, 0, 8, 3, 12, 1, 1000]);
      expect(unpackNames(packed.names, packed.nameLengths)).toEqual(names);
    }
    expect(unpackNames('', new Int32Array(0))).toEqual([]);
  });

  it('pauses after each step and packs nothing for no names', async () => {
    let pauses = 0;
    await packNamesInSteps(
      names.length,
      (i) => names[i],
      async () => void pauses++,
      3,
    );
    expect(pauses).toBe(3);
    const empty = await packNamesInSteps(
      0,
      () => 'never',
      async () => {},
    );
    expect([empty.names, empty.nameLengths.length]).toEqual(['', 0]);
  });
});
