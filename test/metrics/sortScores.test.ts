import { describe, expect, it } from 'vitest';
import { sortNonNegative } from '../../src/metrics/sortScores';

describe('sortNonNegative', () => {
  it('sorts like the built-in numeric sort, ties and zeros included', () => {
    let seed = 1;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const values = Float64Array.from({ length: 50000 }, (_, i) =>
      i % 7 === 0 ? 0 : i % 5 === 0 ? 42.5 : i % 11 === 0 ? 100 : rand() * 100,
    );
    values[3] = -0;
    values[4] = Number.MIN_VALUE;
    const expected = Float64Array.from(values).sort();
    expect(Array.from(sortNonNegative(values))).toEqual(Array.from(expected, (x) => x + 0));
  });

  it('falls back to the built-in sort for negative values', () => {
    expect(Array.from(sortNonNegative(Float64Array.of(3, -1, 2)))).toEqual([-1, 2, 3]);
  });
});

describe('sortNonNegative on values that share their high bits', () => {
  it('sorts long and short runs of equal high words on their low bits', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // 60 + k·2⁻⁴⁰: every value has the same high word, so only the low-bit run sort orders them
    const long = Float64Array.from({ length: 5000 }, () => 60 + Math.floor(rand() * 1e6) * 2 ** -40);
    const short = Float64Array.from(
      { length: 3000 },
      (_, i) => (i % 300) + Math.floor(rand() * 20) * 2 ** -40,
    );
    for (const values of [long, short]) {
      const expected = Float64Array.from(values).sort();
      expect(Array.from(sortNonNegative(values))).toEqual(Array.from(expected));
    }
  });

  it('sorts a long run of values that differ only in their last 20 bits (rounded-apart equal scores)', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // 60 + k ulps (2⁻⁴⁷ each), k < 2²⁰: one run of 4,000 values sharing their leading 44 bits
    const values = Float64Array.from({ length: 4000 }, () => 60 + Math.floor(rand() * 2 ** 20) * 2 ** -47);
    const expected = Float64Array.from(values).sort();
    expect(new Set(values).size).toBeGreaterThan(3000);
    expect(Array.from(sortNonNegative(values))).toEqual(Array.from(expected));
  });

  it('leaves an all-equal array (every digit skipped) as it is', () => {
    expect(Array.from(sortNonNegative(new Float64Array(10).fill(42)))).toEqual(new Array(10).fill(42));
  });
});
