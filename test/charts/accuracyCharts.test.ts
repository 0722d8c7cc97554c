import { describe, expect, it } from 'vitest';
import { accuracyTrend, type AccuracyTrendRow } from '../../src/charts/accuracyTrend';
import { gainsChart, type GainsData } from '../../src/charts/gains';
import { seriesColors } from '../../src/charts/palette';
import { reliabilityDiagram, type ReliabilityDiagramBin } from '../../src/charts/reliability';
import { rocChart, type RocCurveData } from '../../src/charts/roc';
import { splitTimeline, type SplitTimelineRow } from '../../src/charts/splitTimeline';
import { createDocument, expectSvgSnapshot } from './snapshot';

const html = (el: Element): string => el.outerHTML;
const titles = (el: Element, selector: string): string[] =>
  [...el.querySelectorAll(selector)].map((e) => e.querySelector('title')?.textContent ?? '');
const texts = (el: Element): string[] =>
  [...el.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent ?? '');

// ─── reliability diagram ─────────────────────────────────────────────────────────────────────────────────

const reliabilityLabels = {
  predicted: 'Predicted probability',
  actual: 'Actual win rate',
  perfect: 'Perfect calibration',
  leads: 'Leads',
  baseline: 'Before',
};
// 8 bins: slightly over-confident at the top, the last bin small and so with a wide interval.
const bins: ReliabilityDiagramBin[] = [
  { meanP: 0.03, rate: 0.04, low: 0.03, high: 0.055, n: 1250 },
  { meanP: 0.07, rate: 0.06, low: 0.047, high: 0.076, n: 1250 },
  { meanP: 0.12, rate: 0.13, low: 0.112, high: 0.15, n: 1250 },
  { meanP: 0.2, rate: 0.19, low: 0.168, high: 0.213, n: 1250 },
  { meanP: 0.31, rate: 0.27, low: 0.246, high: 0.296, n: 1250 },
  { meanP: 0.45, rate: 0.4, low: 0.373, high: 0.428, n: 1250 },
  { meanP: 0.62, rate: 0.55, low: 0.511, high: 0.588, n: 620 },
  { meanP: 0.84, rate: 0.7, low: 0.556, high: 0.811, n: 40 },
];
const baselineBins: ReliabilityDiagramBin[] = [
  { meanP: 0.1, rate: 0.05, low: 0.04, high: 0.062, n: 3000 },
  { meanP: 0.3, rate: 0.2, low: 0.181, high: 0.22, n: 2000 },
  { meanP: 0.6, rate: 0.38, low: 0.35, high: 0.41, n: 1000 },
];

