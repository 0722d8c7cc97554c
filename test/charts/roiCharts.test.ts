import { describe, expect, it } from 'vitest';
import { seriesColors, tierColor, tierColors } from '../../src/charts/palette';
import {
  conversionByTier,
  lossColor,
  moneyAxis,
  profitCurve,
  revenueByTier,
  roiByTier,
  type ConversionByTierRow,
  type ProfitCurvePoint,
  type RevenueByTierRow,
  type RoiByTierRow,
} from '../../src/charts/roiCharts';
import { createDocument, expectSvgSnapshot } from './snapshot';

const html = (el: Element): string => el.outerHTML;
const title = (el: Element): string => el.querySelector('title')?.textContent ?? '';
const texts = (el: Element): string[] =>
  [...el.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent ?? '');
const legend = (el: Element): string[] =>
  [...el.querySelectorAll('g[aria-label="legend"] text')].map((t) => t.textContent ?? '');
const tickLabels = (el: Element, axis: 'x' | 'y'): string[] =>
  [...el.querySelectorAll(`g[aria-label="${axis}-axis tick label"] text`)].map((t) => t.textContent ?? '');
const money = (x: number): string =>
  `${x < 0 ? '−' : ''}$${new Intl.NumberFormat('en-US', { notation: 'compact' }).format(Math.abs(x))}`;

const tierNames = ['A', 'B', 'C'];
const quarters = ['2023-Q3', '2023-Q4', '2024-Q1', '2024-Q2'];

// ─── revenue by tier ─────────────────────────────────────────────────────────────────────────────────────

const revenueLabels = { revenue: 'Revenue' };
const revenue: Record<string, number[]> = {
  '2023-Q3': [120_000, 60_000, 15_000],
  '2023-Q4': [150_000, 70_000, 10_000],
  '2024-Q1': [90_000, 80_000, 25_000],
  '2024-Q2': [180_000, 40_000, 0],
};
// Tiers listed worst first on purpose: the chart must stack best first regardless of input order.
const revenueRows: RevenueByTierRow[] = quarters.flatMap((quarter) =>
  [2, 1, 0].map((tierIndex) => ({
    quarter,
    tier: tierNames[tierIndex],
    tierIndex,
    revenue: revenue[quarter][tierIndex],
  })),
);

describe('revenueByTier', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'revenueByTier',
      revenueByTier(revenueRows, {
        labels: revenueLabels,
        tierCount: 3,
        formatMoney: money,
        document: createDocument(),
      }),
    );
  });

  it('renders no rows, or invalid revenue, without NaN', () => {
    const empty = revenueByTier([], { labels: revenueLabels, document: createDocument() });
    expectSvgSnapshot('revenueByTierEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(empty.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(0);
    expect(legend(empty)).toEqual([]);
    expect(tickLabels(empty, 'y')).toEqual(['0']);
    expect(html(empty)).not.toContain('NaN');
    const odd = revenueByTier(
      [
        { quarter: '2024-Q1', tier: 'A', tierIndex: 0, revenue: Number.NaN },
        { quarter: '2024-Q1', tier: 'B', tierIndex: 1, revenue: -5 },
      ],
      { labels: revenueLabels, tierCount: Number.NaN, document: createDocument() },
    );
    expect(html(odd)).not.toContain('NaN');
    expect(title(odd.querySelector('g[aria-label="bar"] rect')!)).toBe('2024-Q1\nA: 0');
  });

  it('stacks the tiers per quarter in order, best at the bottom, money on the y axis, with a legend', () => {
    const svg = revenueByTier(revenueRows, {
      labels: revenueLabels,
      tierCount: 3,
      formatMoney: money,
      document: createDocument(),
    });
    const rects = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(rects).toHaveLength(quarters.length * 3);
    expect(tickLabels(svg, 'x')).toEqual(quarters);
    expect(tickLabels(svg, 'y')).toContain('$100K');
    const q1 = rects
      .filter((r) => title(r).startsWith('2024-Q1\n'))
      .sort((a, b) => Number(b.getAttribute('y')) - Number(a.getAttribute('y')));
    // bottom to top: A, B, C in the tier colours
    expect(q1.map((r) => r.getAttribute('fill'))).toEqual(tierColors(3));
    expect(q1.map(title)).toEqual(['2024-Q1\nA: $90K', '2024-Q1\nB: $80K', '2024-Q1\nC: $25K']);
    const h = q1.map((r) => Number(r.getAttribute('height')));
    expect(h[0] / h[1]).toBeCloseTo(90 / 80, 5);
    expect(legend(svg)).toEqual(tierNames);
    const swatches = [...svg.querySelectorAll('g[aria-label="legend"] rect')];
    expect(swatches.map((r) => r.getAttribute('fill'))).toEqual(tierColors(3));
  });

  it('takes the tier colours from tierCount', () => {
    const svg = revenueByTier([{ quarter: '2024-Q1', tier: 'B', tierIndex: 1, revenue: 10 }], {
      labels: revenueLabels,
      tierCount: 5,
      document: createDocument(),
    });
    expect(svg.querySelector('g[aria-label="bar"] rect')?.getAttribute('fill')).toBe(tierColor(1, 5));
  });
});

