import * as Plot from '@observablehq/plot';
import { seriesColors } from './palette';

export interface RocCurveData {
  fpr: number[];
  tpr: number[];
}

export interface RocChartOptions {
  labels: {
    /** x axis: false positive rate. */
    fpr: string;
    /** y axis: true positive rate. */
    tpr: string;
    /** The dashed diagonal (a random order). */
    random: string;
    /** Names the model curve (its tooltip). */
    model: string;
    /** Names the baseline curve (its tooltip). */
    baseline?: string;
  };
  /** Already formatted, shown in the lower right; may hold several lines ("AUC 0.81\nBaseline 0.74"). */
  aucText: string;
  /** A second curve drawn in grey under the model's. */
  baseline?: RocCurveData | null;
  width?: number;
  /** Default: the width less 10, which makes the plotting area square with Plot's default margins. */
  height?: number;
  document?: Document;
}

/** The curve's points in order; pairs with a non-finite coordinate (or beyond the shorter array) are left out. */
export function curvePoints(xs: readonly number[], ys: readonly number[]): [number, number][] {
  const points: [number, number][] = [];
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    if (Number.isFinite(xs[i]) && Number.isFinite(ys[i])) {
      points.push([Math.min(1, Math.max(0, xs[i])), Math.min(1, Math.max(0, ys[i]))]);
    }
  }
  return points;
}

/** ROC curve on [0, 1]², the random diagonal dashed, an optional grey baseline curve and the AUC text. */
export function rocChart(curve: RocCurveData, options: RocChartOptions): SVGSVGElement | HTMLElement {
  const { labels, aucText, baseline, width = 400, document } = options;
  const height = options.height ?? width - 10;
  const model = curvePoints(curve.fpr, curve.tpr);
  const base = baseline ? curvePoints(baseline.fpr, baseline.tpr) : [];
  return Plot.plot({
    document,
    width,
    height,
    x: { domain: [0, 1], label: labels.fpr, grid: true },
    y: { domain: [0, 1], label: labels.tpr, grid: true },
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
      Plot.line(base, {
        stroke: seriesColors.baseline,
        strokeWidth: 1.5,
        title: labels.baseline === undefined ? undefined : () => labels.baseline,
      }),
      Plot.line(model, { stroke: seriesColors.model, strokeWidth: 2, title: () => labels.model }),
      Plot.text([aucText], {
        text: (d: string) => d,
        frameAnchor: 'bottom-right',
        textAnchor: 'end',
        lineAnchor: 'bottom',
        dx: -8,
        dy: -8,
      }),
    ],
  });
}
