import { describe, expect, it } from 'vitest';
import { LightDocument, lightMarkup, plainTree, SVG_NS } from '../../src/charts/lightDocument';
import { drawChart, drawInto, type ChartSpec } from '../../src/charts/registry';
import { patchChildren } from '../../src/components/patchDom';
import { createDocument, normalise } from './snapshot';

const light = () => new LightDocument();

describe('LightDocument', () => {
  it('builds elements, text and attributes as d3 and Plot call them', () => {
    const doc = light();
    const svg = doc.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('width', 10);
    const g = svg.appendChild(doc.createElementNS(SVG_NS, 'g'));
    const text = doc.createElementNS(SVG_NS, 'text');
    svg.insertBefore(text, g);
    text.textContent = 'a < b';
    g.append('x', doc.createElementNS(SVG_NS, 'title'));
    g.removeAttribute('none');
    svg.setAttribute('width', 12);
    expect(svg.firstChild).toBe(text);
    expect(text.nextSibling).toBe(g);
    expect(svg.children.map((c) => c.tagName)).toEqual(['text', 'g']);
    expect(svg.textContent).toBe('a < bx');
    expect(lightMarkup(svg)).toBe('<svg width="12"><text>a &lt; b</text><g>x<title></title></g></svg>');
    g.remove();
    expect(g.parentNode).toBeNull();
    expect(lightMarkup(svg)).toBe('<svg width="12"><text>a &lt; b</text></svg>');
    text.textContent = '';
    expect(text.childNodes).toHaveLength(0);
  });

  it('keeps inline style in the style attribute, set by property or by name', () => {
    const div = light().createElement('DIV');
    expect(div.tagName).toBe('DIV');
    div.style.maxWidth = 'initial';
    div.style.setProperty('columns', '3', 'important');
    expect(div.getAttribute('style')).toBe('max-width: initial; columns: 3 !important;');
    expect(div.style.maxWidth).toBe('initial');
    div.style.removeProperty('max-width');
    div.style.setProperty('columns', null);
    expect(div.hasAttribute('style')).toBe(false);
    div.style = 'color: red;';
    expect(div.style.getPropertyValue('color')).toBe('red');
    div.className = 'plot';
    expect(div.getAttribute('class')).toBe('plot');
  });

  it('refuses what a static chart never needs, instead of drawing something else', () => {
    const el = light().createElementNS(SVG_NS, 'g');
    expect(() => el.querySelectorAll('text')).toThrow(/querySelectorAll/);
    expect(() => el.addEventListener('pointermove')).toThrow(/event listener/);
    expect(() => el.getBBox()).toThrow(/getBBox/);
  });
});

