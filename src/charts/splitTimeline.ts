import * as Plot from '@observablehq/plot';
import { seriesColors } from './palette';

export interface SplitTimelineRow {
  /** The quarter, 'YYYY-Qn'. */
  label: string;
  /** Resolved leads created in the quarter that fall in the training window. */
  train: number;
  /** … and in the test window. */
  test: number;
}

export interface SplitTimelineOptions {
  labels: {
    train: string;
    test: string;
    /** y axis. */
    leads: string;
    /** x axis; none by default (the quarter labels speak for themselves). */
    quarter?: string;
  };
  width?: number;
  height?: number;
  document?: Document;
}

const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
/** Room per x tick label ('2024-Q1' and a gap), px: with more quarters than fit, every k-th is labelled. */
const TICK_ROOM = 52;

/**
 * Resolved leads created per quarter, in the given order, as bars stacked train (bottom) then test; a swatch
 * legend names the two windows. Negative or non-finite counts count as 0.
 */
export function splitTimeline(
  rows: SplitTimelineRow[],
  options: SplitTimelineOptions,
): SVGSVGElement | HTMLElement {
  const { labels, width = 640, height = 140, document } = options;
  const quarters = [...new Set(rows.map((r) => r.label))];
  const count = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const bars = rows.flatMap((r) => {
    const title = `${r.label}\n${labels.train}: ${formatCount(count(r.train))}\n${labels.test}: ${formatCount(count(r.test))}`;
    return [
      { label: r.label, window: labels.train, count: count(r.train), title },
      { label: r.label, window: labels.test, count: count(r.test), title },
    ];
  });
  const max = Math.max(0, ...rows.map((r) => count(r.train) + count(r.test)));
  const step = Math.max(1, Math.ceil((quarters.length * TICK_ROOM) / Math.max(1, width - 40 - 20)));
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 16,
    x: {
      domain: quarters,
      label: labels.quarter ?? null,
      padding: 0.15,
      ticks: quarters.filter((_, i) => i % step === 0),
    },
    y: { domain: [0, max > 0 ? max : 1], label: labels.leads, grid: true, nice: true, ticks: 3 },
    color: {
      domain: [labels.train, labels.test],
      range: [seriesColors.train, seriesColors.test],
      legend: true,
    },
    marks: [
      Plot.barY(bars, Plot.stackY({ x: 'label', y: 'count', fill: 'window', title: 'title', order: null })),
      Plot.ruleY([0]),
    ],
  });
}
