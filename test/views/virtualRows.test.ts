import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, rowWindow } from '../../src/views/leads/virtualRows';

const ROW = 34;
const VISIBLE = 18;

describe('rowWindow', () => {
  it('puts row k at k rows down while the table fits, with the overscan on both sides', () => {
    const w = rowWindow(6000 * ROW, 12_000, ROW, VISIBLE, 6);
    expect(w.spacerPx).toBe(12_000 * ROW);
    expect([w.first, w.last]).toEqual([5994, 6024]);
    expect(w.topOf(6000)).toBe(6000 * ROW);
    expect(rowWindow(0, 12_000, ROW, VISIBLE, 6)).toMatchObject({ first: 0, last: 24 });
    expect(rowWindow(0, 5, ROW, VISIBLE, 6)).toMatchObject({ first: 0, last: 5, spacerPx: 5 * ROW });
  });

  it('scales a million rows into a height browsers lay out, and reaches the first and the last row', () => {
    const total = 1_000_000;
    const top = rowWindow(0, total, ROW, VISIBLE, 6);
    expect(top.spacerPx).toBe(MAX_SCROLL_PX);
    expect(top.first).toBe(0);
    expect(top.topOf(0)).toBe(0);
    // scrolled to the bottom: the last row is rendered, and its bottom is the view's bottom
    const end = MAX_SCROLL_PX - VISIBLE * ROW;
    const bottom = rowWindow(end, total, ROW, VISIBLE, 6);
    expect(bottom.last).toBe(total);
    expect(bottom.topOf(total - 1) + ROW).toBeCloseTo(end + VISIBLE * ROW, 6);
    // halfway down the range is halfway down the rows, and the rows on screen sit one under the other
    const mid = rowWindow(end / 2, total, ROW, VISIBLE, 6);
    const firstShown = mid.first + 6;
    expect(firstShown).toBe(Math.floor((total - VISIBLE) / 2));
    expect(mid.topOf(firstShown + 1) - mid.topOf(firstShown)).toBe(ROW);
    expect(mid.topOf(firstShown)).toBeLessThanOrEqual(end / 2);
    expect(mid.topOf(firstShown) + ROW).toBeGreaterThan(end / 2);
  });
});
