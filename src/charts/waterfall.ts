import * as Plot from '@observablehq/plot';
import { labelMargin } from './palette';

/** One step of a waterfall: a signed amount; a total step shows the running sum instead. */
export interface WaterfallStep {
  label: string;
  value: number;
  total?: boolean;
}

export interface WaterfallOptions {
  labels: { value: string };
  width?: number;
  document?: Document;
}

/** Longer step labels are cut (the full text is in the table beside the chart). */
const MAX_LABEL = 34;
const format = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format;
const formatTotal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format;

/** Horizontal waterfall, top to bottom: each step starts where the previous ended; totals start at 0. */
export function waterfall(steps: WaterfallStep[], options: WaterfallOptions): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document } = options;
  let running = 0;
  const rows = steps.map((s, i) => {
    const start = s.total ? 0 : running;
    const end = s.total ? s.value : running + s.value;
    running = s.total ? s.value : end;
    const label = s.label.length > MAX_LABEL ? `${s.label.slice(0, MAX_LABEL - 1)}…` : s.label;
    return {
      key: `${i + 1}. ${label}`,
      x1: start,
      x2: end,
      fill: s.total ? 'currentColor' : s.value >= 0 ? '#2f9e5f' : '#c0504d',
      text: s.total ? formatTotal(s.value) : format(s.value),
    };
  });
  const extent = rows.flatMap((r) => [r.x1, r.x2]);
  return Plot.plot({
    document,
    width,
    height: 40 + 22 * rows.length,
    marginLeft: labelMargin(rows.map((r) => r.key)),
    marginRight: 50,
    x: { domain: [Math.min(0, ...extent), Math.max(1, ...extent)], label: labels.value, grid: true },
    y: { domain: rows.map((r) => r.key), label: null, padding: 0.2 },
    color: { type: 'identity' },
    marks: [
      Plot.barX(rows, {
        x1: 'x1',
        x2: 'x2',
        y: 'key',
        fill: 'fill',
        title: (d: (typeof rows)[number]) => `${d.key}: ${d.text}`,
      }),
      Plot.ruleX([0]),
      Plot.text(rows, {
        x: (d: (typeof rows)[number]) => Math.max(d.x1, d.x2),
        y: 'key',
        text: 'text',
        textAnchor: 'start',
        dx: 4,
      }),
    ],
  });
}
