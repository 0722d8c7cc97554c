import { describe, expect, it } from 'vitest';
import { scoreHistogram, type HistogramBin, type ThresholdMark } from '../../src/charts/scoreHistogram';
import { tierColor } from '../../src/charts/palette';
import { createDocument, expectSvgSnapshot } from './snapshot';

const labels = { score: 'Score', leads: 'Leads' };
const thresholds: ThresholdMark[] = [
  { tier: 'Hot', value: 70 },
  { tier: 'Worth attention', value: 30 },
];
// 20 bins of width 5; tier of the bin start: 0 (hot) from 70, 1 from 30, else 2.
const bins: HistogramBin[] = Array.from({ length: 20 }, (_, i) => ({
  x0: i * 5,
  x1: i * 5 + 5,
  count: Math.round(400 * Math.exp(-((i - 8) ** 2) / 18)),
  tierIndex: i * 5 >= 70 ? 0 : i * 5 >= 30 ? 1 : 2,
}));

describe('scoreHistogram', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'scoreHistogram',
      scoreHistogram(bins, thresholds, { labels, tierCount: 3, document: createDocument() }),
    );
  });

  it('renders an empty chart for no bins and no thresholds', () => {
    const svg = scoreHistogram([], [], { labels, tierCount: 0, document: createDocument() });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelectorAll('rect')).toHaveLength(0);
    const zero = scoreHistogram([{ x0: 0, x1: 100, count: 0, tierIndex: 0 }], [], {
      labels,
      tierCount: 1,
      document: createDocument(),
    });
    expect(zero.tagName.toLowerCase()).toBe('svg');
  });

  it('draws one bar per bin in its tier colour and one labelled rule per threshold', () => {
    const width = 640;
    const svg = scoreHistogram(bins, thresholds, { labels, tierCount: 3, width, document: createDocument() });
    const rects = [...svg.querySelectorAll('g[aria-label="rect"] rect')];
    expect(rects).toHaveLength(20);
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual(bins.map((b) => tierColor(b.tierIndex, 3)));
    const rules = [...svg.querySelectorAll('g[aria-label="rule"][stroke-dasharray] line')];
    expect(rules).toHaveLength(2);
    // x scale domain [0, 100] over Plot's default margins (left 40, right 20).
    const px = (v: number) => 40 + (v / 100) * (width - 40 - 20);
    expect(rules.map((l) => Number(l.getAttribute('x1'))).sort((a, b) => a - b)).toEqual([px(30), px(70)]);
    const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts.sort()).toEqual(['Hot 70', 'Worth attention 30']);
    expect(rects[0].querySelector('title')?.textContent).toBe('Score: 0–5\nLeads: 11');
  });
});
