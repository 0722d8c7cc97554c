import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney, formatNumber, formatPercent } from '../../src/i18n/format';

describe('number formats', () => {
  it('groups digits and shows shares as percentages in both languages', () => {
    expect(formatCount('en', 12000)).toBe('12,000');
    expect(formatCount('zh-CN', 12000)).toBe('12,000');
    expect(formatPercent('en', 0.1234)).toBe('12.3%');
  });

  it('shows a dash for a division by zero, never NaN or ∞, and no negative zero', () => {
    expect(formatPercent('en', null)).toBe('—');
    expect(formatNumber('en', Number.NaN)).toBe('—');
    expect(formatNumber('en', Infinity)).toBe('—');
    expect(formatNumber('en', -0)).toBe('0.0');
    expect(formatNumber('en', -0.00001, 2)).toBe('0.00');
    expect(formatNumber('en', -4.92, 2)).toBe('-4.92');
  });
});

describe('formatMoney', () => {
  it('formats ISO currencies the locale’s way and other labels after the number, never NaN', () => {
    expect(formatMoney('en', 12345.6, 'USD')).toBe('$12,346');
    expect(formatMoney('zh-CN', 12345.6, 'CNY')).toBe('¥12,346');
    expect(formatMoney('en', -0.2, 'EUR')).toBe('€0');
    expect(formatMoney('en', 1500, 'credits')).toBe('1,500 credits');
    expect(formatMoney('en', null, 'USD')).toBe('—');
    expect(formatMoney('en', NaN, 'USD')).toBe('—');
  });
});