describe('moneyAxis', () => {
  it('steps by 1-2-5 of at least one unit and covers the extent with whole steps', () => {
    expect(moneyAxis(0, 230_000)).toEqual({
      domain: [0, 250_000],
      ticks: [0, 50_000, 100_000, 150_000, 200_000, 250_000],
    });
    expect(moneyAxis(-40_000, 560_000, 6).ticks).toEqual([
      -100_000, 0, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000,
    ]);
    expect(moneyAxis(0, 3).ticks).toEqual([0, 1, 2, 3]);
    expect(moneyAxis(0, 0)).toEqual({ domain: [0, 1], ticks: [0] });
    expect(moneyAxis(0, Number.POSITIVE_INFINITY)).toEqual({ domain: [0, 1], ticks: [0] });
  });
});

// ─── ROI by tier ─────────────────────────────────────────────────────────────────────────────────────────

const roiLabels = { roi: 'ROI' };
const roiRows: RoiByTierRow[] = [
  { tier: 'A', tierIndex: 0, roi: 2.4 },
  { tier: 'B', tierIndex: 1, roi: 0.35 },
  { tier: 'C', tierIndex: 2, roi: -0.6 },
  { tier: 'D', tierIndex: 3, roi: null },
  ...quarters.flatMap((quarter, q) => [
    { tier: 'A', tierIndex: 0, roi: 2 + q * 0.2, quarter },
    { tier: 'C', tierIndex: 2, roi: q === 3 ? null : -0.8 + q * 0.2, quarter },
  ]),
];

