import * as Plot from '@observablehq/plot';
import { biasColors, labelMargin, textWidth } from './palette';

/** One segment of the bias chart; `low`–`high` is the Wilson 95% interval of the actual rate. */
export interface BiasDotsRow {
  label: string;
  actual: number | null;
  low: number | null;
  high: number | null;
  /** The model's mean p over the segment's resolved leads. */
  expected: number | null;
  flag: 'over' | 'under' | 'none' | 'too-few';
  /** Resolved leads. */
  n: number;
}

export interface BiasDotsOptions {
  labels: {
    /** x axis: conversion rate. */
    rate: string;
    /** The filled dot (actual rate), in the legend and the tooltips. */
    actual: string;
    /** The hollow diamond (expected rate, mean p), in the legend and the tooltips. */
    expected: string;
    /** Flag names, in the legend and the tooltips. */
    over: string;
    under: string;
    tooFew: string;
    /** Names n in the tooltips ("Leads: 1,250"); without it the tooltip reads "n = 1,250". */
    leads?: string;
  };
  width?: number;
  /** Default: 40 + 22 per row (at least one), plus the legend row(s). */
  height?: number;
  document?: Document;
}

/** One entry of a legend row drawn in the top margin: a swatch (shape) and its name. */
export interface LegendItem {
  text: string;
  shape: 'dot' | 'ring' | 'diamond' | 'rect';
  /** Fill of dot and rect, stroke of ring and diamond. */
  color: string;
  opacity?: number;
}

const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format;
const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/** Legend geometry, px: swatch box, gap after the swatch and after an item, line height. */
const SWATCH = 10;
const SWATCH_GAP = 4;
const ITEM_GAP = 14;
const LEGEND_LINE = 16;
const LEGEND_TOP = 4;
const SVG_NS = 'http://www.w3.org/2000/svg';

/** Lays out legend items left to right from `x0`, wrapping within `width`; one array of x offsets per line. */
export function legendLayout(
  items: readonly LegendItem[],
  width: number,
  x0: number,
): { x: number; line: number }[] {
  const out: { x: number; line: number }[] = [];
  let x = x0;
  let line = 0;
  for (const item of items) {
    const w = SWATCH + SWATCH_GAP + textWidth(item.text);
    if (x > x0 && x + w > width) {
      x = x0;
      line++;
    }
    out.push({ x, line });
    x += w + ITEM_GAP;
  }
  return out;
}

/** Height of the legend rows (with their top padding) for `items` laid out as legendLayout does. */
export function legendHeight(items: readonly LegendItem[], width: number, x0: number): number {
  if (items.length === 0) return 0;
  const lines = Math.max(...legendLayout(items, width, x0).map((p) => p.line)) + 1;
  return LEGEND_TOP + lines * LEGEND_LINE;
}

/**
 * A functional Plot mark drawing `items` as a legend row (`<g aria-label="legend">`) from `x0` px from the left
 * edge and `y0` px from the top (default: in the top margin), wrapping within the plot's width.
 */
