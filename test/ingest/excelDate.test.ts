// Excel serial dates and number formats; expected dates are the ones Excel shows for these serials.
import { describe, expect, it } from 'vitest';
import { dateKindOf, serialToIso } from '../../src/ingest/excelDate';
import { isTotalsLabel } from '../../src/ingest/sheetTable';

describe('dateKindOf: only a date number format makes a number a date', () => {
  it('knows the built-in formats (14–22, 45–47, the East-Asian 27–36 and 50–58) and nothing else', () => {
    expect([14, 15, 16, 17, 22, 18, 21, 45, 27, 31, 57, 32].map((id) => dateKindOf(id, undefined))).toEqual([
      'date',
      'date',
      'date',
      'date',
      'datetime',
      'time',
      'time',
      'time',
      'date',
      'date',
      'date',
      'time',
    ]);
    expect([0, 1, 2, 3, 4, 9, 10, 11, 37, 44, 49].map((id) => dateKindOf(id, undefined))).toEqual(
      Array(11).fill(null),
    );
  });

  it('reads custom codes: quoted text, [colour]/[$-locale] tags, escapes and General are no date parts', () => {
    const kind = (code: string) => dateKindOf(164, code);
    expect(kind('yyyy/m/d h:mm')).toBe('datetime');
    expect(kind('yyyy"年"m"月"d"日"')).toBe('date');
    expect(kind('[Red][$-804]yyyy-mm-dd;@')).toBe('date');
    expect(kind('mmm-yy')).toBe('date');
    expect(kind('h:mm AM/PM')).toBe('time');
    expect(kind('[h]:mm:ss')).toBe('time');
    expect(kind('mm:ss')).toBe('time');
    expect(kind('General')).toBeNull();
    expect(kind('#,##0.00 "days"')).toBeNull();
    expect(kind('0.00E+00')).toBeNull();
    expect(kind('[$¥-804]#,##0.00')).toBeNull();
    expect(kind('"Total: "0')).toBeNull();
  });
});

describe('serialToIso: the 1900 and 1904 date systems', () => {
  it('gives the dates Excel shows in the 1900 system, around its fictitious 1900-02-29', () => {
    expect(serialToIso(45292, 'date', false)).toBe('2024-01-01');
    expect(serialToIso(1, 'date', false)).toBe('1900-01-01');
    expect(serialToIso(59, 'date', false)).toBe('1900-02-28');
    expect(serialToIso(60, 'date', false)).toBeNull(); // 1900-02-29 never existed
    expect(serialToIso(61, 'date', false)).toBe('1900-03-01');
    expect(serialToIso(2958465, 'date', false)).toBe('9999-12-31');
    expect(serialToIso(2958466, 'date', false)).toBeNull();
    expect(serialToIso(-1, 'date', false)).toBeNull();
  });

  it('counts from 1904-01-01 in the 1904 system (1462 days later for the same serial)', () => {
    expect(serialToIso(0, 'date', true)).toBe('1904-01-01');
    expect(serialToIso(45292 - 1462, 'date', true)).toBe('2024-01-01');
  });

  it('keeps a time whenever the format shows one or the serial has one, rounded to the second', () => {
    expect(serialToIso(45292.5, 'datetime', false)).toBe('2024-01-01 12:00:00');
    expect(serialToIso(45292, 'datetime', false)).toBe('2024-01-01 00:00:00');
    expect(serialToIso(45292.75, 'date', false)).toBe('2024-01-01 18:00:00');
    expect(serialToIso(45292 + 0.9999999, 'date', false)).toBe('2024-01-02');
    expect(serialToIso(0.25, 'time', false)).toBe('06:00:00');
  });
});

describe('isTotalsLabel: the first cells of a totals row', () => {
  it('takes 合计 / 总计 / 小计 / Total / Sum / Grand Total(s), with a colon or a count after them', () => {
    for (const label of [
      '合计',
      '合 计',
      '總計',
      '总计：',
      '小计',
      'Total',
      'TOTAL',
      'Totals',
      'Sum',
      'Grand Total',
      'Grand Totals (57 records)',
      'Subtotal',
      'Total:',
    ])
      expect(isTotalsLabel(label), label).toBe(true);
  });

  it('leaves company names and words that merely start like one', () => {
    for (const label of [
      'Total Solutions Inc',
      'Summit Ltd',
      '合计金额',
      '总和科技',
      'Totalenergies',
      'Sum Corp',
      '',
    ])
      expect(isTotalsLabel(label), label).toBe(false);
  });
});