describe('reliabilityDiagram', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'reliability',
      reliabilityDiagram(bins, { labels: reliabilityLabels, document: createDocument() }),
    );
  });

  it('renders an empty chart for no bins, and skips non-finite bins, without NaN', () => {
    const empty = reliabilityDiagram([], { labels: reliabilityLabels, document: createDocument() });
    expectSvgSnapshot('reliabilityEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(empty.querySelectorAll('circle')).toHaveLength(0);
    expect(html(empty)).not.toContain('NaN');
    const odd = reliabilityDiagram(
      [
        { meanP: Number.NaN, rate: 0.5, low: 0.4, high: 0.6, n: 10 },
        { meanP: 0.5, rate: 0.5, low: Number.NaN, high: Number.NaN, n: 0 },
      ],
      { labels: reliabilityLabels, baseline: [], document: createDocument() },
    );
    expect(odd.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(1);
    expect(html(odd)).not.toContain('NaN');
  });

  it('draws one dot and one interval rule per bin, dots growing with n, n in the tooltip', () => {
    const svg = reliabilityDiagram(bins, {
      labels: reliabilityLabels,
      width: 400,
      height: 390,
      document: createDocument(),
    });
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(bins.length);
    expect(dots.every((d) => d.parentElement?.getAttribute('fill') === seriesColors.model)).toBe(true);
    const r = dots.map((d) => Number(d.getAttribute('r')));
    expect(r[0]).toBeGreaterThan(r[6]);
    expect(r[6]).toBeGreaterThan(r[7]);
    expect(r[7]).toBeGreaterThan(0);
    const rules = [...svg.querySelectorAll('g[aria-label="rule"] line')];
    expect(rules).toHaveLength(bins.length);
    // y scale [0, 1] over 390 − 20 − 30 px: the last rule spans the interval 55.6%–81.1%.
    const py = (v: number) => 20 + (1 - v) * 340;
    const last = rules[7];
    expect(Number(last.getAttribute('y1'))).toBeCloseTo(py(0.556), 1);
    expect(Number(last.getAttribute('y2'))).toBeCloseTo(py(0.811), 1);
    expect(dots[0].querySelector('title')?.textContent).toBe(
      'Predicted probability: 3%\nActual win rate: 4% (3%–5.5%)\nLeads: 1,250',
    );
    expect(titles(svg, 'g[aria-label="line"] path')).toEqual(['Perfect calibration']);
    expect(texts(svg)).toEqual(['Perfect calibration']);
  });

  it('draws a baseline in grey with hollow dots under the model', () => {
    const svg = reliabilityDiagram(bins, {
      labels: reliabilityLabels,
      baseline: baselineBins,
      document: createDocument(),
    });
    const grey = [...svg.querySelectorAll(`g[aria-label="dot"][stroke="${seriesColors.baseline}"] circle`)];
    expect(grey).toHaveLength(baselineBins.length);
    expect(grey[0].parentElement?.getAttribute('fill')).toBe('none');
    expect(grey[0].querySelector('title')?.textContent).toBe(
      'Before\nPredicted probability: 10%\nActual win rate: 5% (4%–6.2%)\nLeads: 3,000',
    );
    expect(svg.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(
      bins.length + baselineBins.length,
    );
    expect(svg.querySelectorAll('g[aria-label="rule"] line')).toHaveLength(bins.length + baselineBins.length);
    // the baseline's largest bin sets the dot scale for both series
    const model = svg.querySelector(`g[aria-label="dot"][fill="${seriesColors.model}"] circle`);
    expect(Number(model?.getAttribute('r'))).toBeLessThan(Number(grey[0].getAttribute('r')));
  });
});

// ─── ROC ──────────────────────────────────────────────────────────────────────────────────────────────────

const rocLabels = {
  fpr: 'False positive rate',
  tpr: 'True positive rate',
  random: 'Random order',
  model: 'Model',
  baseline: 'Before',
};
const curve: RocCurveData = {
  fpr: [0, 0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1],
  tpr: [0, 0.2, 0.38, 0.52, 0.68, 0.79, 0.88, 0.94, 0.98, 1],
};
const baselineCurve: RocCurveData = {
  fpr: [0, 0.1, 0.3, 0.5, 0.8, 1],
  tpr: [0, 0.3, 0.6, 0.78, 0.93, 1],
};

describe('rocChart', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'roc',
      rocChart(curve, {
        labels: rocLabels,
        aucText: 'AUC 0.842\nBefore 0.761',
        baseline: baselineCurve,
        document: createDocument(),
      }),
    );
  });

  it('renders an empty or malformed curve without NaN', () => {
    const empty = rocChart(
      { fpr: [], tpr: [] },
      { labels: rocLabels, aucText: '', document: createDocument() },
    );
    expectSvgSnapshot('rocEmpty', empty);
    expect(empty.tagName.toLowerCase()).toBe('svg');
    expect(html(empty)).not.toContain('NaN');
    const odd = rocChart(
      { fpr: [0, Number.NaN, 0.5, 1, 0.7], tpr: [0, 0.5, Number.POSITIVE_INFINITY, 1] },
      { labels: rocLabels, aucText: 'AUC —', baseline: { fpr: [0], tpr: [] }, document: createDocument() },
    );
    expect(html(odd)).not.toContain('NaN');
    expect(html(odd)).not.toContain('Infinity');
    // the model line keeps (0, 0) and (1, 1): a path with two points
    const model = odd.querySelector(`g[aria-label="line"][stroke="${seriesColors.model}"] path`);
    expect(model?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(2);
  });

  it('draws the model over a grey baseline and the dashed diagonal, with the AUC text', () => {
    const svg = rocChart(curve, {
      labels: rocLabels,
      aucText: 'AUC 0.842',
      baseline: baselineCurve,
      width: 400,
      document: createDocument(),
    });
    expect(svg.getAttribute('height')).toBe('390');
    const lines = [...svg.querySelectorAll('g[aria-label="line"]')];
    expect(lines.map((g) => g.getAttribute('stroke'))).toEqual([
      'currentColor',
      seriesColors.baseline,
      seriesColors.model,
    ]);
    expect(lines[0].getAttribute('stroke-dasharray')).toBe('4,3');
    expect(lines.map((g) => g.querySelector('title')?.textContent)).toEqual([
      'Random order',
      'Before',
      'Model',
    ]);
    expect(lines[2].querySelector('path')?.getAttribute('d')?.match(/[ML]/g)).toHaveLength(curve.fpr.length);
    const auc = svg.querySelector('g[aria-label="text"]');
    expect(auc?.textContent).toBe('AUC 0.842');
    expect(auc?.getAttribute('text-anchor')).toBe('end');
  });
});

