import { describe, expect, it } from 'vitest';
import { waterfall, type WaterfallStep } from '../../src/charts/waterfall';
import { createDocument, expectSvgSnapshot } from './snapshot';

const steps: WaterfallStep[] = [
  { label: 'Industry is Software', value: 12 },
  { label: 'Employees in [250, 5,000)', value: 12 },
  { label: 'Job title contains student', value: -8 },
  { label: 'demo_request', value: 25.2 },
  { label: 'call_no_answer', value: -4.1 },
  { label: 'Score', value: 37.1, total: true },
];

describe('waterfall', () => {
  it('matches the golden SVG', () => {
    expectSvgSnapshot(
      'waterfall',
      waterfall(steps, { labels: { value: 'Score' }, document: createDocument() }),
    );
  });

  it('chains each bar from the end of the previous one and starts totals at zero', () => {
    const svg = waterfall(steps, { labels: { value: 'Score' }, width: 600, document: createDocument() });
    const rects = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(rects).toHaveLength(6);
    const px = (r: Element) => [
      Number(r.getAttribute('x')),
      Number(r.getAttribute('x')) + Number(r.getAttribute('width')),
    ];
    // the scale is linear: the pixel width per score unit is the same for every bar
    const perUnit = (px(rects[0])[1] - px(rects[0])[0]) / 12;
    expect((px(rects[3])[1] - px(rects[3])[0]) / perUnit).toBeCloseTo(25.2, 1);
    // bar 2 starts where bar 1 ends (12 + 12 = 24), bar 3 goes back from 24 to 16
    expect(px(rects[1])[0]).toBeCloseTo(px(rects[0])[1], 5);
    expect(px(rects[2])[1]).toBeCloseTo(px(rects[1])[1], 5);
    // the total bar starts at zero, as the first bar does, and ends at 37.1
    expect(px(rects[5])[0]).toBeCloseTo(px(rects[0])[0], 5);
    expect((px(rects[5])[1] - px(rects[5])[0]) / perUnit).toBeCloseTo(37.1, 1);
    const texts = [...svg.querySelectorAll('g[aria-label="text"] text')].map((t) => t.textContent);
    expect(texts).toEqual(['+12', '+12', '-8', '+25.2', '-4.1', '37.1']);
  });

  it('renders an empty chart without steps', () => {
    expect(
      waterfall([], { labels: { value: 'Score' }, document: createDocument() }).tagName.toLowerCase(),
    ).toBe('svg');
  });
});
