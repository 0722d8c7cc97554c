import * as Plot from '@observablehq/plot';
import { legendHeight, legendMark, type LegendItem } from './biasDots';
import { labelMargin, seriesColors, textWidth, tierColor } from './palette';

// ─── shared ──────────────────────────────────────────────────────────────────────────────────────────────

/** Money formatter used when a chart gets no `formatMoney`: a plain grouped number. */
const defaultMoney = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format;
const formatShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format;
const formatRoi = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
}).format;
const finite = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/**
 * Fill of a loss (negative ROI bar), mid-luminance like the tier stops so it reads on a light and a dark
 * background; the same red as the waterfall's negative steps.
 */
export const lossColor = '#c0504d';
/** The highlighted best point of the profit curve. */
const BEST_COLOR = seriesColors.test;
/** Room per x tick label ('2024-Q1' and a gap), px: with more quarters than fit, every k-th is labelled. */
const TICK_ROOM = 52;
/** ROI per tier: how far (times the widest tier total) the scale reaches for a quarter's tick. */
const OUTLIER_REACH = 3;
/** Plot draws the y axis label this far from the left and top edges, px. */
const AXIS_LABEL_INSET = 3;
/** Gap after the y axis label before the legend, and under the legend before the frame, px. */
const LEGEND_GAP = 16;
const LEGEND_BOTTOM = 10;

/** Tiers of `rows` by index (best first), each named by its first row; the tier count from the rows. */
function tiersOf(rows: readonly { tier: string; tierIndex: number }[]): { index: number; name: string }[] {
  const byIndex = new Map<number, string>();
  for (const r of rows) if (!byIndex.has(r.tierIndex)) byIndex.set(r.tierIndex, r.tier);
  return [...byIndex].sort((a, b) => a[0] - b[0]).map(([index, name]) => ({ index, name }));
}

function tierCountOf(tierCount: number | undefined, tiers: readonly { index: number }[]): number {
  if (tierCount !== undefined && Number.isFinite(tierCount) && tierCount >= 1) return Math.floor(tierCount);
  return Math.max(1, ...tiers.map((t) => t.index + 1).filter(Number.isFinite));
}

/**
 * A legend row on the y axis label's row (Plot draws that label at the top left), after the label, wrapping
 * within the width; the returned margin fits it above the frame. The legend's text is anchored at its start
 * (Plot's root svg anchors text in the middle).
 */
function topLegend(
  items: readonly LegendItem[],
  axisLabel: string,
  width: number,
  marginLeft: number,
): { mark: Plot.RenderFunction; marginTop: number } {
  const x0 = Math.max(marginLeft, AXIS_LABEL_INSET + textWidth(`↑ ${axisLabel}`) + LEGEND_GAP);
  // legendMark centres its first line 12 px below y0; the label's centre is 8 px below the top.
  const y0 = -4;
  const render = legendMark(items, x0, y0);
  const mark: Plot.RenderFunction = (...args) => {
    const g = render(...args);
    g?.setAttribute('text-anchor', 'start');
    return g;
  };
  return { mark, marginTop: Math.max(20, y0 + legendHeight(items, width, x0) + LEGEND_BOTTOM) };
}

/** Every k-th quarter (from the first) such that the labels fit `span` px. */
function quarterTicks(quarters: readonly string[], span: number): string[] {
  const step = Math.max(1, Math.ceil((quarters.length * TICK_ROOM) / Math.max(1, span)));
  return quarters.filter((_, i) => i % step === 0);
}

/**
 * A money axis over at least [lo, hi]: about `count` ticks on a 1-2-5 step of at least 1 (money formats round
 * to whole units, so a finer step would repeat labels), the domain extended to whole steps. With no extent
 * (no data, or all 0) the axis runs from 0 to 1 with a single tick at 0.
 */
export function moneyAxis(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!(hi - lo > 0) || !Number.isFinite(hi - lo)) return { domain: [0, 1], ticks: [0] };
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw) ?? 10 * power);
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => (first + i) * step);
  return { domain: [first * step, last * step], ticks };
}

