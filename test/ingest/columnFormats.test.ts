import { describe, expect, it } from 'vitest';
import { dateOrderParam, detectDateFormat, type DateProfile } from '../../src/ingest/dateFormat';
import { defaultMarkers, markersFor } from '../../src/ingest/missing';
import { detectNumberFormat, type NumberProfile } from '../../src/ingest/numberFormat';

const dates = (p: Partial<DateProfile>): DateProfile => ({
  values: 10,
  dayMonth: 0,
  firstOver12: 0,
  secondOver12: 0,
  twoDigitYear: 0,
  orderFree: 0,
  examples: [],
  ...p,
});
const numbers = (p: Partial<NumberProfile>): NumberProfile => ({
  values: 10,
  dotDecimal: 0,
  commaDecimal: 0,
  loneSeparator: 0,
  parentheses: 0,
  suffixes: [],
  currencies: [],
  ...p,
});

describe('detectDateFormat', () => {
  it('decides from the whole column, never per row', () => {
    expect(detectDateFormat(dates({})).format).toBe('ymd');
    expect(detectDateFormat(dates({ dayMonth: 5, firstOver12: 1 })).format).toBe('dmy');
    expect(detectDateFormat(dates({ dayMonth: 5, secondOver12: 2 })).format).toBe('mdy');
    expect(detectDateFormat(dates({ dayMonth: 5 }))).toMatchObject({
      format: 'ambiguous',
      candidates: ['dmy', 'mdy'],
      reason: 'all-12-or-less',
    });
    // both kinds: the order more values need wins, and the choice stays open
    expect(detectDateFormat(dates({ dayMonth: 9, firstOver12: 1, secondOver12: 4 }))).toMatchObject({
      format: 'mdy',
      candidates: ['dmy', 'mdy'],
      reason: 'mixed',
    });
  });

  it('reads an ambiguous column only once the user has chosen', () => {
    const ambiguous = detectDateFormat(dates({ dayMonth: 3 }));
    expect(dateOrderParam(ambiguous, undefined)).toBe('');
    expect(dateOrderParam(ambiguous, 'dmy')).toBe('dmy');
    expect(dateOrderParam(detectDateFormat(dates({ dayMonth: 3, firstOver12: 1 })), 'mdy')).toBe('mdy');
  });
});

describe('detectNumberFormat', () => {
  it('takes the separator the values show, the commoner one when both occur, a point when none tells', () => {
    expect(detectNumberFormat(numbers({ commaDecimal: 3 }))).toMatchObject({
      decimal: ',',
      reason: 'values',
    });
    expect(detectNumberFormat(numbers({ dotDecimal: 1 }))).toMatchObject({ decimal: '.', reason: 'values' });
    expect(detectNumberFormat(numbers({ dotDecimal: 1, commaDecimal: 2 }))).toMatchObject({
      decimal: ',',
      reason: 'mixed',
    });
    expect(detectNumberFormat(numbers({ loneSeparator: 4 }))).toMatchObject({ decimal: '.', reason: 'none' });
  });
});

describe('missing-value markers', () => {
  it('keeps NA in region and country (North America, Namibia) and 无 in yes/no columns (it means no)', () => {
    expect(defaultMarkers('leads', 'industry')).toEqual(
      expect.arrayContaining(['', 'na', 'null', '-', 'select', '--none--', 'unknown', '未知', '无']),
    );
    expect(defaultMarkers('leads', 'region')).not.toContain('na');
    expect(defaultMarkers('leads', 'country')).not.toContain('na');
    expect(defaultMarkers('leads', 'budget_confirmed')).not.toContain('无');
    expect(defaultMarkers('leads', 'employees')).toContain('-1');
    expect(defaultMarkers('leads', 'annual_revenue')).not.toContain('-1');
    expect(defaultMarkers('leads', 'lead_id')).toContain('000000000000000aaa');
    expect(defaultMarkers('leads', 'owner')).toContain('000000000000000aaa');
  });

  it('replaces a column’s defaults with the given list, lower-cased, the empty cell always included', () => {
    expect(markersFor('deals', 'stage', { 'deals.stage': [' TBD ', 'Select'] })).toEqual([
      '',
      'tbd',
      'select',
    ]);
    expect(markersFor('deals', 'stage', { 'leads.industry': ['x'] })).toEqual(
      defaultMarkers('deals', 'stage'),
    );
  });
});
