import * as Plot from '@observablehq/plot';
import { labelMargin, seriesColors, textWidth } from './palette';

export interface AccuracyTrendRow {
  /** The quarter, 'YYYY-Qn'. */
  label: string;
  auc: number | null;
  meanP: number | null;
  rate: number | null;
  /** Share of the quarter's resolved leads in the test window, 0..1. */
  testShare: number;
}

export interface AccuracyTrendOptions {
  labels: {
    /** x axis. */
    quarter: string;
    /** y axis of the top panel. */
    auc: string;
    /** y axis of the bottom panel (win rate, %). */
    rate: string;
    /** The mean predicted probability line. */
    predicted: string;
    /** The actual win rate line. */
    actual: string;
    /** Marks the quarters in the test window. */
    test: string;
  };
  width?: number;
  /** Both panels together. */
  height?: number;
  document?: Document;
}

const formatAuc = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 3 })
  .format;
const formatShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format;
const MARGIN_LEFT = 44;
/** Plot's line height, px (1em of the default font): end labels are pushed apart to this plus a gap. */
const LINE = 10;
const LINE_GAP = 2;
/** The end labels' offset right of the last point and the slack after them, px. */
const END_DX = 4;
const END_PAD = 10;
/** Room per x tick label ('2024-Q1' and a gap), px: with more quarters than fit, every k-th is labelled. */
const TICK_ROOM = 52;

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/**
 * Two panels over the quarters in the given order, sharing the x positions: AUC per quarter on top (y from
 * 0.5, lower when an AUC is, to 1; a dashed rule at 0.5), and below the mean predicted probability against
 * the actual win rate. A null value leaves a gap in its line. Quarters in the test window are shaded in
 * both panels (lighter when only part of the quarter is), the first one labelled.
 */