/** A left margin wide enough for the money tick labels. */
function moneyMargin(ticks: readonly number[], format: (x: number) => string): number {
  return labelMargin(ticks.map(format), 40, 140);
}

// ─── revenue by tier ─────────────────────────────────────────────────────────────────────────────────────

export interface RevenueByTierRow {
  /** The quarter, e.g. '2024-Q1'; quarters are drawn in first-seen order. */
  quarter: string;
  tier: string;
  /** 0 = best tier. */
  tierIndex: number;
  /** Won revenue of the worked leads (negative or non-finite counts as 0). */
  revenue: number;
}

export interface RevenueByTierOptions {
  labels: {
    /** y axis. */
    revenue: string;
    /** x axis; none by default (the quarter labels speak for themselves). */
    quarter?: string;
  };
  /** Number of tiers, for tierColor; default: the largest tierIndex + 1. */
  tierCount?: number;
  formatMoney?: (x: number) => string;
  width?: number;
  /** Default: 240 plus the top margin (the y axis label and legend row(s)). */
  height?: number;
  document?: Document;
}

/**
 * Revenue per quarter (given order) as bars stacked by tier, best tier at the bottom, in the tier colours; a
 * legend row names the tiers. The y axis and the tooltips (quarter, tier, revenue) use `formatMoney`.
 */
export function revenueByTier(
  rows: RevenueByTierRow[],
  options: RevenueByTierOptions,
): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document } = options;
  const money = options.formatMoney ?? defaultMoney;
  const quarters = [...new Set(rows.map((r) => r.quarter))];
  const tiers = tiersOf(rows);
  const tierCount = tierCountOf(options.tierCount, tiers);
  const amount = (v: number) => (Number.isFinite(v) && v > 0 ? v : 0);
  const data = rows
    .map((r) => ({
      quarter: r.quarter,
      tierIndex: r.tierIndex,
      revenue: amount(r.revenue),
      color: tierColor(r.tierIndex, tierCount),
      title: `${r.quarter}\n${r.tier}: ${money(amount(r.revenue))}`,
    }))
    .sort((a, b) => a.tierIndex - b.tierIndex);
  const totals = new Map<string, number>();
  for (const d of data) totals.set(d.quarter, (totals.get(d.quarter) ?? 0) + d.revenue);
  const max = Math.max(0, ...totals.values());
  const axis = moneyAxis(0, max);
  const marginLeft = moneyMargin(axis.ticks, money);
  const marginRight = 20;
  const legend: LegendItem[] = tiers.map((t) => ({
    text: t.name,
    shape: 'rect',
    color: tierColor(t.index, tierCount),
  }));
  const { mark: legendRow, marginTop } = topLegend(legend, labels.revenue, width, marginLeft);
  const height = options.height ?? 240 + marginTop;
  return Plot.plot({
    document,
    width,
    height,
    marginTop,
    marginLeft,
    marginRight,
    x: {
      domain: quarters,
      label: labels.quarter ?? null,
      padding: 0.2,
      ticks: quarterTicks(quarters, width - marginLeft - marginRight),
    },
    y: { ...axis, label: labels.revenue, grid: true, tickFormat: (d: number) => money(d) },
    color: { type: 'identity' },
    marks: [
      Plot.barY(
        data,
        Plot.stackY({ x: 'quarter', y: 'revenue', fill: 'color', title: 'title', order: null }),
      ),
      Plot.ruleY([0]),
      legendRow,
    ],
  });
}

// ─── ROI by tier ─────────────────────────────────────────────────────────────────────────────────────────

export interface RoiByTierRow {
  tier: string;
  /** 0 = best tier. */
  tierIndex: number;
  /** Gross profit / cost (1.5 = 150%); null when there is no cost. */
  roi: number | null;
  /**
   * Without a quarter the row is the tier's total over the quarters, drawn as the bar; with one it is that
   * quarter's ROI, drawn as a tick across the bar.
   */
  quarter?: string;
}

export interface RoiByTierOptions {
  labels: {
    /** x axis: ROI, %. */
    roi: string;
    /** y axis; none by default. */
    tier?: string;
  };
  /** Number of tiers, for tierColor; default: the largest tierIndex + 1. */
  tierCount?: number;
  width?: number;
  /** Default: 70 + 28 per tier (at least one). */
  height?: number;
  document?: Document;
}