// ─── cumulative gains ─────────────────────────────────────────────────────────────────────────────────────

const gainsLabels = {
  leads: 'Leads worked',
  wins: 'Wins captured',
  model: 'Model',
  perfect: 'Perfect order',
  random: 'Random order',
  baseline: 'Before',
};
const xs = Array.from({ length: 21 }, (_, i) => i / 20);
// win rate 20%: a perfect order has every win in the first 20% of leads
const gains: GainsData = {
  x: xs,
  model: xs.map((x) => 1 - (1 - x) ** 2.6),
  perfect: xs.map((x) => Math.min(1, x / 0.2)),
};
const baselineGains = { x: xs, model: xs.map((x) => 1 - (1 - x) ** 1.6) };

describe('gainsChart', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'gains',
      gainsChart(gains, { labels: gainsLabels, baseline: baselineGains, document: createDocument() }),
    );
  });

  it('renders empty curves without NaN, naming only the random line', () => {
    const empty = gainsChart(
      { x: [], model: [], perfect: [] },
      { labels: gainsLabels, document: createDocument() },
    );
    expectSvgSnapshot('gainsEmpty', empty);
    expect(html(empty)).not.toContain('NaN');
    expect(texts(empty)).toEqual(['Random order']);
    const flat = gainsChart(
      { x: [0, 1], model: [0, 0], perfect: [0, 0] },
      { labels: gainsLabels, baseline: { x: [], model: [] }, document: createDocument() },
    );
    expect(html(flat)).not.toContain('NaN');
    expect(texts(flat).sort()).toEqual(['Model', 'Perfect order', 'Random order']);
  });

  it('names each line with a text mark, perfect dotted, random dashed, axes in percent', () => {
    const svg = gainsChart(gains, {
      labels: gainsLabels,
      baseline: baselineGains,
      width: 640,
      height: 360,
      document: createDocument(),
    });
    const lines = [...svg.querySelectorAll('g[aria-label="line"]')];
    expect(lines.map((g) => g.querySelector('title')?.textContent)).toEqual([
      'Random order',
      'Perfect order',
      'Before',
      'Model',
    ]);
    expect(lines.map((g) => g.getAttribute('stroke-dasharray'))).toEqual(['4,3', '1,3', null, null]);
    expect(lines[2].getAttribute('stroke')).toBe(seriesColors.baseline);
    expect(texts(svg)).toEqual(['Random order', 'Perfect order', 'Model', 'Before']);
    // the model's name sits at its point farthest above the diagonal, above-left of it
    const best = xs.reduce((a, x, i) => (gains.model[i] - x > gains.model[a] - xs[a] ? i : a), 0);
    const name = [...svg.querySelectorAll('g[aria-label="text"]')][2];
    expect(name.getAttribute('text-anchor')).toBe('end');
    const xy = (el: Element | null | undefined) =>
      (el?.getAttribute('transform') ?? '').match(/[-\d.]+/g)!.map(Number);
    // Plot puts the position on the text and dx, dy on the group
    const [tx, ty] = xy(name.querySelector('text')).map((v, k) => v + xy(name)[k]);
    expect(tx).toBeCloseTo(40 + xs[best] * 580 - 6, 1);
    expect(ty).toBeCloseTo(20 + (1 - gains.model[best]) * 310 - 6, 1);
    const ticks = [...svg.querySelectorAll('g[aria-label="x-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(ticks).toContain('50%');
  });

  it('leaves the baseline unnamed without a baseline label', () => {
    const { baseline: _, ...labels } = gainsLabels;
    const svg = gainsChart(gains, { labels, baseline: baselineGains, document: createDocument() });
    expect(texts(svg)).toEqual(['Random order', 'Perfect order', 'Model']);
    expect(svg.querySelectorAll('g[aria-label="line"]')).toHaveLength(4);
  });
});

