/**
 * Every chart the views draw, by name, with arguments a worker can be sent (structured-cloneable: no
 * functions, no DOM). A chart is drawn from a spec into a LightDocument, on the chart worker
 * (src/charts/chart.worker.ts) or, where there is no worker, in place (`drawChart`).
 */
import { formatMoney as formatAmount } from '../i18n/format';
import type { Locale } from '../i18n/translate';
import { accuracyTrend } from './accuracyTrend';
import { biasDots } from './biasDots';
import { disparityRatios } from './disparityRatios';
import { gainsChart } from './gains';
import { gapHeatmap } from './gapHeatmap';
import { LightDocument, plainTree, type PlainNode } from './lightDocument';
import { reliabilityDiagram } from './reliability';
import { rocChart } from './roc';
import { conversionByTier, profitCurve, revenueByTier, roiByTier } from './roiCharts';
import { scoreHistogram } from './scoreHistogram';
import { splitTimeline } from './splitTimeline';
import { tierBySegment } from './tierBySegment';
import { waterfall } from './waterfall';

/** Money in a locale and currency (what a chart needs to build its formatter where it is drawn). */
export interface MoneyFormat {
  locale: Locale;
  currency: string;
}

/** A money chart as the registry lists it: money as a locale and currency, its formatter built where it is drawn. */
function withMoney<D, O extends { formatMoney?: (x: number) => string }, R>(
  draw: (data: D, options: O) => R,
) {
  return (data: D, options: Omit<O, 'formatMoney'> & { money?: MoneyFormat }): R => {
    const { money, ...rest } = options;
    const formatMoney = money ? (x: number) => formatAmount(money.locale, x, money.currency) : undefined;
    return draw(data, { ...rest, formatMoney } as O);
  };
}

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
  revenueByTier: withMoney(revenueByTier),
  profitCurve: withMoney(profitCurve),
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