describe('roiByTier', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot('roiByTier', roiByTier(roiRows, { labels: roiLabels, document: createDocument() }));
  });

  it('renders no rows, only nulls or only zeros without NaN', () => {
    const empty = roiByTier([], { labels: roiLabels, document: createDocument() });
    expectSvgSnapshot('roiByTierEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(html(empty)).not.toContain('NaN');
    const nulls = roiByTier(
      [
        { tier: 'A', tierIndex: 0, roi: null },
        { tier: 'B', tierIndex: 1, roi: Number.NaN },
      ],
      { labels: roiLabels, document: createDocument() },
    );
    expect(html(nulls)).not.toContain('NaN');
    expect(nulls.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(0);
    expect(tickLabels(nulls, 'y')).toEqual(['A', 'B']);
    const zero = roiByTier([{ tier: 'A', tierIndex: 0, roi: 0 }], {
      labels: roiLabels,
      document: createDocument(),
    });
    expect(html(zero)).not.toContain('NaN');
    expect(texts(zero)).toEqual(['0%']);
  });

  it('draws one bar per tier with a total, losses left of the rule at 0 in the loss colour', () => {
    const svg = roiByTier(roiRows, { labels: roiLabels, width: 600, document: createDocument() });
    expect(tickLabels(svg, 'y')).toEqual(['A', 'B', 'C', 'D']);
    const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(3);
    expect(bars.map((r) => r.getAttribute('fill'))).toEqual([tierColor(0, 4), tierColor(1, 4), lossColor]);
    expect(bars.map(title)).toEqual(['A\nROI: +240%', 'B\nROI: +35%', 'C\nROI: -60%']);
    const zero = Number(svg.querySelector('g[aria-label="rule"] line')?.getAttribute('x1'));
    const loss = bars[2];
    expect(Number(loss.getAttribute('x')) + Number(loss.getAttribute('width'))).toBeCloseTo(zero, 5);
    expect(Number(bars[0].getAttribute('x'))).toBeCloseTo(zero, 5);
    // 240% against 35%: bar widths in proportion
    expect(Number(bars[0].getAttribute('width')) / Number(bars[1].getAttribute('width'))).toBeCloseTo(
      2.4 / 0.35,
      5,
    );
    expect(texts(svg)).toEqual(['+240%', '+35%', '-60%']);
    // one tick per quarter with an ROI
    const ticks = [...svg.querySelectorAll('g[aria-label="tick"] line')];
    expect(ticks).toHaveLength(7);
    expect(title(ticks[0])).toBe('A · 2023-Q3\nROI: +200%');
    expect(tickLabels(svg, 'x').some((t) => t.endsWith('%'))).toBe(true);
  });

  it('draws a quarter far beyond every total as a marker at the edge, so the bars keep their length', () => {
    const rows: RoiByTierRow[] = [
      { tier: 'A', tierIndex: 0, roi: 2 },
      { tier: 'B', tierIndex: 1, roi: 1 },
      { tier: 'A', tierIndex: 0, roi: 2.5, quarter: '2024-Q1' },
      // 1,300%: 6.5 times the widest total (200%)
      { tier: 'B', tierIndex: 1, roi: 13, quarter: '2024-Q2' },
      { tier: 'B', tierIndex: 1, roi: -1, quarter: '2024-Q3' },
    ];
    const svg = roiByTier(rows, { labels: roiLabels, width: 600, document: createDocument() });
    expect(svg.querySelectorAll('g[aria-label="tick"] line')).toHaveLength(2);
    // a quarter's loss needs no room for a value text: the scale stops near -100%
    const lowest = Math.min(
      ...tickLabels(svg, 'x').map((t) => Number(t.replace('−', '-').replaceAll(',', '').replace('%', ''))),
    );
    expect(lowest).toBeGreaterThanOrEqual(-100);
    const marker = [...svg.querySelectorAll('g[aria-label="text"] text')].find(
      (t) => t.firstChild?.textContent === '»',
    );
    expect(title(marker!)).toBe('B · 2024-Q2\nROI: +1,300%');
    // the widest bar spans at least a quarter of the plot (at 1,300% it would be under a sixth)
    const zero = Number(svg.querySelector('g[aria-label="rule"] line')?.getAttribute('x1'));
    const plotRight = 600 - 20;
    const bar = Number(svg.querySelector('g[aria-label="bar"] rect')?.getAttribute('width'));
    expect(bar / (plotRight - zero)).toBeGreaterThan(0.25);
    // the marker sits at the scale's reach, three times the widest total: right of every bar and tick
    const x = Number(/translate\(([\d.]+),/.exec(marker!.getAttribute('transform') ?? '')?.[1]);
    expect(x).toBeGreaterThan(zero + bar * 2.9);
    expect(x).toBeLessThanOrEqual(plotRight);
  });
});

// ─── conversion by tier ──────────────────────────────────────────────────────────────────────────────────

const conversionLabels = {
  conversion: 'Conversion',
  resolved: 'Resolved',
  fewResolved: 'Fewer than 30 resolved',
};
const conversion: Record<string, [number | null, number][]> = {
  A: [
    [0.42, 120],
    [0.45, 130],
    [0.4, 110],
    [0.48, 90],
  ],
  B: [
    [0.2, 300],
    [null, 0],
    [0.22, 280],
    [0.18, 260],
  ],
  C: [
    [0.05, 400],
    [0.06, 380],
    [0.1, 20],
    [0.04, 25],
  ],
};
const conversionRows: ConversionByTierRow[] = tierNames.flatMap((tier, tierIndex) =>
  quarters.map((quarter, q) => ({
    quarter,
    tier,
    tierIndex,
    conversion: conversion[tier][q][0],
    resolved: conversion[tier][q][1],
  })),
);

describe('conversionByTier', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'conversionByTier',
      conversionByTier(conversionRows, { labels: conversionLabels, document: createDocument() }),
    );
  });

  it('renders no rows, or only nulls, without NaN', () => {
    const empty = conversionByTier([], { labels: conversionLabels, document: createDocument() });
    expectSvgSnapshot('conversionByTierEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(html(empty)).not.toContain('NaN');
    expect(legend(empty)).toEqual(['Fewer than 30 resolved']);
    const nulls = conversionByTier(
      [
        { quarter: '2024-Q1', tier: 'A', tierIndex: 0, conversion: null, resolved: 0 },
        { quarter: '2024-Q2', tier: 'A', tierIndex: 0, conversion: Number.NaN, resolved: Number.NaN },
      ],
      { labels: { conversion: 'Conversion' }, document: createDocument() },
    );
    expect(html(nulls)).not.toContain('NaN');
    expect(nulls.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(legend(nulls)).toEqual(['A']);
  });

  it('draws a line per tier with gaps at nulls, small-n points small and faded, and a legend', () => {
    const svg = conversionByTier(conversionRows, { labels: conversionLabels, document: createDocument() });
    const lines = [...svg.querySelectorAll('g[aria-label="line"] path')];
    expect(lines).toHaveLength(3);
    // worst tier drawn first, best on top
    expect(lines.map((p) => p.getAttribute('stroke'))).toEqual([...tierColors(3)].reverse());
    // B has a null in 2023-Q4: its line is in two pieces
    expect(lines[1].getAttribute('d')?.match(/M/g)).toHaveLength(2);
    expect(lines[0].getAttribute('d')?.match(/M/g)).toHaveLength(1);
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(11);
    const few = dots.filter((d) => d.parentElement?.getAttribute('fill-opacity') !== null);
    expect(few.map(title)).toEqual(['2024-Q1\nC: 10%\nResolved: 20', '2024-Q2\nC: 4%\nResolved: 25']);
    expect(Number(few[0].getAttribute('r'))).toBeLessThan(Number(dots[0].getAttribute('r')));
    expect(dots.map(title)).toContain('2023-Q3\nA: 42%\nResolved: 120');
    expect(legend(svg)).toEqual([...tierNames, 'Fewer than 30 resolved']);
    expect(tickLabels(svg, 'y')).toContain('50%');
  });

  it('names n without a resolved label and takes the small-n threshold from minResolved', () => {
    const svg = conversionByTier(conversionRows, {
      labels: { conversion: 'Conversion' },
      minResolved: 100,
      document: createDocument(),
    });
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    const few = dots.filter((d) => d.parentElement?.getAttribute('fill-opacity') !== null);
    expect(few).toHaveLength(3);
    expect(dots.map(title)).toContain('2024-Q2\nA: 48%\nn = 90');
    expect(legend(svg)).toEqual(tierNames);
  });
});

