/**
 * Every chart the views draw, by name, with arguments a worker can be sent (structured-cloneable: no
 * functions, no DOM). A chart is drawn from a spec into a LightDocument, on the chart worker
 * (src/charts/chart.worker.ts) or, where there is no worker, in place (`drawChart`).
 */
import { formatMoney } from '../i18n/format';
import type { Locale } from '../i18n/translate';
import { accuracyTrend } from './accuracyTrend';
import { biasDots } from './biasDots';
import { disparityRatios } from './disparityRatios';
import { gainsChart } from './gains';
import { gapHeatmap } from './gapHeatmap';
import { LightDocument, plainTree, type PlainNode } from './lightDocument';
import { reliabilityDiagram } from './reliability';
import { rocChart } from './roc';
import {
  conversionByTier,
  profitCurve,
  revenueByTier,
  roiByTier,
  type ProfitCurveOptions,
  type ProfitCurvePoint,
  type RevenueByTierOptions,
  type RevenueByTierRow,
} from './roiCharts';
import { scoreHistogram } from './scoreHistogram';
import { splitTimeline } from './splitTimeline';
import { tierBySegment } from './tierBySegment';
import { waterfall } from './waterfall';

/** Money in a locale and currency (what a chart needs to build its formatter where it is drawn). */
export interface MoneyFormat {
  locale: Locale;
  currency: string;
}

const money = (m: MoneyFormat | undefined) =>
  m ? (x: number) => formatMoney(m.locale, x, m.currency) : undefined;

export const CHARTS = {
  scoreHistogram,
  tierBySegment,
  waterfall,
  splitTimeline,
  reliabilityDiagram,
  rocChart,
  gainsChart,
  accuracyTrend,
  biasDots,
  disparityRatios,
  gapHeatmap,
  roiByTier,
  conversionByTier,
  revenueByTier: (
    rows: RevenueByTierRow[],
    options: Omit<RevenueByTierOptions, 'formatMoney'> & { money?: MoneyFormat },
  ) => revenueByTier(rows, { ...options, formatMoney: money(options.money) }),
  profitCurve: (
    points: ProfitCurvePoint[],
    options: Omit<ProfitCurveOptions, 'formatMoney'> & { money?: MoneyFormat },
  ) => profitCurve(points, { ...options, formatMoney: money(options.money) }),
};

export type ChartKind = keyof typeof CHARTS;

/** A chart to draw: its name and its arguments, the options (last) without `document`. */
export type ChartSpec = {
  [K in ChartKind]: { kind: K; args: Parameters<(typeof CHARTS)[K]> };
}[ChartKind];

/** Draws a spec into `document` (given as the options' `document`). */
export function drawInto(spec: ChartSpec, document: Document): unknown {
  const args: unknown[] = [...spec.args];
  args[args.length - 1] = { ...(args[args.length - 1] as object), document };
  const draw = CHARTS[spec.kind] as (...a: unknown[]) => unknown;
  return draw(...args);
}

/** Draws a spec into a new LightDocument and returns the tree as plain data. */
export function drawChart(spec: ChartSpec): PlainNode {
  return plainTree(drawInto(spec, new LightDocument().asDocument()));
}
