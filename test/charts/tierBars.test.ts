import { describe, expect, it } from 'vitest';
import { tierBars, type TierBarDatum } from '../../src/charts/tierBars';
import { tierColors } from '../../src/charts/palette';
import { createDocument, expectSvgSnapshot } from './snapshot';

const labels = { count: 'Leads', tier: 'Tier' };
const data: TierBarDatum[] = [
  { tier: 'Hot', count: 1200, share: 0.12 },
  { tier: 'Worth attention', count: 3300, share: 0.33 },
  { tier: 'Nurture', count: 5500, share: 0.55 },
];

describe('tierBars', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot('tierBars', tierBars(data, { labels, document: createDocument() }));
  });

  it('renders an empty chart for no tiers or zero counts', () => {
    const document = createDocument();
    const empty = tierBars([], { labels, document });
    expect(empty.tagName.toLowerCase()).toBe('svg');
    const zero = tierBars([{ tier: 'Hot', count: 0, share: 0 }], { labels, document });
    expect(zero.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(1);
    expect(zero.textContent).toContain('0 (0%)');
  });

  it('draws one bar per tier, best on top, with count (share) labels and tier colours', () => {
    const svg = tierBars(data, { labels, width: 500, height: 200, document: createDocument() });
    expect(svg.getAttribute('width')).toBe('500');
    expect(svg.getAttribute('height')).toBe('200');
    const rects = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(rects).toHaveLength(3);
    const ys = rects.map((r) => Number(r.getAttribute('y')));
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(rects.map((r) => r.getAttribute('fill'))).toEqual(tierColors(3));
    const widths = rects.map((r) => Number(r.getAttribute('width')));
    expect(widths[0] / widths[2]).toBeCloseTo(1200 / 5500, 6);
    const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['1,200 (12%)', '3,300 (33%)', '5,500 (55%)']);
    expect(rects[1].querySelector('title')?.textContent).toBe('Worth attention\nLeads: 3,300 (33%)');
  });

  it('renders titles as text, never markup', () => {
    const svg = tierBars([{ tier: '<b>x</b>', count: 1, share: 1 }], { labels, document: createDocument() });
    expect(svg.querySelector('b')).toBeNull();
    expect(svg.querySelector('title')?.textContent).toContain('<b>x</b>');
  });
});