// ─── profit curve ────────────────────────────────────────────────────────────────────────────────────────

const profitLabels = {
  share: 'Leads worked',
  profit: 'Gross profit',
  best: 'Best',
  capacity: 'Capacity',
  infeasible: 'Beyond capacity',
};
// Profit rises while the best leads are worked, then falls as the cost of the rest outweighs their revenue;
// beyond 60% the capacity is exceeded.
const curve: ProfitCurvePoint[] = Array.from({ length: 101 }, (_, share) => ({
  share,
  grossProfit: Math.round(-40_000 + 900_000 * (1 - Math.exp(-share / 18)) - 5_500 * share),
  feasible: share <= 60,
}));
const at = (share: number) => curve[share].grossProfit;
const cuts = [
  { label: 'A', share: 12, grossProfit: at(12) },
  { label: 'A–B', share: 38, grossProfit: at(38) },
  { label: 'A–C', share: 100, grossProfit: at(100) },
];
const bestShare = curve.filter((p) => p.feasible).reduce((a, p) => (p.grossProfit > a.grossProfit ? p : a));

describe('profitCurve', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'profitCurve',
      profitCurve(curve, {
        labels: profitLabels,
        cuts,
        best: bestShare,
        capacityShare: 60,
        formatMoney: money,
        document: createDocument(),
      }),
    );
  });

  it('renders no points, or degenerate ones, without NaN', () => {
    const empty = profitCurve([], { labels: profitLabels, document: createDocument() });
    expectSvgSnapshot('profitCurveEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(html(empty)).not.toContain('NaN');
    expect(empty.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(tickLabels(empty, 'y')).toEqual(['0']);
    const odd = profitCurve(
      [
        { share: 0, grossProfit: 0, feasible: true },
        { share: Number.NaN, grossProfit: 5, feasible: true },
        { share: 100, grossProfit: 0, feasible: false },
      ],
      {
        labels: { share: 'Leads worked', profit: 'Gross profit' },
        cuts: [{ label: 'A', share: Number.NaN, grossProfit: 0 }],
        best: { share: 0, grossProfit: Number.POSITIVE_INFINITY },
        capacityShare: Number.NaN,
        document: createDocument(),
      },
    );
    expect(html(odd)).not.toContain('NaN');
    expect(html(odd)).not.toContain('Infinity');
    expect(odd.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(texts(odd)).toEqual([]);
  });

  it('draws the feasible part solid, the infeasible part dashed grey, cuts, the best point and capacity', () => {
    const svg = profitCurve(curve, {
      labels: profitLabels,
      cuts,
      best: bestShare,
      capacityShare: 60,
      formatMoney: money,
      width: 640,
      document: createDocument(),
    });
    const lines = [...svg.querySelectorAll('g[aria-label="line"]')];
    expect(lines.map((g) => g.getAttribute('stroke'))).toEqual([seriesColors.baseline, seriesColors.model]);
    expect(lines.map((g) => g.getAttribute('stroke-dasharray'))).toEqual(['5,4', null]);
    expect(title(lines[0])).toBe('Beyond capacity');
    // the dashed part starts where the solid one ends (60%)
    const start = (g: Element) =>
      Number(
        g
          .querySelector('path')
          ?.getAttribute('d')
          ?.match(/M([-\d.]+)/)![1],
      );
    const end = (g: Element) =>
      Number(
        g
          .querySelector('path')
          ?.getAttribute('d')
          ?.match(/([-\d.]+),[-\d.]+$/)![1],
      );
    expect(start(lines[0])).toBeCloseTo(end(lines[1]), 5);
    const rules = [...svg.querySelectorAll('g[aria-label="rule"]')];
    expect(rules).toHaveLength(2);
    const capacity = rules[1].querySelector('line')!;
    expect(Number(capacity.getAttribute('x1'))).toBeCloseTo(end(lines[1]), 5);
    expect(title(capacity)).toBe('Capacity\nLeads worked: 60%');
    expect(texts(svg)).toEqual(['Capacity', 'A', 'A–B', 'A–C', 'Best']);
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(cuts.length + 2);
    expect(title(dots[1])).toBe(`A–B\nLeads worked: 38%\nGross profit: ${money(at(38))}`);
    const best = svg.querySelectorAll(
      `g[aria-label="dot"] circle[fill="${seriesColors.test}"], g[aria-label="dot"][fill="${seriesColors.test}"] circle`,
    );
    expect(best).toHaveLength(1);
    expect(title(best[0])).toBe(
      `Best\nLeads worked: ${bestShare.share}%\nGross profit: ${money(bestShare.grossProfit)}`,
    );
    expect(tickLabels(svg, 'x')).toContain('50%');
    expect(tickLabels(svg, 'y').some((t) => t.startsWith('−$'))).toBe(true);
  });

  it('leaves out the capacity rule without a capacity and the text marks without their labels', () => {
    const svg = profitCurve(
      curve.map((p) => ({ ...p, feasible: true })),
      {
        labels: { share: 'Leads worked', profit: 'Gross profit' },
        best: bestShare,
        document: createDocument(),
      },
    );
    expect(svg.querySelectorAll('g[aria-label="rule"]')).toHaveLength(1);
    expect(svg.querySelectorAll('g[aria-label="line"] path')).toHaveLength(1);
    expect(texts(svg)).toEqual([]);
    expect(svg.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(2);
  });
});
