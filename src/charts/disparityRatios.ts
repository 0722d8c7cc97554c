import * as Plot from '@observablehq/plot';
import { legendHeight, legendMark, type LegendItem } from './biasDots';
import { biasColors, labelMargin, textWidth } from './palette';

/** One segment's disparity ratio for one metric (metric_g / metric_ref). */
export interface DisparityRatiosRow {
  label: string;
  /** The metric's already-translated name; one panel per metric, in first-seen order. */
  metric: string;
  ratio: number | null;
  tooFew: boolean;
  /** The reference segment (its ratio is 1 by definition). */
  reference: boolean;
}

export interface DisparityRatiosOptions {
  labels: {
    /** x axis: ratio to the reference segment. */
    ratio: string;
    /** The shaded parity band 0.8–1.25, in the legend and its tooltip. */
    band: string;
    /** Names the reference segment's ring in the legend and its tooltip; no legend entry without it. */
    reference?: string;
    /** Names the greyed too-few dots in the legend and their tooltips; no legend entry without it. */
    tooFew?: string;
  };
  width?: number;
  /** Default: 40 + 22 per segment, plus the panel titles and the legend row(s). */
  height?: number;
  document?: Document;
}

/** METRICS.md parity band (Aequitas τ = 0.2), as in metrics/bias/disparity.ts. */
const BAND_LOW = 0.8;
const BAND_HIGH = 1.25;
const TOO_FEW_OPACITY = 0.55;
/** The x domain always covers [0.5, 2], and 15% (in ratio) beyond the extreme ratios. */
const MIN_LOW = 0.5;
const MIN_HIGH = 2;
const PAD = 1.15;
/** Height of the panel titles (fx axis) under the legend, px. */
const FACET_TITLE = 22;

const formatRatio = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format;
const formatTick = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format;

/**
 * Tick values for a log x axis over [lo, hi] drawn `span` px wide: 1, then the powers of 2 and the band edges,
 * nearest to 1 first, each kept only if its label does not crowd one already kept.
 */
export function ratioTicks(lo: number, hi: number, span: number): number[] {
  const candidates = [1, 0.5, 2, BAND_LOW, BAND_HIGH];
  for (let k = 2; k <= 10; k++) candidates.push(2 ** -k, 2 ** k);
  const scale = Math.log(hi / lo);
  if (!(scale > 0) || !(span > 0)) return [1];
  const px = (v: number) => (span * Math.log(v / lo)) / scale;
  const kept: number[] = [];
  for (const v of candidates) {
    if (v < lo || v > hi) continue;
    const room = (a: number) => (textWidth(formatTick(a)) + textWidth(formatTick(v))) / 2 + 6;
    if (kept.every((k) => Math.abs(px(k) - px(v)) >= room(k))) kept.push(v);
  }
  return kept.sort((a, b) => a - b);
}

/**
 * Disparity ratios per segment (rows, first-seen order) in one panel per metric: x on a log scale over at least
 * 0.5–2, the parity band 0.8–1.25 shaded and a rule at 1. A ratio outside the band is highlighted, a too-few
 * segment greyed (never highlighted), the reference segment ringed; null ratios are left out, a ratio of 0 sits
 * at the left edge.
 */
export function disparityRatios(
  rows: DisparityRatiosRow[],
  options: DisparityRatiosOptions,
): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document } = options;
  const segments = [...new Set(rows.map((r) => r.label))];
  const metrics = [...new Set(rows.map((r) => r.metric))];
  const marginLeft = labelMargin(segments);
  const marginRight = 20;
  const legend: LegendItem[] = [
    { text: labels.band, shape: 'rect', color: 'currentColor', opacity: 0.2 },
    ...(labels.reference === undefined
      ? []
      : [{ text: labels.reference, shape: 'ring' as const, color: 'currentColor' }]),
    ...(labels.tooFew === undefined
      ? []
      : [{ text: labels.tooFew, shape: 'dot' as const, color: biasColors.tooFew, opacity: TOO_FEW_OPACITY }]),
  ];
  const marginTop = legendHeight(legend, width, marginLeft) + FACET_TITLE;
  const height = options.height ?? 40 + 22 * Math.max(1, segments.length) + marginTop - 20;

  const valid = rows.filter((r) => r.ratio !== null && Number.isFinite(r.ratio) && r.ratio >= 0);
  const positive = valid.map((r) => r.ratio as number).filter((v) => v > 0);
  const lo = Math.min(MIN_LOW, ...positive.map((v) => v / PAD));
  const hi = Math.max(MIN_HIGH, ...positive.map((v) => v * PAD));
  const data = valid.map((r) => {
    const ratio = r.ratio as number;
    const outside = ratio < BAND_LOW || ratio > BAND_HIGH;
    const notes = [
      ...(r.reference && labels.reference !== undefined ? [labels.reference] : []),
      ...(r.tooFew && labels.tooFew !== undefined ? [labels.tooFew] : []),
    ];
    return {
      label: r.label,
      metric: r.metric,
      x: Math.min(hi, Math.max(lo, ratio)),
      kind: r.tooFew ? ('tooFew' as const) : outside ? ('outside' as const) : ('inside' as const),
      reference: r.reference,
      title: [r.label, `${r.metric}: ${formatRatio(ratio)}`, ...notes].join('\n'),
    };
  });
  type Datum = (typeof data)[number];
  const panel = ((width - marginLeft - marginRight) * 0.9) / Math.max(1, metrics.length);
  const dots = (kind: Datum['kind'], style: Plot.DotOptions): Plot.Markish =>
    Plot.dot(
      data.filter((d) => d.kind === kind),
      { x: 'x', y: 'label', fx: 'metric', r: 4, title: 'title', ...style },
    );
  return Plot.plot({
    document,
    width,
    height,
    marginTop,
    marginLeft,
    marginRight,
    x: {
      type: 'log',
      domain: [lo, hi],
      label: labels.ratio,
      ticks: ratioTicks(lo, hi, panel),
      tickFormat: formatTick,
      grid: true,
    },
    y: { domain: segments, label: null },
    fx: { domain: metrics, label: null, padding: 0.1 },
    marks: [
      Plot.rect([labels.band], {
        x1: BAND_LOW,
        x2: BAND_HIGH,
        fill: 'currentColor',
        fillOpacity: 0.1,
        title: () => `${labels.band}: ${formatRatio(BAND_LOW)}–${formatRatio(BAND_HIGH)}`,
      }),
      Plot.ruleX([1], { stroke: 'currentColor', strokeOpacity: 0.6 }),
      Plot.dot(
        data.filter((d) => d.reference),
        { x: 'x', y: 'label', fx: 'metric', r: 7, fill: 'none', stroke: 'currentColor', strokeWidth: 1.5 },
      ),
      dots('tooFew', { fill: biasColors.tooFew, fillOpacity: TOO_FEW_OPACITY }),
      dots('inside', { fill: 'currentColor', fillOpacity: 0.8 }),
      dots('outside', { fill: biasColors.outside }),
      Plot.frame({ facet: 'super', stroke: 'none', render: legendMark(legend, marginLeft) }),
    ],
  });
}
