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