// ─── accuracy by quarter ─────────────────────────────────────────────────────────────────────────────────

const trendLabels = {
  quarter: 'Quarter created',
  auc: 'AUC',
  rate: 'Win rate',
  predicted: 'Predicted',
  actual: 'Actual',
  test: 'Test',
};
const trend: AccuracyTrendRow[] = [
  { label: '2023-Q1', auc: 0.78, meanP: 0.18, rate: 0.17, testShare: 0 },
  { label: '2023-Q2', auc: 0.81, meanP: 0.19, rate: 0.2, testShare: 0 },
  { label: '2023-Q3', auc: null, meanP: 0.2, rate: null, testShare: 0 },
  { label: '2023-Q4', auc: 0.79, meanP: 0.21, rate: 0.19, testShare: 0 },
  { label: '2024-Q1', auc: 0.77, meanP: 0.2, rate: 0.18, testShare: 0.4 },
  { label: '2024-Q2', auc: 0.74, meanP: 0.22, rate: 0.16, testShare: 1 },
  { label: '2024-Q3', auc: 0.71, meanP: 0.21, rate: 0.205, testShare: 1 },
];

describe('accuracyTrend', () => {
  it('matches the golden snapshot', () => {
    expectSvgSnapshot(
      'accuracyTrend',
      accuracyTrend(trend, { labels: trendLabels, document: createDocument() }),
    );
  });

  it('renders no quarters, or only null values, without NaN', () => {
    const empty = accuracyTrend([], { labels: trendLabels, document: createDocument() });
    expectSvgSnapshot('accuracyTrendEmpty', empty);
    expect(empty.querySelectorAll('svg')).toHaveLength(2);
    expect(html(empty)).not.toContain('NaN');
    const nulls = accuracyTrend(
      [
        { label: '2024-Q1', auc: null, meanP: null, rate: null, testShare: Number.NaN },
        { label: '2024-Q2', auc: null, meanP: null, rate: null, testShare: 1 },
      ],
      { labels: trendLabels, document: createDocument() },
    );
    expect(html(nulls)).not.toContain('NaN');
    expect(nulls.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(0);
    expect(texts(nulls)).toEqual(['Test']);
  });

  it('draws AUC on top and predicted vs actual below, skipping nulls and shading the test quarters', () => {
    const el = accuracyTrend(trend, {
      labels: trendLabels,
      width: 640,
      height: 320,
      document: createDocument(),
    });
    const [top, bottom] = [...el.querySelectorAll('svg')];
    expect(top.getAttribute('height')).toBe('144');
    expect(bottom.getAttribute('height')).toBe('176');
    expect(titles(top, 'g[aria-label="dot"] circle')).toEqual(
      trend.filter((r) => r.auc !== null).map((r) => `${r.label}\nAUC: ${r.auc!.toFixed(2)}`),
    );
    // the AUC line has a gap at 2023-Q3
    expect(top.querySelector('g[aria-label="line"] path')?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
    const dots = titles(bottom, 'g[aria-label="dot"] circle');
    expect(dots.filter((t) => t.includes('Predicted'))).toHaveLength(7);
    expect(dots.filter((t) => t.includes('Actual'))).toHaveLength(6);
    expect(dots).toContain('2024-Q3\nActual: 20.5%');
    // the same x positions in both panels
    const cx = (svg: Element) =>
      [...svg.querySelectorAll('g[aria-label="dot"] circle')].map((c) => c.getAttribute('cx'));
    expect(cx(top).slice(0, 3)).toEqual([0, 1, 3].map((i) => cx(bottom)[i]));
    // one partly and two fully tested quarters, shaded in both panels
    for (const svg of [top, bottom]) {
      expect(titles(svg, 'g[aria-label="bar"] rect')).toEqual([
        '2024-Q1\nTest: 40%',
        '2024-Q2\nTest: 100%',
        '2024-Q3\nTest: 100%',
      ]);
    }
    expect(texts(el)).toEqual(['Test', 'Predicted', 'Actual']);
    expect(el.querySelectorAll('g[aria-label="x-axis tick label"] text')).toHaveLength(trend.length);
  });

  it('pushes apart end labels that would overprint and thins crowded quarter labels', () => {
    const rows: AccuracyTrendRow[] = Array.from({ length: 24 }, (_, i) => ({
      label: `${2019 + Math.floor(i / 4)}-Q${(i % 4) + 1}`,
      auc: 0.8,
      meanP: 0.2,
      rate: 0.2,
      testShare: i >= 20 ? 1 : 0,
    }));
    const el = accuracyTrend(rows, { labels: trendLabels, width: 640, document: createDocument() });
    // both lines end at 20%: the names' marks are shifted 6 px up and down (Plot puts dy on the group)
    const ends = [...el.querySelectorAll('svg')[1].querySelectorAll('g[aria-label="text"]')].map((g) =>
      Number((g.getAttribute('transform') ?? '').match(/[-\d.]+/g)![1]),
    );
    expect(ends[1] - ends[0]).toBeCloseTo(12, 5);
    const ticks = el.querySelectorAll('g[aria-label="x-axis tick label"] text');
    expect(ticks.length).toBeLessThan(24);
    expect(ticks[0].textContent).toBe('2019-Q1');
  });

  it('wraps long end names in a narrow chart instead of widening the right margin', () => {
    const rows: AccuracyTrendRow[] = [
      { label: '2024-Q1', auc: 0.8, meanP: 0.2, rate: 0.2, testShare: 0 },
      { label: '2024-Q2', auc: 0.8, meanP: 0.2, rate: 0.2, testShare: 1 },
    ];
    const labels = { ...trendLabels, predicted: 'Predicted probability', actual: 'Actual conversion' };
    const el = accuracyTrend(rows, { labels, width: 380, document: createDocument() });
    const bottom = el.querySelectorAll('svg')[1];
    // the frame ends 76 px (a fifth of the width) before the right edge
    const frameRight = Math.max(
      ...[...bottom.querySelectorAll('g[aria-label="y-grid"] line')].map((l) => Number(l.getAttribute('x2'))),
    );
    expect(frameRight).toBe(380 - 76);
    const names = [...bottom.querySelectorAll('g[aria-label="text"]')];
    expect(names.map((g) => g.querySelectorAll('tspan').length)).toEqual([2, 2]);
    const dy = names.map((g) => Number((g.getAttribute('transform') ?? '').match(/[-\d.]+/g)![1]));
    // two two-line names centred on the same point: pushed 2 lines + 2 px apart
    expect(dy[1] - dy[0]).toBeCloseTo(22, 5);
  });

  it('lowers the AUC floor below 0.5 when a quarter is worse than random', () => {
    const el = accuracyTrend([{ label: '2024-Q1', auc: 0.42, meanP: 0.1, rate: 0.1, testShare: 0 }], {
      labels: trendLabels,
      document: createDocument(),
    });
    const ticks = [
      ...el.querySelectorAll('svg')[0].querySelectorAll('g[aria-label="y-axis tick label"] text'),
    ];
    expect(ticks[0].textContent).toBe('0.4');
  });
});

// ─── split timeline ──────────────────────────────────────────────────────────────────────────────────────

const splitLabels = { train: 'Training', test: 'Test', leads: 'Resolved leads' };
const split: SplitTimelineRow[] = [
  { label: '2023-Q1', train: 820, test: 0 },
  { label: '2023-Q2', train: 910, test: 0 },
  { label: '2023-Q3', train: 1040, test: 0 },
  { label: '2023-Q4', train: 990, test: 0 },
  { label: '2024-Q1', train: 420, test: 610 },
  { label: '2024-Q2', train: 0, test: 1120 },
];

describe('splitTimeline', () => {
  it('matches the golden snapshot', () => {
    expectSvgSnapshot(
      'splitTimeline',
      splitTimeline(split, { labels: splitLabels, document: createDocument() }),
    );
  });

  it('renders no quarters, or zero and invalid counts, without NaN', () => {
    const empty = splitTimeline([], { labels: splitLabels, document: createDocument() });
    expectSvgSnapshot('splitTimelineEmpty', empty);
    expect(empty.querySelector('svg')).not.toBeNull();
    expect(html(empty)).not.toContain('NaN');
    const zero = splitTimeline([{ label: '2024-Q1', train: 0, test: Number.NaN }], {
      labels: splitLabels,
      document: createDocument(),
    });
    expect(html(zero)).not.toContain('NaN');
    expect(titles(zero, 'g[aria-label="bar"] rect')[0]).toBe('2024-Q1\nTraining: 0\nTest: 0');
  });

  it('stacks train under test per quarter in the window colours, 140px high, with a legend', () => {
    const el = splitTimeline(split, { labels: splitLabels, document: createDocument() });
    const plot = [...el.querySelectorAll('svg')].find((s) => s.querySelector('g[aria-label="bar"]'));
    expect(plot?.getAttribute('height')).toBe('140');
    const bars = [...el.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(split.length * 2);
    const fills = bars.map((r) => r.getAttribute('fill'));
    expect(fills.filter((f) => f === seriesColors.train)).toHaveLength(split.length);
    expect(fills.filter((f) => f === seriesColors.test)).toHaveLength(split.length);
    // 2024-Q1: the test part sits on top of the training part
    const q1 = bars.filter((r) => r.querySelector('title')?.textContent?.startsWith('2024-Q1\n'));
    expect(q1.map((r) => r.querySelector('title')?.textContent)).toEqual([
      '2024-Q1\nTraining: 420\nTest: 610',
      '2024-Q1\nTraining: 420\nTest: 610',
    ]);
    const train = q1.find((r) => r.getAttribute('fill') === seriesColors.train)!;
    const test = q1.find((r) => r.getAttribute('fill') === seriesColors.test)!;
    expect(Number(test.getAttribute('y')) + Number(test.getAttribute('height'))).toBeCloseTo(
      Number(train.getAttribute('y')),
      5,
    );
    expect(el.textContent).toContain('Training');
    expect(el.textContent).toContain('Test');
  });
});