export function legendMark(items: readonly LegendItem[], x0: number, y0 = 0): Plot.RenderFunction {
  return (_index, _scales, _values, dimensions, context) => {
    const doc = context.document;
    const el = (tag: string, attrs: Record<string, string | number>) => {
      const node = doc.createElementNS(SVG_NS, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      return node;
    };
    const g = el('g', { 'aria-label': 'legend', 'text-anchor': 'start' });
    const layout = legendLayout(items, dimensions.width, x0);
    items.forEach((item, i) => {
      const { x, line } = layout[i];
      const cy = y0 + LEGEND_TOP + line * LEGEND_LINE + LEGEND_LINE / 2;
      const cx = x + SWATCH / 2;
      const entry = el('g', {});
      const h = SWATCH / 2;
      const outline = { fill: 'none', stroke: item.color, 'stroke-width': 1.5 };
      const swatch =
        item.shape === 'dot'
          ? el('circle', { cx, cy, r: h - 0.5, fill: item.color })
          : item.shape === 'ring'
            ? el('circle', { cx, cy, r: h - 0.5, ...outline })
            : item.shape === 'diamond'
              ? el('path', {
                  d: `M${cx},${cy - h}L${cx + h},${cy}L${cx},${cy + h}L${cx - h},${cy}Z`,
                  ...outline,
                })
              : el('rect', { x, y: cy - h, width: SWATCH, height: SWATCH, fill: item.color });
      if (item.opacity !== undefined) swatch.setAttribute('opacity', String(item.opacity));
      entry.append(swatch);
      const text = el('text', { x: x + SWATCH + SWATCH_GAP, y: cy, dy: '0.32em', fill: 'currentColor' });
      text.textContent = item.text;
      entry.append(text);
      g.append(entry);
    });
    return g;
  };
}

/** Colour of a flag; too-few rows are also drawn at TOO_FEW_OPACITY. */
export function flagColor(flag: BiasDotsRow['flag']): string {
  if (flag === 'under') return biasColors.under;
  if (flag === 'over') return biasColors.over;
  if (flag === 'too-few') return biasColors.tooFew;
  return biasColors.none;
}
const TOO_FEW_OPACITY = 0.55;

/**
 * Actual against expected conversion per segment, one row each in the given order (the caller sorts by gap):
 * a rule over the Wilson interval of the actual rate and a filled dot at the actual rate, coloured by flag
 * (under-estimated, over-estimated, no gap; too few to judge light grey and faded), and a hollow diamond at
 * the expected rate (the model's mean p). A legend row in the top margin names the colours and the shapes.
 * Null or non-finite values leave out their mark only; x runs from 0 to 110% of the largest value, at most 1.
 */
export function biasDots(rows: BiasDotsRow[], options: BiasDotsOptions): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document } = options;
  const segments = [...new Set(rows.map((r) => r.label))];
  const marginLeft = labelMargin(segments);
  const legend: LegendItem[] = [
    { text: labels.actual, shape: 'dot', color: biasColors.none },
    { text: labels.expected, shape: 'diamond', color: 'currentColor' },
    { text: labels.under, shape: 'dot', color: biasColors.under },
    { text: labels.over, shape: 'dot', color: biasColors.over },
    { text: labels.tooFew, shape: 'dot', color: biasColors.tooFew, opacity: TOO_FEW_OPACITY },
  ];
  const marginTop = legendHeight(legend, width, marginLeft) + 6;
  const height = options.height ?? 40 + 22 * Math.max(1, segments.length) + marginTop - 20;

  const data = rows.map((r) => {
    const actual = finite(r.actual) ? clamp01(r.actual) : null;
    const expected = finite(r.expected) ? clamp01(r.expected) : null;
    const low = finite(r.low) ? clamp01(r.low) : null;
    const high = finite(r.high) ? clamp01(r.high) : null;
    const n = Number.isFinite(r.n) && r.n > 0 ? r.n : 0;
    const interval = low !== null && high !== null ? ` (${formatShare(low)}–${formatShare(high)})` : '';
    const flagName =
      r.flag === 'under'
        ? labels.under
        : r.flag === 'over'
          ? labels.over
          : r.flag === 'too-few'
            ? labels.tooFew
            : null;
    const lines = [
      r.label,
      labels.leads === undefined ? `n = ${formatCount(n)}` : `${labels.leads}: ${formatCount(n)}`,
      `${labels.actual}: ${actual === null ? '–' : formatShare(actual)}${interval}`,
      `${labels.expected}: ${expected === null ? '–' : formatShare(expected)}`,
      ...(flagName === null ? [] : [flagName]),
    ];
    return {
      label: r.label,
      actual,
      expected,
      low,
      high,
      color: flagColor(r.flag),
      tooFew: r.flag === 'too-few',
      title: lines.join('\n'),
    };
  });
  const max = Math.max(0, ...data.flatMap((d) => [d.high, d.expected, d.actual]).filter(finite));
  const xMax = max > 0 ? Math.min(1, max * 1.1) : 1;
  type Datum = (typeof data)[number];
  const layers = (subset: Datum[], opacity: number | undefined): Plot.Markish[] => [
    Plot.ruleY(
      subset.filter((d) => d.low !== null && d.high !== null),
      { y: 'label', x1: 'low', x2: 'high', stroke: 'color', strokeWidth: 2, strokeOpacity: opacity },
    ),
    Plot.dot(
      subset.filter((d) => d.actual !== null),
      { x: 'actual', y: 'label', r: 4, fill: 'color', fillOpacity: opacity, title: 'title' },
    ),
    Plot.dot(
      subset.filter((d) => d.expected !== null),
      {
        x: 'expected',
        y: 'label',
        r: 4.5,
        symbol: 'diamond2',
        fill: 'none',
        stroke: 'currentColor',
        strokeWidth: 1.5,
        strokeOpacity: opacity,
        title: 'title',
      },
    ),
  ];
  return Plot.plot({
    document,
    width,
    height,
    marginTop,
    marginLeft,
    marginRight: 20,
    x: { domain: [0, xMax], label: labels.rate, tickFormat: '%', grid: true },
    y: { domain: segments, label: null },
    color: { type: 'identity' },
    marks: [
      ...layers(
        data.filter((d) => !d.tooFew),
        undefined,
      ),
      ...layers(
        data.filter((d) => d.tooFew),
        TOO_FEW_OPACITY,
      ),
      legendMark(legend, marginLeft),
    ],
  });
}
