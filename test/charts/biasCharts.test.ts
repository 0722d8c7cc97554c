import { describe, expect, it } from 'vitest';
import { biasDots, type BiasDotsRow } from '../../src/charts/biasDots';
import { disparityRatios, ratioTicks, type DisparityRatiosRow } from '../../src/charts/disparityRatios';
import { gapFill, gapHeatmap, type GapHeatmapCell } from '../../src/charts/gapHeatmap';
import { biasColors, labelMargin } from '../../src/charts/palette';
import { createDocument, expectSvgSnapshot } from './snapshot';

const html = (el: Element): string => el.outerHTML;
const title = (el: Element): string => el.querySelector('title')?.textContent ?? '';
const legendTexts = (el: Element): string[] =>
  [...el.querySelectorAll('g[aria-label="legend"] text')].map((t) => t.textContent ?? '');
const yTicks = (el: Element): string[] =>
  [...el.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent ?? '');

// ─── actual vs expected per segment ──────────────────────────────────────────────────────────────────────

const dotsLabels = {
  rate: 'Conversion rate',
  actual: 'Actual',
  expected: 'Expected',
  over: 'Over-estimated',
  under: 'Under-estimated',
  tooFew: 'Too few to judge',
};
// sorted by gap, as the caller does: most under-estimated first
const segments: BiasDotsRow[] = [
  { label: 'Software', actual: 0.24, low: 0.215, high: 0.267, expected: 0.18, flag: 'under', n: 1250 },
  { label: 'Retail', actual: 0.41, low: 0.22, high: 0.63, expected: 0.3, flag: 'too-few', n: 22 },
  { label: 'Healthcare', actual: 0.16, low: 0.13, high: 0.195, expected: 0.15, flag: 'none', n: 540 },
  { label: 'Education', actual: null, low: null, high: null, expected: 0.12, flag: 'too-few', n: 0 },
  { label: 'Manufacturing', actual: 0.09, low: 0.075, high: 0.108, expected: 0.14, flag: 'over', n: 1480 },
];

