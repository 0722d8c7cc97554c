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
 * names do not all sit at the common end: the perfect curve's sits under its top plateau, the model's
 * above-left and the baseline's below-right of its point farthest above the diagonal, the random line's
 * along it, under its lower half (where no other curve runs).
 */
export function gainsChart(data: GainsData, options: GainsChartOptions): SVGSVGElement | HTMLElement {
  const { labels, baseline, width = 640, height = 360, document } = options;
  const model = curvePoints(data.x, data.model);
  const perfect = curvePoints(data.x, data.perfect);
  const base = baseline ? curvePoints(baseline.x, baseline.model) : [];
  const names: LineLabel[] = [];
  // The perfect curve's name goes under its plateau, right of the knee (left of the end when the knee is late).
  const knee = perfect.find((p) => p[1] >= 1) ?? perfect.at(-1);
  if (knee) {
    const late = knee[0] > 0.7;
    names.push({
      x: late ? 1 : knee[0],
      y: late ? 1 : knee[1],
      text: labels.perfect,
      anchor: late ? 'end' : 'start',
      dx: late ? 0 : 6,
      dy: 12,
    });
  }
  const top = widest(model);
  if (top) names.push({ x: top[0], y: top[1], text: labels.model, anchor: 'end', dx: -6, dy: -6 });
  const low = widest(base);
  if (low && labels.baseline !== undefined) {
    names.push({ x: low[0], y: low[1], text: labels.baseline, anchor: 'start', dx: 6, dy: 10 });
  }
  // The random line's name runs along it (Plot's default margins).
  const angle = (Math.atan2(height - 20 - 30, width - 40 - 20) * 180) / Math.PI;
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
          title: () => labels.random,
        },
      ),
      Plot.line(perfect, {
        stroke: 'currentColor',
        strokeWidth: 1.5,
        strokeDasharray: '1,3',
        title: () => labels.perfect,
      }),
      Plot.line(base, {
        stroke: seriesColors.baseline,
        strokeWidth: 1.5,
        title: labels.baseline === undefined ? undefined : () => labels.baseline,
      }),
      Plot.line(model, { stroke: seriesColors.model, strokeWidth: 2, title: () => labels.model }),
      Plot.text([labels.random], {
        x: 0.3,
        y: 0.3,
        text: (d: string) => d,
        textAnchor: 'start',
        lineAnchor: 'top',
        rotate: -(Number.isFinite(angle) ? angle : 45),
        dx: 3,
        dy: 3,
      }),
      // dx and dy are constants in Plot, so one text mark per name.
      ...names.map((d) =>
        Plot.text([d], { x: 'x', y: 'y', text: 'text', textAnchor: d.anchor, dx: d.dx, dy: d.dy }),
      ),
    ],
  });
}
