import { describe, expect, it } from 'vitest';
import { NO_DAY } from '../../src/kernel/matrix';
import { isoToDay, quartersOf, quartersOfInSteps } from '../../src/kernel/window';

describe('quartersOf', () => {
  it('labels calendar quarters from the earliest to the latest known day, −1 for unknown days', () => {
    const days = Int32Array.of(
      isoToDay('2024-03-31')!,
      NO_DAY,
      isoToDay('2023-12-31')!,
      isoToDay('2024-04-01')!,
      isoToDay('2024-10-15')!,
    );
    const q = quartersOf(days);
    expect(q.labels).toEqual(['2023-Q4', '2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(Array.from(q.codes)).toEqual([1, -1, 0, 2, 4]);
    expect(q.startDays[1]).toBe(isoToDay('2024-01-01'));
    expect(quartersOf(Int32Array.of(NO_DAY, NO_DAY))).toEqual({
      codes: Int32Array.of(-1, -1),
      labels: [],
      startDays: [],
    });
  });

  it('gives the same quarters in steps, a slice of leads between pauses', async () => {
    let seed = 21;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // more leads than one slice holds, the extremes in the last slice
    const n = 300_000;
    const days = Int32Array.from({ length: n }, () =>
      rand() < 0.1 ? NO_DAY : 19000 + Math.floor(rand() * 700),
    );
    days[n - 1] = 18000;
    days[n - 2] = 20500;
    let pauses = 0;
    const stepped = await quartersOfInSteps(days, async () => void pauses++);
    expect(stepped).toEqual(quartersOf(days));
    expect(pauses).toBeGreaterThan(2);
  });
});