export function accuracyTrend(rows: AccuracyTrendRow[], options: AccuracyTrendOptions): HTMLElement {
  const { labels, width = 640, height = 320, document } = options;
  const doc = document ?? globalThis.document;
  const quarters = [...new Set(rows.map((r) => r.label))];
  // The end labels' margin takes at most a fifth of a narrow chart; a longer name wraps onto more lines.
  const marginRight = Math.min(
    labelMargin([labels.predicted, labels.actual], 20, 160) + 6,
    Math.max(70, Math.round(width * 0.2)),
  );
  const textRoom = marginRight - END_PAD;
  const lines = (name: string) => Math.max(1, Math.ceil(textWidth(name) / textRoom));
  const plotWidth = Math.max(1, width - MARGIN_LEFT - marginRight);
  const step = Math.max(1, Math.ceil((quarters.length * TICK_ROOM) / plotWidth));
  const band = quarters.length ? plotWidth / quarters.length : 0;
  const x = { domain: quarters, padding: 0, ticks: quarters.filter((_, i) => i % step === 0) };
  const shade = rows.map((r) => ({
    label: r.label,
    share: Number.isFinite(r.testShare) ? r.testShare : 0,
    title: `${r.label}\n${labels.test}: ${formatShare(Number.isFinite(r.testShare) ? r.testShare : 0)}`,
  }));
  const shading = (y1: number, y2: number): Plot.Markish[] => [
    Plot.barY(
      shade.filter((d) => d.share > 0 && d.share < 1),
      { x: 'label', y1, y2, fill: seriesColors.test, fillOpacity: 0.07, title: 'title' },
    ),
    Plot.barY(
      shade.filter((d) => d.share >= 1),
      { x: 'label', y1, y2, fill: seriesColors.test, fillOpacity: 0.14, title: 'title' },
    ),
  ];
  const firstTest = shade.find((d) => d.share > 0);

  const aucs = rows.filter((r) => finite(r.auc)).map((r) => r.auc as number);
  const aucLow = Math.max(0, Math.min(0.5, Math.floor(Math.min(1, ...aucs) * 10) / 10));
  const topHeight = Math.round(height * 0.45);
  const top = Plot.plot({
    document: doc,
    width,
    height: topHeight,
    marginLeft: MARGIN_LEFT,
    marginRight,
    marginBottom: 8,
    x: { ...x, axis: null },
    y: { domain: [aucLow, 1], label: labels.auc, grid: true, ticks: 5 },
    marks: [
      ...shading(aucLow, 1),
      Plot.text(firstTest ? [labels.test] : [], {
        x: () => firstTest?.label,
        text: (d: string) => d,
        frameAnchor: 'top',
        textAnchor: 'start',
        lineAnchor: 'top',
        dx: -band / 2 + 3,
        dy: 3,
        fill: seriesColors.test,
      }),
      Plot.ruleY([0.5], { stroke: 'currentColor', strokeOpacity: 0.6, strokeDasharray: '4,3' }),
      Plot.line(rows, { x: 'label', y: 'auc', stroke: seriesColors.model, strokeWidth: 2 }),
      Plot.dot(
        rows.filter((r) => finite(r.auc)),
        {
          x: 'label',
          y: 'auc',
          r: 2.5,
          fill: seriesColors.model,
          title: (r: AccuracyTrendRow) => `${r.label}\n${labels.auc}: ${formatAuc(r.auc as number)}`,
        },
      ),
    ],
  });

  // Bottom panel: the domain is rounded up to a 5% step here rather than by `nice`, so that the end
  // labels' pixel positions are known.
  const values = rows.flatMap((r) => [r.meanP, r.rate]).filter(finite);
  const yMax = Math.min(1, Math.max(0.05, Math.ceil(Math.max(0, ...values) * 20 - 1e-9) / 20));
  const bottomHeight = Math.max(60, height - topHeight);
  const inner = bottomHeight - 20 - 30;
  const series = [
    { key: 'meanP' as const, name: labels.predicted, stroke: seriesColors.model, dash: '5,3' },
    { key: 'rate' as const, name: labels.actual, stroke: 'currentColor', dash: undefined },
  ];
  const ends = series.map((s) => {
    const last = rows.filter((r) => finite(r[s.key])).at(-1);
    return last ? { ...s, label: last.label, value: last[s.key] as number, dy: 0 } : null;
  });
  const [a, b] = ends;
  if (a && b && a.label === b.label) {
    const gap = Math.abs(a.value - b.value) * (inner / yMax);
    // each name's lines are centred on its point
    const need = ((lines(a.name) + lines(b.name)) * LINE) / 2 + LINE_GAP;
    if (gap < need) {
      const [upper, lower] = a.value >= b.value ? [a, b] : [b, a];
      upper.dy = -(need - gap) / 2;
      lower.dy = (need - gap) / 2;
    }
  }
  const bottom = Plot.plot({
    document: doc,
    width,
    height: bottomHeight,
    marginLeft: MARGIN_LEFT,
    marginRight,
    marginTop: 20,
    marginBottom: 30,
    x: { ...x, label: labels.quarter },
    y: { domain: [0, yMax], label: labels.rate, tickFormat: '%', grid: true, ticks: 4 },
    marks: [
      ...shading(0, yMax),
      Plot.ruleY([0]),
      ...series.flatMap((s) => [
        Plot.line(rows, {
          x: 'label',
          y: s.key,
          stroke: s.stroke,
          strokeWidth: 2,
          strokeDasharray: s.dash,
          title: () => s.name,
        }),
        Plot.dot(
          rows.filter((r) => finite(r[s.key])),
          {
            x: 'label',
            y: s.key,
            r: 2.5,
            fill: s.stroke,
            title: (r: AccuracyTrendRow) => `${r.label}\n${s.name}: ${formatShare(r[s.key] as number)}`,
          },
        ),
      ]),
      ...ends.map((e) =>
        Plot.text(e ? [e] : [], {
          x: 'label',
          y: 'value',
          text: 'name',
          textAnchor: 'start',
          dx: band / 2 + END_DX,
          lineWidth: textRoom / LINE,
          dy: e?.dy ?? 0,
          fill: e?.stroke,
        }),
      ),
    ],
  });

  const root = doc.createElement('div');
  root.append(top, bottom);
  return root;
}
