import { describe, expect, it } from 'vitest';
import { tierBySegment, type TierSegmentDatum } from '../../src/charts/tierBySegment';
import { tierColors } from '../../src/charts/palette';
import { createDocument, expectSvgSnapshot } from './snapshot';

const labels = { share: 'Share of leads', segment: 'Industry' };
const tierNames = ['Hot', 'Worth attention', 'Nurture'];
const counts: Record<string, number[]> = {
  Software: [120, 300, 180],
  Manufacturing: [40, 160, 400],
  Retail: [10, 90, 300],
  Healthcare: [0, 0, 0],
};
// Tiers listed worst first on purpose: the chart must stack best first regardless of input order.
const data: TierSegmentDatum[] = Object.entries(counts).flatMap(([segment, c]) => {
  const total = c.reduce((a, b) => a + b, 0);
  return [2, 1, 0].map((tierIndex) => ({
    segment,
    tier: tierNames[tierIndex],
    tierIndex,
    count: c[tierIndex],
    share: total ? c[tierIndex] / total : 0,
  }));
});

describe('tierBySegment', () => {
  it('matches the golden snapshot', () => {
    expectSvgSnapshot(
      'tierBySegment',
      tierBySegment(data, { labels, tierNames, document: createDocument() }),
    );
  });

  it('renders an empty chart for no rows', () => {
    const el = tierBySegment([], { labels, tierNames, document: createDocument() });
    expect(el.querySelector('svg')).not.toBeNull();
    const none = tierBySegment([], { labels, tierNames: [], document: createDocument() });
    expect(none.querySelector('svg') ?? none).not.toBeNull();
  });

  it('draws segments × tiers rects, segments in the given order, best tier leftmost', () => {
    const el = tierBySegment(data, { labels, tierNames, width: 600, document: createDocument() });
    const rects = [...el.querySelectorAll('g[aria-label="bar"] rect')];
    expect(rects).toHaveLength(4 * 3);
    const ticks = [...el.querySelectorAll('g[aria-label="y-axis tick label"] text')].map(
      (t) => t.textContent,
    );
    expect(ticks).toEqual(Object.keys(counts));
    const software = rects
      .filter((r) => r.querySelector('title')?.textContent?.startsWith('Software\n'))
      .sort((a, b) => Number(a.getAttribute('x')) - Number(b.getAttribute('x')));
    expect(software.map((r) => r.getAttribute('fill'))).toEqual(tierColors(3));
    const widths = software.map((r) => Number(r.getAttribute('width')));
    expect(widths[0] / widths[1]).toBeCloseTo(120 / 300, 6);
    expect(software[0].querySelector('title')?.textContent).toBe('Software\nHot: 20% (120)');
    expect(el.textContent).toContain('Worth attention');
  });
});
