import * as Plot from '@observablehq/plot';
import { seriesColors } from './palette';
import { curvePoints } from './roc';

export interface GainsData {
  /** Share of leads worked, best-scored first, 0..1. */
  x: number[];
  /** Share of wins captured by the model's order. */
  model: number[];
  /** Share of wins captured by a perfect order. */
  perfect: number[];
}

export interface GainsChartOptions {
  labels: {
    /** x axis: share of leads worked. */
    leads: string;
    /** y axis: share of wins captured. */
    wins: string;
    model: string;
    perfect: string;
    random: string;
    baseline?: string;
  };
  /** A second model curve drawn in grey. */
  baseline?: { x: number[]; model: number[] } | null;
  width?: number;
  height?: number;
  document?: Document;
}

type Point = [number, number];
interface LineLabel {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
  dx: number;
  dy: number;
}

/** The point of `points` highest above the diagonal (the first on ties); undefined for no points. */
function widest(points: Point[]): Point | undefined {
  let best: Point | undefined;
  for (const p of points) if (!best || p[1] - p[0] > best[1] - best[0]) best = p;
  return best;
}

/**
 * Cumulative gains: the model's curve, the perfect order dotted, a random order dashed and an optional grey
 * baseline, each named by a text mark instead of a legend. Every gains curve ends at (100%, 100%), so the
 * names do not all sit at the common end: the perfect curve's sits above its end (over its top plateau),
 * the model's above-left and the baseline's below-right of the point farthest above the diagonal, the
 * random line's under it.
 */
export function gainsChart(data: GainsData, options: GainsChartOptions): SVGSVGElement | HTMLElement {
  const { labels, baseline, width = 640, height = 360, document } = options;
  const model = curvePoints(data.x, data.model);
  const perfect = curvePoints(data.x, data.perfect);
  const base = baseline ? curvePoints(baseline.x, baseline.model) : [];
  const names: LineLabel[] = [{ x: 0.7, y: 0.7, text: labels.random, anchor: 'start', dx: 6, dy: 10 }];
  const end = perfect.at(-1);
  if (end) names.push({ x: end[0], y: end[1], text: labels.perfect, anchor: 'end', dx: 0, dy: -6 });
  const top = widest(model);
  if (top) names.push({ x: top[0], y: top[1], text: labels.model, anchor: 'end', dx: -6, dy: -6 });
  const low = widest(base);
  if (low && labels.baseline !== undefined) {
    names.push({ x: low[0], y: low[1], text: labels.baseline, anchor: 'start', dx: 6, dy: 10 });
  }
  return Plot.plot({
    document,
    width,
    height,
    x: { domain: [0, 1], label: labels.leads, tickFormat: '%', grid: true },
    y: { domain: [0, 1], label: labels.wins, tickFormat: '%', grid: true },
    marks: [
      Plot.line(
        [
          [0, 0],
          [1, 1],
        ],
        {
          stroke: 'currentColor',
          strokeOpacity: 0.6,
          strokeWidth: 1,
          strokeDasharray: '4,3',
          title: labels.random,
        },
      ),
      Plot.line(perfect, {
        stroke: 'currentColor',
        strokeWidth: 1.5,
        strokeDasharray: '1,3',
        title: labels.perfect,
      }),
      Plot.line(base, { stroke: seriesColors.baseline, strokeWidth: 1.5, title: labels.baseline }),
      Plot.line(model, { stroke: seriesColors.model, strokeWidth: 2, title: labels.model }),
      // dx and dy are constants in Plot, so one text mark per name.
      ...names.map((d) =>
        Plot.text([d], { x: 'x', y: 'y', text: 'text', textAnchor: d.anchor, dx: d.dx, dy: d.dy }),
      ),
    ],
  });
}
