import * as Plot from '@observablehq/plot';
import { labelMargin, tierColor } from './palette';

export interface TierBarDatum {
  tier: string;
  count: number;
  share: number /* 0..1 */;
}

export interface TierBarsOptions {
  labels: { count: string; tier: string };
  width?: number;
  height?: number;
  document?: Document;
}

// en and zh-CN group digits and write percentages the same way, so one fixed format serves both.
const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format;

/** Horizontal bars, one per tier in the given order (best tier first, drawn on top), "count (share%)" at each bar end. */
export function tierBars(data: TierBarDatum[], options: TierBarsOptions): SVGSVGElement | HTMLElement {
  const { labels, width = 640, height = 220, document } = options;
  const n = data.length;
  const rows = data.map((d, i) => ({
    ...d,
    color: tierColor(i, n),
    text: `${formatCount(d.count)} (${formatShare(d.share)})`,
  }));
  const max = Math.max(0, ...data.map((d) => d.count));
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginLeft: labelMargin(data.map((d) => d.tier)),
    marginRight: labelMargin(
      rows.map((d) => d.text),
      20,
    ),
    x: { domain: [0, max > 0 ? max : 1], label: labels.count, grid: true },
    y: { domain: data.map((d) => d.tier), label: labels.tier, labelAnchor: 'top', padding: 0.25 },
    color: { type: 'identity' },
    marks: [
      Plot.barX(rows, {
        x: 'count',
        y: 'tier',
        fill: 'color',
        title: (d: (typeof rows)[number]) => `${d.tier}\n${labels.count}: ${d.text}`,
      }),
      Plot.ruleX([0]),
      Plot.text(rows, { x: 'count', y: 'tier', text: 'text', textAnchor: 'start', dx: 4 }),
    ],
  });
}