/**
 * ROI per tier as horizontal bars, best tier on top, every tier listed even when its ROI is null (no bar).
 * A gain is drawn in the tier colour to the right of the rule at 0, a loss in the loss colour to the left,
 * each with its value at the bar end. Rows with a quarter add one thin tick per quarter across the tier's row.
 */
export function roiByTier(rows: RoiByTierRow[], options: RoiByTierOptions): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document } = options;
  const tiers = tiersOf(rows);
  const tierCount = tierCountOf(options.tierCount, tiers);
  const names = [...new Set(tiers.map((t) => t.name))];
  const height = options.height ?? 70 + 28 * Math.max(1, names.length);
  const nameOf = new Map(tiers.map((t) => [t.index, t.name]));
  // a quarter far beyond every tier's total (a few cheap leads worked, one large win) would squash the bars
  // to slivers: it is drawn at the edge of a scale OUTLIER_REACH times the widest total, as a marker
  const totalRows = rows.filter((r) => r.quarter === undefined && finite(r.roi));
  const widestTotal = Math.max(0, ...totalRows.map((r) => Math.abs(r.roi as number)));
  const reach = widestTotal > 0 ? OUTLIER_REACH * widestTotal : Infinity;
  const quarterTicks = rows
    .filter((r) => r.quarter !== undefined && finite(r.roi))
    .map((r) => ({
      tier: nameOf.get(r.tierIndex) ?? r.tier,
      roi: Math.max(-reach, Math.min(reach, r.roi as number)),
      beyond: Math.abs(r.roi as number) > reach,
      title: `${r.tier} · ${r.quarter}\n${labels.roi}: ${formatRoi(r.roi as number)}`,
    }));
  const ticks = quarterTicks.filter((t) => !t.beyond);
  const beyond = quarterTicks.filter((t) => t.beyond);
  const totals = totalRows.map((r) => {
    const roi = r.roi as number;
    const tier = nameOf.get(r.tierIndex) ?? r.tier;
    // The value is written beyond the bar and beyond the tier's quarter ticks on the same side of 0.
    const same = ticks.filter((t) => t.tier === tier).map((t) => t.roi);
    const end = roi >= 0 ? Math.max(roi, ...same) : Math.min(roi, ...same);
    return {
      tier,
      roi,
      end,
      color: roi < 0 ? lossColor : tierColor(r.tierIndex, tierCount),
      text: formatRoi(roi),
      title: `${r.tier}\n${labels.roi}: ${formatRoi(roi)}`,
    };
  });
  const values = [...totals.map((d) => d.roi), ...quarterTicks.map((d) => d.roi)];
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const marginLeft = labelMargin(names);
  const marginRight = 20;
  // Room for the value texts beyond the bar ends, in ROI units.
  const widest = Math.max(0, ...totals.map((d) => textWidth(d.text)));
  const room = Math.max(1, width - marginLeft - marginRight - 2 * (widest + 8));
  const pad = ((hi - lo) * (widest + 8)) / room;
  // room for a value text only on a side where a total is written
  const padLo = totals.some((d) => d.roi < 0) ? pad : 0;
  const padHi = totals.some((d) => d.roi >= 0) ? pad : 0;
  const domain = hi - lo > 0 ? [lo < 0 ? lo - padLo : 0, hi > 0 ? hi + padHi : 0] : [0, 1];
  const gain = (d: (typeof totals)[number]) => d.roi >= 0;
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 30,
    marginLeft,
    marginRight,
    x: { domain, label: labels.roi, tickFormat: '%', grid: true, nice: true },
    y: { domain: names, label: labels.tier ?? null, labelAnchor: 'top', padding: 0.25 },
    color: { type: 'identity' },
    marks: [
      Plot.barX(totals, { x: 'roi', y: 'tier', fill: 'color', title: 'title' }),
      Plot.tickX(ticks, {
        x: 'roi',
        y: 'tier',
        stroke: 'currentColor',
        strokeOpacity: 0.55,
        strokeWidth: 1.5,
        title: 'title',
      }),
      Plot.text(beyond, {
        x: 'roi',
        y: 'tier',
        text: (d: (typeof beyond)[number]) => (d.roi > 0 ? '»' : '«'),
        textAnchor: 'middle',
        fillOpacity: 0.7,
        title: 'title',
      }),
      Plot.ruleX([0], { stroke: 'currentColor' }),
      Plot.text(totals.filter(gain), { x: 'end', y: 'tier', text: 'text', textAnchor: 'start', dx: 4 }),
      Plot.text(
        totals.filter((d) => !gain(d)),
        { x: 'end', y: 'tier', text: 'text', textAnchor: 'end', dx: -4, fill: lossColor },
      ),
    ],
  });
}

