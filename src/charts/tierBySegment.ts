import * as Plot from '@observablehq/plot';
import { labelMargin, tierColors } from './palette';

export interface TierSegmentDatum {
  segment: string;
  tier: string;
  tierIndex: number;
  count: number;
  share: number;
}

export interface TierBySegmentOptions {
  labels: { share: string; segment: string };
  tierNames: string[];
  width?: number;
  height?: number;
  document?: Document;
}

const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format;

/**
 * 100%-stacked horizontal bars: one bar per segment (first-seen order, top to bottom), stacked left to right
 * by tier share, best tier first. Colours follow `tierNames`; a swatch legend names them.
 */
export function tierBySegment(
  data: TierSegmentDatum[],
  options: TierBySegmentOptions,
): SVGSVGElement | HTMLElement {
  const { labels, tierNames, width = 640, height = 300, document } = options;
  const segments = [...new Set(data.map((d) => d.segment))];
  const rows = data
    .map((d) => ({
      ...d,
      name: tierNames[d.tierIndex] ?? d.tier,
      title: `${d.segment}\n${tierNames[d.tierIndex] ?? d.tier}: ${formatShare(d.share)} (${formatCount(d.count)})`,
    }))
    .sort((a, b) => a.tierIndex - b.tierIndex);
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginLeft: labelMargin(segments),
    marginRight: 20,
    x: { domain: [0, 1], label: labels.share, tickFormat: '%', grid: true },
    y: { domain: segments, label: labels.segment, labelAnchor: 'top', padding: 0.2 },
    color: { domain: tierNames, range: tierColors(tierNames.length), legend: true },
    marks: [
      Plot.barX(rows, Plot.stackX({ x: 'share', y: 'segment', fill: 'name', title: 'title', order: null })),
      Plot.ruleX([0]),
    ],
  });
}
