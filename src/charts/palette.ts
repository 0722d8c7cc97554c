/**
 * Tier colours: index 0 is the best tier. A green → amber → grey-red ramp of mid-luminance colours, so the
 * same hex values read on a light and on a dark background (charts use `currentColor` for ink).
 */
const STOPS: readonly [number, number, number][] = [
  [0x2f, 0x9e, 0x5f], // green
  [0xd9, 0x9a, 0x1e], // amber
  [0xa8, 0x66, 0x60], // grey-red
];

function hex(channel: number): string {
  return Math.round(channel).toString(16).padStart(2, '0');
}

/** Colour of the tier at `index` (0 = best) among `tierCount` tiers; out-of-range indexes are clamped. */
export function tierColor(index: number, tierCount: number): string {
  const n = Math.max(1, Math.floor(tierCount) || 1);
  const i = Math.min(n - 1, Math.max(0, Math.floor(index) || 0));
  const t = n === 1 ? 0 : i / (n - 1);
  const pos = t * (STOPS.length - 1);
  const k = Math.min(STOPS.length - 2, Math.floor(pos));
  const f = pos - k;
  const a = STOPS[k];
  const b = STOPS[k + 1];
  return `#${hex(a[0] + (b[0] - a[0]) * f)}${hex(a[1] + (b[1] - a[1]) * f)}${hex(a[2] + (b[2] - a[2]) * f)}`;
}

/** The `n` tier colours, best tier first. */
export function tierColors(n: number): string[] {
  const count = Math.max(0, Math.floor(n) || 0);
  return Array.from({ length: count }, (_, i) => tierColor(i, count));
}

/** Font size of Plot's default style; used to size margins for ordinal labels. */
const FONT_SIZE = 10;

/**
 * Estimated width of `label` in px at Plot's default font size. Plot 0.6.17 has no automatic margins; text is
 * not measured (jsdom has no layout), so wide (CJK) characters count double.
 */
export function textWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? FONT_SIZE : FONT_SIZE * 0.62;
  return w;
}

/** A left margin wide enough for the given axis labels (estimated as textWidth). */
export function labelMargin(labels: readonly string[], min = 40, max = 220): number {
  let widest = 0;
  for (const label of labels) widest = Math.max(widest, textWidth(label));
  return Math.round(Math.min(max, Math.max(min, widest + 16)));
}

/**
 * Series colours of the accuracy charts, mid-luminance like the tier stops so they read on a light and a
 * dark background: the scored model, a baseline it is compared with (grey), and the train and test windows.
 */
export const seriesColors = {
  model: '#3b76c4',
  baseline: '#8c8c8c',
  train: '#6f8fb3',
  test: '#d98a2b',
} as const;

/**
 * Colours of the bias charts, mid-luminance like the others: a segment the model under-estimates (it converts
 * better than predicted) and one it over-estimates, a segment without a significant gap, one with too few
 * leads to judge (drawn lighter still, at reduced opacity), and a disparity ratio outside the parity band.
 * Blue against orange-red stays apart for the common colour-vision deficiencies.
 */
export const biasColors = {
  under: '#2a8fbd',
  over: '#d0603a',
  none: '#8c8c8c',
  tooFew: '#bdbdbd',
  outside: '#b0479a',
} as const;