// ─── conversion by tier ──────────────────────────────────────────────────────────────────────────────────

export interface ConversionByTierRow {
  /** The quarter, e.g. '2024-Q1'; quarters are drawn in first-seen order. */
  quarter: string;
  tier: string;
  /** 0 = best tier. */
  tierIndex: number;
  /** Won / resolved, 0..1; null when nothing is resolved. */
  conversion: number | null;
  /** Resolved (won + lost) leads. */
  resolved: number;
}

export interface ConversionByTierOptions {
  labels: {
    /** y axis: conversion, %. */
    conversion: string;
    /** x axis; none by default. */
    quarter?: string;
    /** Names the resolved count in the tooltips ("Resolved: 25"); without it the tooltip reads "n = 25". */
    resolved?: string;
    /** Legend entry for the small-n points; none without it. */
    fewResolved?: string;
  };
  /** Number of tiers, for tierColor; default: the largest tierIndex + 1. */
  tierCount?: number;
  /** A point with fewer resolved leads than this is drawn small and faded. Default 30. */
  minResolved?: number;
  width?: number;
  /** Default: 240 plus the top margin (the y axis label and legend row(s)). */
  height?: number;
  document?: Document;
}

/** Opacity of the faded small-n points and of their legend swatch. */
const FEW_OPACITY = 0.35;

/**
 * Conversion per tier over the quarters (given order), one line per tier in its colour, best tier drawn on top;
 * a null conversion (or a missing quarter) leaves a gap. Points with fewer than `minResolved` resolved leads
 * are small and faded. A legend row names the tiers (and the small-n points when `labels.fewResolved` is set).
 */
