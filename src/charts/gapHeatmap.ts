import * as Plot from '@observablehq/plot';
import { legendHeight, legendMark, type LegendItem } from './biasDots';
import { biasColors, labelMargin } from './palette';

/** One cell of the intersection heatmap: the gap (actual − expected rate) of the leads in both segments. */
export interface GapHeatmapCell {
  row: string;
  col: string;
  /** a − e: positive = the model under-estimates the cell. */
  gap: number | null;
  /** Resolved leads. */
  n: number;
  tooFew: boolean;
  flag: 'over' | 'under' | 'none' | 'too-few';
}

export interface GapHeatmapOptions {
  labels: {
    /** y axis: the row segment column. */
    rows: string;
    /** x axis: the column segment column. */
    cols: string;
    /** Names the gap (in percentage points) in the tooltips. */
    gap: string;
    /** Names n in the tooltips ("Leads: 1,250"); without it the tooltip reads "n = 1,250". */
    leads?: string;
    /** Legend entries for the two ends of the colour scale and the grey too-few cells, each when given. */
    over?: string;
    under?: string;
    tooFew?: string;
  };
  width?: number;
  /** Default: 60 + 30 per row (at least one), plus the legend row(s) under the x axis. */
  height?: number;
  document?: Document;
}

/** The colour scale saturates at ±5 pp at least, so a grid of tiny gaps does not look alarming. */
const MIN_SCALE = 0.05;
const MIN_ALPHA = 0.12;
const MAX_ALPHA = 0.9;
const TOO_FEW_OPACITY = 0.35;
const TOO_FEW_TEXT = '·';

const formatPoints = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
}).format;
const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;

function rgba(hex: string, alpha: number): string {
  const v = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(v >> 16) & 255}, ${(v >> 8) & 255}, ${v & 255}, ${Math.round(alpha * 1000) / 1000})`;
}

/**
 * Diverging fill of a gap on a scale symmetric around 0 up to ±`scale`: the over-estimated colour below 0, the
 * under-estimated colour above, fading to transparent (neutral grey, faint) at 0, so it reads on a light and a
 * dark background alike.
 */
export function gapFill(gap: number, scale: number): string {
  const t = scale > 0 ? Math.min(1, Math.abs(gap) / scale) : 0;
  const color = gap > 0 ? biasColors.under : gap < 0 ? biasColors.over : biasColors.none;
  return rgba(color, MIN_ALPHA + (MAX_ALPHA - MIN_ALPHA) * t);
}

/**
 * Gap of each row × column cell (rows and columns in first-seen order) on a diverging colour scale symmetric
 * around 0 (negative = over-estimated, positive = under-estimated), saturating at the largest judged |gap|
 * (at least 5 pp); the gap in percentage points written in the cell. Too-few cells (or a null gap) are grey
 * and marked "·"; flagged cells are outlined.
 */
export function gapHeatmap(cells: GapHeatmapCell[], options: GapHeatmapOptions): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document } = options;
  const rows = [...new Set(cells.map((c) => c.row))];
  const cols = [...new Set(cells.map((c) => c.col))];
  const marginLeft = labelMargin(rows);
  const legend: LegendItem[] = [
    ...(labels.over === undefined
      ? []
      : [{ text: labels.over, shape: 'rect' as const, color: biasColors.over }]),
    ...(labels.under === undefined
      ? []
      : [{ text: labels.under, shape: 'rect' as const, color: biasColors.under }]),
    ...(labels.tooFew === undefined
      ? []
      : [
          { text: labels.tooFew, shape: 'rect' as const, color: biasColors.tooFew, opacity: TOO_FEW_OPACITY },
        ]),
  ];
  // The legend goes under the x axis: the rows' axis label takes the top-left corner.
  const legendRows = legendHeight(legend, width, marginLeft);
  const marginBottom = 30 + legendRows;
  const height = options.height ?? 30 * Math.max(1, rows.length) + 30 + marginBottom;

  const judged = (c: GapHeatmapCell) =>
    !c.tooFew && c.flag !== 'too-few' && c.gap !== null && Number.isFinite(c.gap);
  const scale = Math.max(MIN_SCALE, ...cells.filter(judged).map((c) => Math.abs(c.gap as number)));
  const data = cells.map((c) => {
    const ok = judged(c);
    const gap = ok ? (c.gap as number) : null;
    const n = Number.isFinite(c.n) && c.n > 0 ? c.n : 0;
    const text = gap === null ? TOO_FEW_TEXT : formatPoints(gap * 100);
    const lines = [
      `${labels.rows}: ${c.row}`,
      `${labels.cols}: ${c.col}`,
      labels.leads === undefined ? `n = ${formatCount(n)}` : `${labels.leads}: ${formatCount(n)}`,
      `${labels.gap}: ${gap === null ? TOO_FEW_TEXT : text}`,
      ...(c.tooFew && labels.tooFew !== undefined ? [labels.tooFew] : []),
    ];
    return {
      row: c.row,
      col: c.col,
      judged: ok,
      flagged: ok && (c.flag === 'over' || c.flag === 'under'),
      fill: gap === null ? biasColors.tooFew : gapFill(gap, scale),
      text,
      title: lines.join('\n'),
    };
  });
  type Datum = (typeof data)[number];
  const judgedData = data.filter((d) => d.judged);
  const greyData = data.filter((d) => !d.judged);
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginBottom,
    marginLeft,
    marginRight: 20,
    x: { domain: cols, label: labels.cols, labelOffset: 27, padding: 0.05 },
    y: { domain: rows, label: labels.rows, labelAnchor: 'top', padding: 0.05 },
    color: { type: 'identity' },
    marks: [
      Plot.cell(judgedData, { x: 'col', y: 'row', fill: 'fill', title: 'title' }),
      Plot.cell(greyData, {
        x: 'col',
        y: 'row',
        fill: biasColors.tooFew,
        fillOpacity: TOO_FEW_OPACITY,
        title: 'title',
      }),
      Plot.cell(
        data.filter((d: Datum) => d.flagged),
        { x: 'col', y: 'row', fill: 'none', stroke: 'currentColor', strokeWidth: 2, inset: 1 },
      ),
      Plot.text(judgedData, { x: 'col', y: 'row', text: 'text', fill: 'currentColor' }),
      Plot.text(greyData, { x: 'col', y: 'row', text: 'text', fill: 'currentColor', fillOpacity: 0.6 }),
      legendMark(legend, marginLeft, height - legendRows),
    ],
  });
}