/** Markup with each element's attributes sorted (a patched node keeps its old attribute order). */
function canonical(node: Node): string {
  if (node.nodeType === 3) return (node as Text).data.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const el = node as Element;
  const attributes = el
    .getAttributeNames()
    .sort()
    .map((n) => ` ${n}="${(el.getAttribute(n) ?? '').replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  return `<${el.localName}${attributes}>${[...el.childNodes].map(canonical).join('')}</${el.localName}>`;
}

const liveMarkup = (container: Element) => normalise([...container.childNodes].map(canonical).join(''));

function allNodes(root: Node): Node[] {
  const out: Node[] = [root];
  for (const c of root.childNodes) out.push(...allNodes(c));
  return out;
}

describe('patchChildren', () => {
  it('creates the tree in an empty element, then changes a same-shaped tree in place', () => {
    const doc = createDocument();
    const container = doc.createElement('figure');
    const draw = (width: number, label: string) => {
      const l = light();
      const svg = l.createElementNS(SVG_NS, 'svg');
      svg.setAttribute('width', width);
      const text = svg.appendChild(l.createElementNS(SVG_NS, 'text'));
      text.textContent = label;
      return svg;
    };
    patchChildren(container, [plainTree(draw(100, 'one'))]);
    expect(container.innerHTML).toBe('<svg width="100"><text>one</text></svg>');
    const before = allNodes(container.firstChild!);
    patchChildren(container, [plainTree(draw(120, 'two'))]);
    expect(container.innerHTML).toBe('<svg width="120"><text>two</text></svg>');
    expect(allNodes(container.firstChild!)).toEqual(before);
    expect(allNodes(container.firstChild!).every((n, i) => n === before[i])).toBe(true);
  });

  it('adds, removes and replaces children and attributes where the shape changed', () => {
    const doc = createDocument();
    const container = doc.createElement('div');
    container.innerHTML =
      '<svg><g class="a" opacity="0.5"><circle></circle>text</g><rect></rect><line></line></svg>';
    const kept = container.querySelector('g');
    const l = light();
    const svg = l.createElementNS(SVG_NS, 'svg');
    const g = svg.appendChild(l.createElementNS(SVG_NS, 'g'));
    g.setAttribute('class', 'b');
    g.append(l.createElementNS(SVG_NS, 'path'), l.createElementNS(SVG_NS, 'circle'));
    patchChildren(container, [plainTree(svg)]);
    expect(container.innerHTML).toBe('<svg><g class="b"><path></path><circle></circle></g></svg>');
    expect(container.querySelector('g')).toBe(kept);
    patchChildren(container, []);
    expect(container.childNodes).toHaveLength(0);
  });
});

// ─── every chart the views draw: through the light tree, the same DOM as drawn directly ──────────────────

const quarters = ['2024-Q1', '2024-Q2', '2024-Q3'];
/** A cell per quarter and tier (A, B) with the values `of` gives it. */
const quarterTierCells = <T extends object>(of: (q: number, t: number) => T) =>
  quarters.flatMap((quarter, q) =>
    ['A', 'B'].map((tier, t) => ({ quarter, tier, tierIndex: t, ...of(q, t) })),
  );
/** Two states of each chart: `k` 0 and 1 differ in values and, for most, in the number of marks. */
const charts: Record<string, (k: 0 | 1) => ChartSpec> = {
  scoreHistogram: (k) => ({
    kind: 'scoreHistogram',
    args: [
      Array.from({ length: 10 + k * 2 }, (_, i) => ({
        x0: i * 8,
        x1: i * 8 + 8,
        count: (i * 37 + k * 11) % 50,
        tierIndex: i < 4 ? 2 : i < 8 ? 1 : 0,
      })),
      [
        { tier: 'A', value: 70 - k * 5 },
        { tier: 'B', value: 30 },
      ],
      { labels: { score: 'Score', leads: 'Leads' }, tierCount: 3 },
    ],
  }),
  tierBySegment: (k) => ({
    kind: 'tierBySegment',
    args: [
      ['Web', 'Event', 'Partner'].slice(0, 2 + k).flatMap((segment, s) =>
        ['A', 'B', 'C'].map((tier, t) => ({
          segment,
          tier,
          tierIndex: t,
          count: 10 + s + t,
          share: (t + 1 + k) / 7,
        })),
      ),
      { labels: { share: 'Share', segment: 'Segment' }, tierNames: ['A', 'B', 'C'] },
    ],
  }),
  waterfall: (k) => ({
    kind: 'waterfall',
    args: [
      [
        { label: 'Fit', value: 30 + k * 4 },
        { label: 'Behaviour', value: 22 - k * 30 },
        { label: 'Score', value: 52 - k * 26, total: true },
      ],
      { labels: { value: 'Points' } },
    ],
  }),
  splitTimeline: (k) => ({
    kind: 'splitTimeline',
    args: [
      quarters.map((label, i) => ({ label, train: i < 2 ? 100 + i * k : 0, test: i >= 2 ? 40 + k : 0 })),
      { labels: { train: 'Train', test: 'Test', leads: 'Leads' } },
    ],
  }),
  reliability: (k) => ({
    kind: 'reliabilityDiagram',
    args: [
      Array.from({ length: 4 + k }, (_, i) => ({
        meanP: 0.1 + i * 0.2,
        rate: 0.08 + i * 0.18 + k * 0.01,
        low: 0.05 + i * 0.18,
        high: 0.12 + i * 0.18,
        n: 100 + i,
      })),
      {
        labels: {
          predicted: 'Predicted',
          actual: 'Actual',
          perfect: 'Perfect',
          leads: 'leads',
          baseline: 'Before',
        },
        baseline: k ? [{ meanP: 0.2, rate: 0.1, low: 0.05, high: 0.15, n: 40 }] : null,
      },
    ],
  }),
  roc: (k) => ({
    kind: 'rocChart',
    args: [
      { fpr: [0, 0.1, 0.3, 0.6, 1], tpr: [0, 0.4 + k * 0.1, 0.7, 0.9, 1] },
      {
        labels: { fpr: 'FPR', tpr: 'TPR', random: 'Random', model: 'Model', baseline: 'Before' },
        aucText: k ? 'AUC 0.81\nBefore 0.74' : 'AUC 0.78',
        baseline: { fpr: [0, 0.5, 1], tpr: [0, 0.6, 1] },
      },
    ],
  }),
  gains: (k) => {
    const x = Array.from({ length: 11 }, (_, i) => i / 10);
    return {
      kind: 'gainsChart',
      args: [
        { x, model: x.map((v) => 1 - (1 - v) ** (2 + k)), perfect: x.map((v) => Math.min(1, v / 0.2)) },
        {
          labels: { leads: 'Leads', wins: 'Wins', model: 'Model', perfect: 'Perfect', random: 'Random' },
        },
      ],
    };
  },
  accuracyTrend: (k) => ({
    kind: 'accuracyTrend',
    args: [
      quarters.map((label, i) => ({
        label,
        auc: i === 1 && k ? null : 0.75 + i * 0.02,
        meanP: 0.2 + k * 0.01,
        rate: 0.18 + i * 0.01,
        testShare: i === 2 ? 1 : 0,
      })),
      {
        labels: {
          quarter: 'Quarter',
          auc: 'AUC',
          rate: 'Rate',
          predicted: 'Predicted',
          actual: 'Actual',
          test: 'Test',
        },
      },
    ],
  }),
  biasDots: (k) => ({
    kind: 'biasDots',
    args: [
      ['Web', 'Event', 'Partner', 'Other'].slice(0, 3 + k).map((label, i) => ({
        label,
        actual: 0.1 + i * 0.05,
        low: 0.05 + i * 0.05,
        high: 0.15 + i * 0.05,
        expected: 0.12 + k * 0.02,
        flag: i === 0 ? 'under' : i === 3 ? 'too-few' : 'none',
        n: 100 * (i + 1),
      })),
      {
        labels: {
          rate: 'Rate',
          actual: 'Actual',
          expected: 'Expected',
          over: 'Over',
          under: 'Under',
          tooFew: 'Too few',
        },
      },
    ],
  }),
  disparityRatios: (k) => ({
    kind: 'disparityRatios',
    args: [
      ['Web', 'Event', 'Partner'].flatMap((label, i) =>
        ['Tier A share', 'Conversion'].map((metric) => ({
          label,
          metric,
          ratio: i === 0 ? 1 : 0.7 + i * 0.2 + k * 0.1,
          tooFew: i === 2 && k === 1,
          reference: i === 0,
        })),
      ),
      {
        labels: { ratio: 'Ratio', band: 'Parity band', reference: 'Reference', tooFew: 'Too few' },
      },
    ],
  }),
  gapHeatmap: (k) => ({
    kind: 'gapHeatmap',
    args: [
      ['Web', 'Event'].flatMap((row, i) =>
        ['S', 'M', 'L'].map((col, j) => ({
          row,
          col,
          gap: i === 1 && j === 2 ? null : (i - j) * 0.04 + k * 0.01,
          n: 50 + i + j,
          tooFew: i === 1 && j === 2,
          flag: i === 1 && j === 2 ? 'too-few' : j === 0 ? 'over' : 'none',
        })),
      ),
      { labels: { rows: 'Source', cols: 'Size', gap: 'Gap' } },
    ],
  }),
  revenueByTier: (k) => ({
    kind: 'revenueByTier',
    args: [
      quarterTierCells((q, t) => ({ revenue: (q + 1) * (t + 1) * 10_000 * (1 + k) })),
      { labels: { revenue: 'Revenue' }, tierCount: 2 },
    ],
  }),
  roiByTier: (k) => ({
    kind: 'roiByTier',
    args: [
      ['A', 'B', 'C'].map((tier, t) => ({ tier, tierIndex: t, roi: t === 2 && k ? null : 1.5 - t * 0.8 })),
      { labels: { roi: 'ROI' }, tierCount: 3 },
    ],
  }),
  conversionByTier: (k) => ({
    kind: 'conversionByTier',
    args: [
      quarterTierCells((q, t) => ({
        conversion: 0.3 - t * 0.1 + q * 0.01 * k,
        resolved: q === 0 && k ? 3 : 40,
      })),
      {
        labels: { conversion: 'Conversion', resolved: 'Resolved', fewResolved: 'Few' },
        tierCount: 2,
      },
    ],
  }),
  profitCurve: (k) => ({
    kind: 'profitCurve',
    args: [
      Array.from({ length: 11 }, (_, i) => ({
        share: i / 10,
        grossProfit: 1000 * i * (10 - i) * (1 + k * 0.1),
        feasible: i <= 8,
      })),
      {
        labels: {
          share: 'Share',
          profit: 'Profit',
          best: 'Best',
          capacity: 'Capacity',
          infeasible: 'Over capacity',
        },
        best: { share: 0.5, grossProfit: 25_000 * (1 + k * 0.1) },
        capacityShare: 0.8,
      },
    ],
  }),
};

describe('charts drawn through the light document', () => {
  for (const [name, spec] of Object.entries(charts)) {
    it(`${name}: patching the live DOM gives what Plot draws directly, first and on a redraw`, () => {
      const doc = createDocument();
      const container = doc.createElement('figure');
      for (const k of [0, 1] as const) {
        // through structuredClone, as the chart worker gets and sends them
        patchChildren(container, [structuredClone(drawChart(structuredClone(spec(k))))]);
        const direct = doc.createElement('figure');
        direct.append(drawInto(spec(k), createDocument()) as Element);
        expect(liveMarkup(container)).toBe(liveMarkup(direct));
      }
    });
  }

  it('a redraw with new values and the same marks keeps every DOM node of the chart', () => {
    const doc = createDocument();
    const container = doc.createElement('figure');
    const roc = (tpr: number) =>
      drawChart({
        kind: 'rocChart',
        args: [
          { fpr: [0, 0.2, 1], tpr: [0, tpr, 1] },
          { labels: { fpr: 'FPR', tpr: 'TPR', random: 'Random', model: 'Model' }, aucText: `AUC ${tpr}` },
        ],
      });
    patchChildren(container, [roc(0.5)]);
    const before = allNodes(container);
    patchChildren(container, [roc(0.7)]);
    const after = allNodes(container);
    expect(after.length).toBe(before.length);
    expect(after.every((n, i) => n === before[i])).toBe(true);
    expect(container.textContent).toContain('AUC 0.7');
  });

  it('money is formatted where the chart is drawn, from its locale and currency', () => {
    const points = [0, 0.5, 1].map((share) => ({ share, grossProfit: share * 2_000_000, feasible: true }));
    const options = { labels: { share: 'Share', profit: 'Profit' } };
    const text = (spec: ChartSpec) => {
      const doc = createDocument();
      const figure = doc.createElement('figure');
      patchChildren(figure, [drawChart(spec)]);
      return figure.textContent ?? '';
    };
    expect(
      text({ kind: 'profitCurve', args: [points, { ...options, money: { locale: 'en', currency: 'EUR' } }] }),
    ).toContain('€');
    expect(text({ kind: 'profitCurve', args: [points, options] })).not.toContain('€');
  });
});