export function conversionByTier(
  rows: ConversionByTierRow[],
  options: ConversionByTierOptions,
): SVGSVGElement | HTMLElement {
  const { labels, width = 640, document, minResolved = 30 } = options;
  const quarters = [...new Set(rows.map((r) => r.quarter))];
  const tiers = tiersOf(rows);
  const tierCount = tierCountOf(options.tierCount, tiers);
  const cell = new Map<string, ConversionByTierRow>();
  for (const r of rows) cell.set(`${r.tierIndex}\u0000${r.quarter}`, r);
  // One value per tier × quarter, in quarter order, worst tier first so the best is drawn last (on top).
  const data = [...tiers].reverse().flatMap((t) =>
    quarters.map((quarter) => {
      const r = cell.get(`${t.index}\u0000${quarter}`);
      const conversion = r && finite(r.conversion) ? Math.min(1, Math.max(0, r.conversion)) : null;
      const resolved = r && Number.isFinite(r.resolved) && r.resolved > 0 ? r.resolved : 0;
      const n =
        labels.resolved === undefined
          ? `n = ${formatCount(resolved)}`
          : `${labels.resolved}: ${formatCount(resolved)}`;
      return {
        quarter,
        tier: t.index,
        conversion,
        few: resolved < minResolved,
        color: tierColor(t.index, tierCount),
        title: `${quarter}\n${t.name}: ${conversion === null ? '–' : formatShare(conversion)}\n${n}`,
      };
    }),
  );
  const points = data.filter((d) => d.conversion !== null);
  const max = Math.max(0, ...points.map((d) => d.conversion as number));
  const yMax = Math.min(1, Math.max(0.05, Math.ceil(max * 20 - 1e-9) / 20));
  const marginLeft = 44;
  const marginRight = 20;
  const legend: LegendItem[] = [
    ...tiers.map((t): LegendItem => ({ text: t.name, shape: 'dot', color: tierColor(t.index, tierCount) })),
    ...(labels.fewResolved === undefined
      ? []
      : [{ text: labels.fewResolved, shape: 'dot' as const, color: 'currentColor', opacity: FEW_OPACITY }]),
  ];
  const { mark: legendRow, marginTop } = topLegend(legend, labels.conversion, width, marginLeft);
  const height = options.height ?? 240 + marginTop;
  return Plot.plot({
    document,
    width,
    height,
    marginTop,
    marginLeft,
    marginRight,
    x: {
      type: 'point',
      domain: quarters,
      label: labels.quarter ?? null,
      padding: 0.5,
      ticks: quarterTicks(quarters, width - marginLeft - marginRight),
    },
    y: { domain: [0, yMax], label: labels.conversion, tickFormat: '%', grid: true, ticks: 5 },
    color: { type: 'identity' },
    marks: [
      Plot.ruleY([0]),
      Plot.line(data, { x: 'quarter', y: 'conversion', z: 'tier', stroke: 'color', strokeWidth: 2 }),
      Plot.dot(
        points.filter((d) => !d.few),
        { x: 'quarter', y: 'conversion', r: 3.5, fill: 'color', title: 'title' },
      ),
      Plot.dot(
        points.filter((d) => d.few),
        {
          x: 'quarter',
          y: 'conversion',
          r: 2.5,
          fill: 'color',
          fillOpacity: FEW_OPACITY,
          stroke: 'color',
          strokeOpacity: FEW_OPACITY * 2,
          title: 'title',
        },
      ),
      legendRow,
    ],
  });
}

// ─── profit curve ────────────────────────────────────────────────────────────────────────────────────────

export interface ProfitCurvePoint {
  /** Share of leads worked in score order, 0..100 (%). */
  share: number;
  grossProfit: number;
  /** False when working this share exceeds the capacity in some quarter. */
  feasible: boolean;
}

export interface ProfitCurveCut {
  /** The tier cut's name, e.g. 'A' or 'A–B'. */
  label: string;
  /** 0..100 (%). */
  share: number;
  grossProfit: number;
}

export interface ProfitCurveOptions {
  labels: {
    /** x axis: share of leads worked. */
    share: string;
    /** y axis: gross profit. */
    profit: string;
    /** Names the best point (text beside it and its tooltip); the marker is drawn without it too. */
    best?: string;
    /** Names the capacity rule (text at its top and its tooltip). */
    capacity?: string;
    /** Tooltip of the dashed infeasible part of the line. */
    infeasible?: string;
  };
  /** The tier cuts, each a dot on the curve with its label. */
  cuts?: ProfitCurveCut[];
  /** The most profitable feasible point, highlighted; null for none. */
  best?: { share: number; grossProfit: number } | null;
  /** Share (0..100 %) the capacity allows; a vertical rule when given. */
  capacityShare?: number | null;
  formatMoney?: (x: number) => string;
  width?: number;
  height?: number;
  document?: Document;
}

/**
 * Gross profit against the share of leads worked in score order: a line in the model colour, its infeasible
 * part (beyond capacity) dashed grey; a dot and a label per tier cut; the best point ringed in the highlight
 * colour; a dashed vertical rule at the capacity share and a rule at a profit of 0. x in %, y in money.
 * Points with a non-finite share or profit are left out; shares are clamped to 0..100.
 */
