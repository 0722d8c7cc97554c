import { describe, expect, it } from 'vitest';
import { StagedRows } from '../../src/components/stagedRows.svelte';

/** Frames run by hand: `frame()` runs the step queued for the next frame. */
function frames() {
  const queued = new Map<number, () => void>();
  let next = 1;
  return {
    nextFrame: (step: () => void) => {
      queued.set(next, step);
      return next++;
    },
    cancelFrame: (id: number) => void queued.delete(id),
    pending: () => queued.size,
    frame: () => {
      const steps = [...queued.values()];
      queued.clear();
      for (const step of steps) step();
    },
  };
}

const rows = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `${tag}${i}`);

describe('rows drawn a few per frame', () => {
  it('draws the first rows, and rows of another shape, at once', () => {
    const f = frames();
    const staged = new StagedRows<string>(() => 2, f.nextFrame, f.cancelFrame);
    staged.set(rows('a', 5), 'x');
    expect(staged.shown).toEqual(rows('a', 5));
    staged.set(rows('b', 3), 'x');
    expect(staged.shown).toEqual(rows('b', 3));
    staged.set(rows('c', 3), 'y');
    expect(staged.shown).toEqual(rows('c', 3));
    expect(f.pending()).toBe(0);
    expect(staged.settled).toBe(true);
  });

  it('moves to new rows of the same shape perFrame rows a frame', () => {
    const f = frames();
    const staged = new StagedRows<string>(() => 2, f.nextFrame, f.cancelFrame);
    staged.set(rows('a', 5));
    staged.set(rows('b', 5));
    expect(staged.shown).toEqual(rows('a', 5));
    expect(staged.settled).toBe(false);
    f.frame();
    expect(staged.shown).toEqual(['b0', 'b1', 'a2', 'a3', 'a4']);
    f.frame();
    expect(staged.shown).toEqual(['b0', 'b1', 'b2', 'b3', 'a4']);
    f.frame();
    expect(staged.shown).toEqual(rows('b', 5));
    expect(staged.settled).toBe(true);
    expect(f.pending()).toBe(0);
  });

  it('goes on round the table when newer rows come, so the last rows are not starved', () => {
    const f = frames();
    const staged = new StagedRows<string>(() => 2, f.nextFrame, f.cancelFrame);
    staged.set(rows('a', 4));
    staged.set(rows('b', 4));
    f.frame();
    expect(staged.shown).toEqual(['b0', 'b1', 'a2', 'a3']);
    staged.set(rows('c', 4));
    // one frame queued, not two
    expect(f.pending()).toBe(1);
    f.frame();
    expect(staged.shown).toEqual(['b0', 'b1', 'c2', 'c3']);
    f.frame();
    expect(staged.shown).toEqual(rows('c', 4));
    expect(staged.settled).toBe(true);
  });

  it('skips rows that are already the latest, and stops when asked', () => {
    const f = frames();
    const staged = new StagedRows<string>(() => 1, f.nextFrame, f.cancelFrame);
    const first = rows('a', 3);
    staged.set(first);
    staged.set([first[0], 'b1', first[2]]);
    f.frame();
    expect(staged.shown).toEqual(['a0', 'b1', 'a2']);
    expect(staged.settled).toBe(true);
    staged.set(rows('c', 3));
    staged.stop();
    expect(f.pending()).toBe(0);
    expect(staged.shown).toEqual(['a0', 'b1', 'a2']);
  });
});