describe('biasDots', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot('biasDots', biasDots(segments, { labels: dotsLabels, document: createDocument() }));
  });

  it('renders no segments, or only nulls, without NaN', () => {
    const empty = biasDots([], { labels: dotsLabels, document: createDocument() });
    expectSvgSnapshot('biasDotsEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(empty.querySelectorAll('g[aria-label="dot"] circle, g[aria-label="dot"] path')).toHaveLength(0);
    expect(html(empty)).not.toContain('NaN');
    expect(legendTexts(empty)).toHaveLength(5);
    const nulls = biasDots(
      [
        { label: 'A', actual: null, low: null, high: null, expected: null, flag: 'too-few', n: Number.NaN },
        { label: 'B', actual: Number.NaN, low: 0, high: 0, expected: 0, flag: 'none', n: 40 },
      ],
      { labels: dotsLabels, document: createDocument() },
    );
    expect(html(nulls)).not.toContain('NaN');
    expect(yTicks(nulls)).toEqual(['A', 'B']);
    // B: a zero-width interval rule and a diamond at 0, no actual dot
    expect(nulls.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(nulls.querySelectorAll('g[aria-label="dot"] path')).toHaveLength(1);
    expect(nulls.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(1);
  });

  it('draws one row per segment in the given order: interval, actual dot by flag, expected diamond', () => {
    const svg = biasDots(segments, { labels: dotsLabels, width: 640, document: createDocument() });
    expect(yTicks(svg)).toEqual(segments.map((s) => s.label));
    // 40 + 22 per row, plus the legend row over Plot's default 20 px top margin
    expect(Number(svg.getAttribute('height'))).toBe(40 + 22 * segments.length + 6);
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(segments.filter((s) => s.actual !== null).length);
    const fill = (label: string) => dots.find((d) => title(d).startsWith(`${label}\n`))?.getAttribute('fill');
    expect(fill('Software')).toBe(biasColors.under);
    expect(fill('Manufacturing')).toBe(biasColors.over);
    expect(fill('Healthcare')).toBe(biasColors.none);
    expect(fill('Retail')).toBe(biasColors.tooFew);
    // too-few rows are faded
    const retail = dots.find((d) => title(d).startsWith('Retail\n'));
    expect(Number(retail?.parentElement?.getAttribute('fill-opacity'))).toBeLessThan(1);
    const diamonds = [...svg.querySelectorAll('g[aria-label="dot"] path')];
    expect(diamonds).toHaveLength(segments.length);
    expect(diamonds.every((d) => d.parentElement?.getAttribute('fill') === 'none')).toBe(true);
    expect(svg.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(4);
    expect(title(dots[0])).toBe(
      'Software\nn = 1,250\nActual: 24% (21.5%–26.7%)\nExpected: 18%\nUnder-estimated',
    );
    // the dot and the diamond of a row share its y
    const software = diamonds.find((d) => title(d).startsWith('Software\n'));
    const ty = (software?.getAttribute('transform') ?? '').match(/[-\d.]+/g)!.map(Number)[1];
    expect(Number(dots[0].getAttribute('cy'))).toBeCloseTo(ty, 5);
    // x runs to 110% of the largest upper bound (Retail's 63%) over the frame, right of the segment labels
    const frame = 640 - labelMargin(segments.map((s) => s.label)) - 20;
    const retailRule = [...svg.querySelectorAll('g[aria-label="rule"] line')].at(-1)!;
    const span = Number(retailRule.getAttribute('x2')) - Number(retailRule.getAttribute('x1'));
    expect(span).toBeCloseTo(((0.63 - 0.22) / (0.63 * 1.1)) * frame, 1);
    expect(legendTexts(svg)).toEqual([
      'Actual',
      'Expected',
      'Under-estimated',
      'Over-estimated',
      'Too few to judge',
    ]);
  });

  it('names n with the leads label and clamps the x domain to 100%', () => {
    const svg = biasDots(
      [{ label: 'Partners', actual: 0.95, low: 0.9, high: 0.99, expected: 0.97, flag: 'none', n: 300 }],
      { labels: { ...dotsLabels, leads: 'Leads' }, document: createDocument() },
    );
    expect(title(svg.querySelector('g[aria-label="dot"] circle')!)).toContain('\nLeads: 300\n');
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(ticks.at(-1)).toBe('100%');
  });
});

// ─── disparity ratios ────────────────────────────────────────────────────────────────────────────────────

const ratioLabels = {
  ratio: 'Ratio to reference',
  band: 'Parity band',
  reference: 'Reference',
  tooFew: 'Too few to judge',
};
const metricNames = ['Selection rate', 'Win recall', 'Missed wins'];
const ratioTable: Record<string, { ratios: (number | null)[]; tooFew?: boolean; reference?: boolean }> = {
  Manufacturing: { ratios: [1, 1, 1], reference: true },
  Software: { ratios: [1.4, 1.1, 0.6] },
  Healthcare: { ratios: [0.92, 0.75, 1.2] },
  Retail: { ratios: [2.6, null, 0.3], tooFew: true },
  Education: { ratios: [0, null, null] },
};
const ratioRows: DisparityRatiosRow[] = metricNames.flatMap((metric, m) =>
  Object.entries(ratioTable).map(([label, r]) => ({
    label,
    metric,
    ratio: r.ratios[m],
    tooFew: r.tooFew ?? false,
    reference: r.reference ?? false,
  })),
);

describe('disparityRatios', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'disparityRatios',
      disparityRatios(ratioRows, { labels: ratioLabels, document: createDocument() }),
    );
  });

  it('renders no rows, or only null ratios, without NaN', () => {
    const empty = disparityRatios([], {
      labels: { ratio: 'Ratio', band: 'Parity' },
      document: createDocument(),
    });
    expectSvgSnapshot('disparityRatiosEmpty', empty);
    expect(html(empty)).not.toContain('NaN');
    expect(empty.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(legendTexts(empty)).toEqual(['Parity']);
    const nulls = disparityRatios(
      [
        { label: 'A', metric: 'Selection rate', ratio: null, tooFew: false, reference: true },
        { label: 'B', metric: 'Selection rate', ratio: Number.NaN, tooFew: true, reference: false },
        {
          label: 'C',
          metric: 'Selection rate',
          ratio: Number.POSITIVE_INFINITY,
          tooFew: false,
          reference: false,
        },
      ],
      { labels: ratioLabels, document: createDocument() },
    );
    expect(html(nulls)).not.toContain('NaN');
    expect(html(nulls)).not.toContain('Infinity');
    expect(nulls.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(yTicks(nulls)).toEqual(['A', 'B', 'C']);
  });

  it('draws one panel per metric with the parity band, a rule at 1 and one dot per non-null ratio', () => {
    const svg = disparityRatios(ratioRows, { labels: ratioLabels, width: 720, document: createDocument() });
    const fx = [...svg.querySelectorAll('g[aria-label="fx-axis tick label"] text')].map((t) => t.textContent);
    expect(fx).toEqual(metricNames);
    // the band and the rule at 1 in every panel
    const bands = [...svg.querySelectorAll('g[aria-label="rect"] rect')];
    expect(bands.length).toBe(metricNames.length);
    expect(title(bands[0])).toBe('Parity band: 0.8–1.25');
    expect(svg.querySelectorAll('g[aria-label="rule"] line').length).toBe(metricNames.length);
    // Plot puts a faceted mark's constant fill on its per-panel groups
    const dotGroups = [...svg.querySelectorAll('g[aria-label="dot"] > g')];
    const filled = dotGroups.filter((g) => g.getAttribute('fill') !== 'none');
    const circles = filled.flatMap((g) => [...g.querySelectorAll('circle')]);
    expect(circles.length).toBe(ratioRows.filter((r) => r.ratio !== null).length);
    const byFill = (f: string) =>
      filled
        .filter((g) => g.getAttribute('fill') === f)
        .flatMap((g) =>
          [...g.querySelectorAll('circle')].map((c) => title(c).split('\n').slice(0, 2).join(': ')),
        );
    // outside 0.8–1.25 and judged: highlighted; too few: grey whatever the ratio
    expect(byFill(biasColors.outside).sort()).toEqual(
      [
        'Education: Selection rate: 0',
        'Healthcare: Win recall: 0.75',
        'Software: Missed wins: 0.6',
        'Software: Selection rate: 1.4',
      ].sort(),
    );
    expect(byFill(biasColors.tooFew).sort()).toEqual([
      'Retail: Missed wins: 0.3',
      'Retail: Selection rate: 2.6',
    ]);
    const grey = filled.find((g) => g.getAttribute('fill') === biasColors.tooFew);
    expect(Number(grey?.getAttribute('fill-opacity'))).toBeLessThan(1);
    // the reference segment is ringed in every panel, and named in its tooltip
    const rings = dotGroups
      .filter((g) => g.getAttribute('fill') === 'none')
      .flatMap((g) => [...g.querySelectorAll('circle')]);
    expect(rings.length).toBe(metricNames.length);
    const manufacturing = circles.find((c) => title(c).startsWith('Manufacturing\nSelection rate'));
    expect(title(manufacturing!)).toBe('Manufacturing\nSelection rate: 1\nReference');
    expect(rings[0].getAttribute('cy')).toBe(manufacturing?.getAttribute('cy'));
    // log x covering 0.5–2 and Retail's 2.6; a ratio of 0 sits at the left edge
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(ticks).toContain('1');
    expect(ticks).toContain('0.5');
    expect(ticks).toContain('2');
    expect(legendTexts(svg)).toEqual(['Parity band', 'Reference', 'Too few to judge']);
  });

  it('keeps tick labels apart on narrow panels', () => {
    expect(ratioTicks(0.5, 2, 400)).toEqual([0.5, 0.8, 1, 1.25, 2]);
    expect(ratioTicks(0.5, 2, 60)).toEqual([0.5, 1, 2]);
    expect(ratioTicks(0.1, 10, 300)).toEqual([0.125, 0.25, 0.5, 1, 2, 4, 8]);
    expect(ratioTicks(1, 1, 300)).toEqual([1]);
  });
});