export function profitCurve(
  points: ProfitCurvePoint[],
  options: ProfitCurveOptions,
): SVGSVGElement | HTMLElement {
  const {
    labels,
    cuts = [],
    best = null,
    capacityShare = null,
    width = 640,
    height = 320,
    document,
  } = options;
  const money = options.formatMoney ?? defaultMoney;
  const share = (v: number) => Math.min(1, Math.max(0, v / 100));
  const valid = (p: { share: number; grossProfit: number }) =>
    Number.isFinite(p.share) && Number.isFinite(p.grossProfit);
  const tip = (x: number, y: number) => `${labels.share}: ${formatShare(x)}\n${labels.profit}: ${money(y)}`;
  const curve = points
    .filter(valid)
    .map((p) => ({ x: share(p.share), y: p.grossProfit, feasible: p.feasible }))
    .sort((a, b) => a.x - b.x);
  // Two lines over the same points, gaps where the other one runs; the infeasible line also takes the
  // feasible neighbour of each infeasible point so that the two join.
  const solid = curve.map((p) => ({ x: p.x, y: p.feasible ? p.y : null }));
  const dashed = curve.map((p, i) => ({
    x: p.x,
    y: !p.feasible || curve[i - 1]?.feasible === false || curve[i + 1]?.feasible === false ? p.y : null,
  }));
  const cutData = cuts.filter(valid).map((c) => ({
    x: share(c.share),
    y: c.grossProfit,
    label: c.label,
    title: `${c.label}\n${tip(share(c.share), c.grossProfit)}`,
  }));
  const bestData =
    best !== null && valid(best)
      ? [
          {
            x: share(best.share),
            y: best.grossProfit,
            label: labels.best ?? '',
            title: [
              ...(labels.best === undefined ? [] : [labels.best]),
              tip(share(best.share), best.grossProfit),
            ].join('\n'),
          },
        ]
      : [];
  const capacity =
    capacityShare !== null && Number.isFinite(capacityShare)
      ? [
          {
            x: share(capacityShare),
            label: labels.capacity ?? '',
            title: `${labels.capacity === undefined ? '' : `${labels.capacity}\n`}${labels.share}: ${formatShare(share(capacityShare))}`,
          },
        ]
      : [];
  const ys = [...curve.map((p) => p.y), ...cutData.map((c) => c.y), ...bestData.map((b) => b.y)];
  const lo = Math.min(0, ...ys);
  const hi = Math.max(0, ...ys);
  // Room above the highest point for a cut's label.
  const axis = moneyAxis(lo, hi + (hi - lo) * 0.06, 6);
  const dashedTitle = labels.infeasible === undefined ? undefined : () => labels.infeasible;
  return Plot.plot({
    document,
    width,
    height,
    marginTop: 24,
    marginLeft: moneyMargin(axis.ticks, money),
    marginRight: 20,
    x: { domain: [0, 1], label: labels.share, tickFormat: '%', grid: true },
    y: { ...axis, label: labels.profit, grid: true, tickFormat: (d: number) => money(d) },
    marks: [
      Plot.ruleY([0], { stroke: 'currentColor' }),
      Plot.ruleX(capacity, {
        x: 'x',
        stroke: 'currentColor',
        strokeOpacity: 0.7,
        strokeDasharray: '2,3',
        title: 'title',
      }),
      Plot.text(
        capacity.filter((c) => c.label !== ''),
        { x: 'x', text: 'label', frameAnchor: 'top', textAnchor: 'start', lineAnchor: 'top', dx: 4, dy: 2 },
      ),
      Plot.line(dashed, {
        x: 'x',
        y: 'y',
        stroke: seriesColors.baseline,
        strokeWidth: 1.5,
        strokeDasharray: '5,4',
        title: dashedTitle,
      }),
      Plot.line(solid, { x: 'x', y: 'y', stroke: seriesColors.model, strokeWidth: 2 }),
      Plot.dot(cutData, {
        x: 'x',
        y: 'y',
        r: 3.5,
        fill: 'currentColor',
        title: 'title',
      }),
      Plot.text(cutData, { x: 'x', y: 'y', text: 'label', lineAnchor: 'bottom', dy: -7 }),
      Plot.dot(bestData, { x: 'x', y: 'y', r: 7, stroke: BEST_COLOR, strokeWidth: 2, fill: 'none' }),
      Plot.dot(bestData, { x: 'x', y: 'y', r: 3, fill: BEST_COLOR, title: 'title' }),
      Plot.text(
        bestData.filter((b) => b.label !== ''),
        { x: 'x', y: 'y', text: 'label', textAnchor: 'start', dx: 10, dy: 10, fill: BEST_COLOR },
      ),
    ],
  });
}
