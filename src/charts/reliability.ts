import * as Plot from '@observablehq/plot';
import { seriesColors } from './palette';

/** One bin of the reliability diagram; `low`–`high` is the Wilson 95% interval of the actual rate. */
export interface ReliabilityDiagramBin {
  meanP: number;
  rate: number;
  low: number;
  high: number;
  n: number;
}

export interface ReliabilityDiagramOptions {
  labels: {
    /** x axis: mean predicted probability. */
    predicted: string;
    /** y axis: actual win rate. */
    actual: string;
    /** The y = x reference line. */
    perfect: string;
    /** "leads" in the tooltips (n of a bin). */
    leads: string;
    /** Names the baseline series in its tooltips. */
    baseline?: string;
  };
  /** A second series drawn in grey with hollow dots, e.g. the model before the change. */
  baseline?: ReliabilityDiagramBin[] | null;
  width?: number;
  /** Default: the width less 10, which makes the plotting area square with Plot's default margins. */
  height?: number;
  document?: Document;
}

const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format;
const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));
/** Dot radius range: the area grows with n; the smallest bin stays visible. */
const R_MIN = 2.5;
const R_MAX = 8;

/**
 * Reliability diagram: per bin a dot at (mean predicted p, actual rate), its area growing with n, and a
 * vertical rule over the rate's interval; the dashed diagonal is perfect calibration. Bins with a non-finite
 * coordinate are left out.
 */
export function reliabilityDiagram(
  bins: ReliabilityDiagramBin[],
  options: ReliabilityDiagramOptions,
): SVGSVGElement | HTMLElement {
  const { labels, baseline, width = 400, document } = options;
  const height = options.height ?? width - 10;
  const valid = (b: ReliabilityDiagramBin) => Number.isFinite(b.meanP) && Number.isFinite(b.rate);
  const model = bins.filter(valid);
  const base = (baseline ?? []).filter(valid);
  const maxN = Math.max(0, ...[...model, ...base].map((b) => (Number.isFinite(b.n) ? b.n : 0)));
  const rows = (series: ReliabilityDiagramBin[], name: string | undefined) =>
    series.map((b) => {
      const n = Number.isFinite(b.n) && b.n > 0 ? b.n : 0;
      const low = Number.isFinite(b.low) ? clamp01(b.low) : clamp01(b.rate);
      const high = Number.isFinite(b.high) ? clamp01(b.high) : clamp01(b.rate);
      const lines = [
        `${labels.predicted}: ${formatShare(b.meanP)}`,
        `${labels.actual}: ${formatShare(b.rate)} (${formatShare(low)}–${formatShare(high)})`,
        `${labels.leads}: ${formatCount(n)}`,
      ];
      return {
        x: clamp01(b.meanP),
        y: clamp01(b.rate),
        low,
        high,
        r: R_MIN + (R_MAX - R_MIN) * (maxN > 0 ? Math.sqrt(n / maxN) : 0),
        title: (name ? [name, ...lines] : lines).join('\n'),
      };
    });
  const modelRows = rows(model, undefined);
  const baseRows = rows(base, labels.baseline);
  // The diagonal's label runs along it, ending at the top-right corner (Plot's default margins).
  const angle = (Math.atan2(height - 20 - 30, width - 40 - 20) * 180) / Math.PI;
  return Plot.plot({
    document,
    width,
    height,
    x: { domain: [0, 1], label: labels.predicted, tickFormat: '%', grid: true },
    y: { domain: [0, 1], label: labels.actual, tickFormat: '%', grid: true },
    r: { type: 'identity' },
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
          title: () => labels.perfect,
        },
      ),
      Plot.text([labels.perfect], {
        x: 1,
        y: 1,
        text: (d: string) => d,
        textAnchor: 'end',
        rotate: -(Number.isFinite(angle) ? angle : 45),
        dx: -4,
        dy: -6,
        fillOpacity: 0.7,
      }),
      Plot.ruleX(baseRows, {
        x: 'x',
        y1: 'low',
        y2: 'high',
        stroke: seriesColors.baseline,
        strokeWidth: 1.5,
      }),
      Plot.dot(baseRows, {
        x: 'x',
        y: 'y',
        r: 'r',
        stroke: seriesColors.baseline,
        strokeWidth: 1.5,
        fill: 'none',
        title: 'title',
      }),
      Plot.ruleX(modelRows, { x: 'x', y1: 'low', y2: 'high', stroke: seriesColors.model, strokeWidth: 1.5 }),
      Plot.dot(modelRows, {
        x: 'x',
        y: 'y',
        r: 'r',
        fill: seriesColors.model,
        stroke: 'currentColor',
        strokeWidth: 0.5,
        title: 'title',
      }),
    ],
  });
}