// ─── gap heatmap ─────────────────────────────────────────────────────────────────────────────────────────

const heatLabels = { rows: 'Industry', cols: 'Region', gap: 'Gap (pp)' };
const heatCells: GapHeatmapCell[] = [
  { row: 'Software', col: 'North', gap: 0.042, n: 620, tooFew: false, flag: 'under' },
  { row: 'Software', col: 'South', gap: -0.011, n: 480, tooFew: false, flag: 'none' },
  { row: 'Software', col: 'West', gap: 0.15, n: 18, tooFew: true, flag: 'too-few' },
  { row: 'Manufacturing', col: 'North', gap: -0.063, n: 900, tooFew: false, flag: 'over' },
  { row: 'Manufacturing', col: 'South', gap: 0, n: 300, tooFew: false, flag: 'none' },
  { row: 'Manufacturing', col: 'West', gap: -0.02, n: 120, tooFew: false, flag: 'none' },
  { row: 'Retail', col: 'North', gap: null, n: 0, tooFew: true, flag: 'too-few' },
  { row: 'Retail', col: 'West', gap: 0.021, n: 210, tooFew: false, flag: 'none' },
];

describe('gapHeatmap', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'gapHeatmap',
      gapHeatmap(heatCells, {
        labels: { ...heatLabels, over: 'Over-estimated', under: 'Under-estimated', tooFew: 'Too few' },
        document: createDocument(),
      }),
    );
  });

  it('renders no cells, or only too-few cells, without NaN', () => {
    const empty = gapHeatmap([], { labels: heatLabels, document: createDocument() });
    expectSvgSnapshot('gapHeatmapEmpty', empty);
    expect(html(empty)).not.toContain('NaN');
    expect(empty.querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(0);
    expect(legendTexts(empty)).toEqual([]);
    const grey = gapHeatmap(
      [
        { row: 'A', col: 'X', gap: Number.NaN, n: Number.NaN, tooFew: true, flag: 'too-few' },
        { row: 'A', col: 'Y', gap: 0.3, n: 3, tooFew: true, flag: 'too-few' },
        { row: 'B', col: 'X', gap: -0.0001, n: 300, tooFew: false, flag: 'none' },
        { row: 'B', col: 'Y', gap: null, n: 300, tooFew: false, flag: 'none' },
      ],
      { labels: heatLabels, document: createDocument() },
    );
    expect(html(grey)).not.toContain('NaN');
    const texts = [...grey.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    // a gap that rounds to 0 has no sign; a null gap is greyed like a too-few cell
    expect(texts).toEqual(['0.0', '·', '·', '·']);
    expect(grey.querySelectorAll(`g[aria-label="cell"][fill="${biasColors.tooFew}"] rect`)).toHaveLength(3);
  });

  it('colours judged cells by gap, greys too-few cells, outlines flagged ones, rows and cols in first-seen order', () => {
    const svg = gapHeatmap(heatCells, { labels: heatLabels, document: createDocument() });
    expect(yTicks(svg)).toEqual(['Software', 'Manufacturing', 'Retail']);
    const xTicks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(xTicks).toEqual(['North', 'South', 'West']);
    const groups = [...svg.querySelectorAll('g[aria-label="cell"]')];
    const rects = groups.flatMap((g) => [...g.querySelectorAll('rect')]);
    const filledRects = rects.filter((r) => r.getAttribute('fill') !== null);
    expect(filledRects).toHaveLength(6);
    const greyGroup = groups.find((g) => g.getAttribute('fill') === biasColors.tooFew);
    expect(greyGroup?.querySelectorAll('rect')).toHaveLength(2);
    expect(Number(greyGroup?.getAttribute('fill-opacity'))).toBeLessThan(1);
    const outlines = groups.find((g) => g.getAttribute('stroke') === 'currentColor');
    expect(outlines?.querySelectorAll('rect')).toHaveLength(
      heatCells.filter((c) => c.flag === 'over' || c.flag === 'under').length,
    );
    // diverging around 0: the largest |gap| (6.3 pp) is fully saturated, the sign picks the hue
    const fillOf = (row: string, col: string) =>
      filledRects
        .find((r) => title(r).startsWith(`Industry: ${row}\nRegion: ${col}\n`))
        ?.getAttribute('fill');
    expect(fillOf('Manufacturing', 'North')).toBe(gapFill(-0.063, 0.063));
    expect(fillOf('Manufacturing', 'North')).toBe('rgba(208, 96, 58, 0.9)');
    expect(fillOf('Software', 'North')).toMatch(/^rgba\(42, 143, 189, /);
    expect(title(filledRects[0])).toBe('Industry: Software\nRegion: North\nn = 620\nGap (pp): +4.2');
    const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['+4.2', '-1.1', '-6.3', '0.0', '-2.0', '+2.1', '·', '·']);
  });

  it('keeps the colour scale at ±5 pp at least and symmetric', () => {
    expect(gapFill(0.01, 0.05)).toBe('rgba(42, 143, 189, 0.276)');
    expect(gapFill(0.2, 0.05)).toBe('rgba(42, 143, 189, 0.9)');
    expect(gapFill(0.05, 0.05).split(', ').at(-1)).toBe(gapFill(-0.05, 0.05).split(', ').at(-1));
    expect(gapFill(0, 0.05)).toBe('rgba(140, 140, 140, 0.12)');
  });
});
