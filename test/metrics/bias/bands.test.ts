import { describe, expect, it } from 'vitest';
import {
  categoryCodes,
  EMPLOYEE_EDGES,
  fixedBands,
  quantileBands,
  quarterBandsFromDays,
  quarterBandsFromIso,
  topCategories,
} from '../../../src/metrics/bias/bands';

describe('numeric bands', () => {
  it('fixed employee bands 1–49 / 50–249 / 250–999 / 1000+', () => {
    const b = fixedBands([3, 49, 50, 249, 250, 999, 1000, 50000, NaN], EMPLOYEE_EDGES);
    expect(b.labels).toEqual(['1–49', '50–249', '250–999', '1000+']);
    expect(Array.from(b.codes)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, -1]);
  });

  it('adds a leading "<a" band only when values fall below, and labels non-integer edges [a, b)', () => {
    const b = fixedBands([0, 0.5, 1.2, 3], [0.5, 1.5]);
    expect(b.labels).toEqual(['<0.5', '[0.5, 1.5)', '1.5+']);
    expect(Array.from(b.codes)).toEqual([0, 1, 1, 2]);
  });

  it('quantile bands of about equal size, labelled by the values inside', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    const b = quantileBands(values, 4);
    expect(b.labels).toEqual(['1–25', '26–50', '51–75', '76–100']);
    const sizes = [0, 0, 0, 0];
    for (const c of b.codes) sizes[c]++;
    expect(sizes).toEqual([25, 25, 25, 25]);
  });

  it('merges quantile bands on heavy ties and keeps missing values at −1', () => {
    const b = quantileBands([1, 1, 1, 1, 1, 1, 1, 2, 3, null, NaN], 5);
    // starts at ranks ⌊k·9/5⌋ = 1, 3, 5, 7 → values 1, 1, 1, 2: the three 1s merge into band 0
    expect(b.labels).toEqual(['1', '2–3']);
    expect(Array.from(b.codes)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, -1, -1]);
    expect(b.starts).toEqual([1, 2]);
    expect(quantileBands([NaN], 3).labels).toEqual([]);
  });

  it('handles negative values', () => {
    const b = quantileBands([-5, -1, 0, 2], 2);
    expect(b.labels).toEqual(['-5–-1', '0–2']);
  });
});

describe('quarters', () => {
  it('from ISO strings, contiguous from the first to the last quarter', () => {
    const b = quarterBandsFromIso([
      '2024-01-01',
      '2024-12-31T23:59:59Z',
      '2025/7/4',
      '',
      null,
      'soon',
      '2024-13-01',
    ]);
    expect(b.labels).toEqual(['2024 Q1', '2024 Q2', '2024 Q3', '2024 Q4', '2025 Q1', '2025 Q2', '2025 Q3']);
    expect(Array.from(b.codes)).toEqual([0, 3, 6, -1, -1, -1, -1]);
  });

  it('from epoch days, matching the UTC calendar', () => {
    const day = (iso: string) => Date.parse(iso) / 86400000;
    const b = quarterBandsFromDays([day('2026-03-31'), day('2026-04-01'), day('1969-12-31'), NaN]);
    expect(b.labels[0]).toBe('1969 Q4');
    expect(b.labels[b.labels.length - 1]).toBe('2026 Q2');
    expect(b.labels[b.codes[0]]).toBe('2026 Q1');
    expect(b.codes[3]).toBe(-1);
    for (let d = -800; d < 40000; d += 37) {
      const iso = new Date(d * 86400000).toISOString();
      const q = quarterBandsFromDays([d]);
      expect(q.labels[0]).toBe(quarterBandsFromIso([iso]).labels[0]);
    }
  });
});

describe('categories', () => {
  it('codes trimmed values in order of first appearance, blanks missing', () => {
    const b = categoryCodes(['Retail', ' Software', '', null, 'Retail ', undefined]);
    expect(b.labels).toEqual(['Retail', 'Software']);
    expect(Array.from(b.codes)).toEqual([0, 1, -1, -1, 0, -1]);
  });

  it('keeps the top N by frequency and folds the rest into Other', () => {
    const b = topCategories([0, 1, 1, 2, 2, 2, 3, -1, 4], ['a', 'b', 'c', 'd', '(blank)'], 2, {
      missingCode: 4,
      other: 'Andere',
    });
    expect(b.labels).toEqual(['c', 'b', 'Andere']);
    expect(Array.from(b.codes)).toEqual([2, 1, 1, 0, 0, 0, 2, -1, -1]);
    expect(topCategories([0, 1], ['a', 'b'], 5).labels).toEqual(['a', 'b']);
  });
});
