import { describe, expect, it } from 'vitest';
import { packNames, unpackNames } from '../../src/state/packedNames';

describe('packNames', () => {
  it('round-trips names of any content, empty ones and separators included', () => {
    const names = ['Acme', '', '北京科技有限公司', 'a\u0000b', '😀 Emoji Ltd', ',', 'x'.repeat(1000)];
    const packed = packNames(names);
    expect(packed.names).toBe(names.join(''));
    expect(Array.from(packed.nameLengths)).toEqual([4, 0, 8, 3, 12, 1, 1000]);
    expect(unpackNames(packed.names, packed.nameLengths)).toEqual(names);
    expect(unpackNames('', new Int32Array(0))).toEqual([]);
  });
});
