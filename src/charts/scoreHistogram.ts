import * as Plot from '@observablehq/plot';
import { tierColor } from './palette';

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  tierIndex: number;
}

export interface ThresholdMark {
  tier: string;
  value: number;
}

export interface ScoreHistogramOptions {
  labels: { score: string; leads: string };
  tierCount: number;
  width?: number;
  height?: number;
  document?: Document;
}

const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatScore = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format;

/** Score 0..100 histogram, bars coloured by the tier of the bin start, a dashed rule and label per threshold. */
export function scoreHistogram(
  bins: HistogramBin[],
  thresholds: ThresholdMark[],
  options: ScoreHistogramOptions,
): SVGSVGElement | HTMLElement {
  const { labels, tierCount, width = 640, height = 300, document } = options;
  const rows = bins.map((b) => ({
    ...b,
    color: tierColor(b.tierIndex, tierCount),
    title: `${labels.score}: ${formatScore(b.x0)}–${formatScore(b.x1)}\n${labels.leads}: ${formatCount(b.count)}`,
  }));
  const marks = thresholds
    .map((t) => ({ ...t, text: `${t.tier} ${formatScore(t.value)}` }))
    .sort((a, b) => a.value - b.value);
  const max = Math.max(0, ...bins.map((b) => b.count));
  // Labels sit above the frame, neighbouring thresholds on alternate lines so close values do not overprint.
  const label = (parity: number): Plot.Markish =>
    Plot.text(
      marks.filter((_, i) => i % 2 === parity),
      {
        x: 'value',
        text: 'text',
        frameAnchor: 'top',
        textAnchor: 'start',
        lineAnchor: 'bottom',
        dx: -2,
        dy: -3 - (1 - parity) * 13,
      },
    );
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 44,
    x: { domain: [0, 100], label: labels.score },
    y: { domain: [0, max > 0 ? max : 1], label: labels.leads, grid: true, nice: true },
    color: { type: 'identity' },
    marks: [
      Plot.rectY(rows, {
        x1: 'x0',
        x2: 'x1',
        y: 'count',
        fill: 'color',
        insetLeft: 0.5,
        insetRight: 0.5,
        title: 'title',
      }),
      Plot.ruleY([0]),
      Plot.ruleX(marks, {
        x: 'value',
        stroke: 'currentColor',
        strokeDasharray: '4,3',
        strokeWidth: 1.5,
        title: 'text',
      }),
      label(0),
      label(1),
    ],
  });
}
