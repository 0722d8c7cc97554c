/**
 * Browsers lay out no element taller than ~33.5 million px (Chromium's LayoutUnit), and a million rows of
 * 34 px are 34 million: past this height the table's scroll range is scaled, so every row stays reachable.
 */
export const MAX_SCROLL_PX = 10_000_000;

export interface RowWindow {
  /** Height of the scrolled content. */
  spacerPx: number;
  /** The rows to render: `first` … `last - 1`. */
  first: number;
  last: number;
  /** Where row `at` goes in the scrolled content (its `top`). */
  topOf: (at: number) => number;
}

/**
 * The rows a scrolled table shows. Below MAX_SCROLL_PX a row sits at `at × rowPx`; above it the scroll
 * offset maps linearly onto the rows, so the top of the range shows the first row and its bottom the last,
 * and the rows on screen sit one under the other from where the scroll offset maps to.
 */
export function rowWindow(
  scrollTop: number,
  total: number,
  rowPx: number,
  visibleRows: number,
  overscan: number,
): RowWindow {
  const fullPx = total * rowPx;
  const viewPx = visibleRows * rowPx;
  const spacerPx = Math.min(fullPx, MAX_SCROLL_PX);
  const scale = spacerPx > viewPx && fullPx > spacerPx ? (fullPx - viewPx) / (spacerPx - viewPx) : 1;
  const top = Math.max(0, Math.min(scrollTop, spacerPx - viewPx));
  const virtualTop = top * scale;
  const first = Math.max(0, Math.floor(virtualTop / rowPx) - overscan);
  const last = Math.min(total, Math.floor(virtualTop / rowPx) + visibleRows + overscan);
  const offset = top - virtualTop;
  return { spacerPx, first, last, topOf: (at) => at * rowPx + offset };
}
