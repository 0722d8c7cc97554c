// What kind of values a column holds, judged on the preview rows (the load report has the final word).

import { parseBoolean } from './values';

export type ValueKind = 'date' | 'number' | 'boolean' | 'text' | 'empty';

export interface ColumnProfile {
  kind: ValueKind;
  /** Non-empty values looked at. */
  filled: number;
  /** Non-empty values that are not of the column's kind (0 for text and empty). */
  failing: number;
  /** Values in scientific notation (1.23457E+17): an id Excel has rounded. */
  scientific: number;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[AP]M))?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, 'i');
const CJK_YMD = /^(\d{4})年(\d{1,2})月(\d{1,2})日/;
const DMY_OR_MDY = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})${TIME}$`, 'i');
const NAMED_MONTH = new RegExp(
  String.raw`^(?:\d{1,2}[ -](?:${MONTHS})[a-z]*,?[ -]\d{2,4}|(?:${MONTHS})[a-z]* \d{1,2},? \d{4})(?:,? \d{1,2}:\d{2}(?::\d{2})?)?$`,
  'i',
);

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** Whether a value reads as a date in some common layout; impossible days (2024-02-30) do not. */
export function isDateLike(value: string): boolean {
  const v = value.trim();
  const ymd = YMD.exec(v) ?? CJK_YMD.exec(v);
  if (ymd) return validDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  const ambiguous = DMY_OR_MDY.exec(v);
  if (ambiguous) {
    const [a, b] = [Number(ambiguous[1]), Number(ambiguous[2])];
    const year = ambiguous[3].length === 2 ? 2000 + Number(ambiguous[3]) : Number(ambiguous[3]);
    return validDate(year, b, a) || validDate(year, a, b);
  }
  return NAMED_MONTH.test(v);
}

const GROUPED = /^\d{1,3}(?:([,.' \u00a0])\d{3})*(?:[.,]\d+)?$/;
const PLAIN = /^\d*(?:[.,]\d+)?$/;
const SCIENTIFIC = /^[-+]?\d+(?:\.\d+)?e[-+]?\d+$/i;

/**
 * Whether a value reads as a number or an amount: grouping, decimal comma, currency symbols or codes,
 * K/M/万/亿/% suffixes, parentheses negatives.
 */
export function isNumberLike(value: string): boolean {
  let v = value.trim();
  if (SCIENTIFIC.test(v)) return true;
  if (/^\(.*\)$/.test(v)) v = v.slice(1, -1).trim();
  v = v
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '')
    .replace(/^[-+]/, '')
    .replace(/^[$€£¥￥₹]\s*/, '')
    .replace(/^[-+]/, '')
    .replace(/\s*(?:[kKmM]|万|亿|%)$/, '')
    .trim();
  if (v === '' || !/\d/.test(v)) return false;
  return PLAIN.test(v) || GROUPED.test(v);
}

/** Profiles a column from its preview values; a kind needs at least half of the filled values. */
export function profileColumn(values: readonly string[]): ColumnProfile {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '');
  const n = filled.length;
  const scientific = filled.filter((v) => SCIENTIFIC.test(v)).length;
  if (n === 0) return { kind: 'empty', filled: 0, failing: 0, scientific };
  const numbers = filled.filter(isNumberLike).length;
  const booleans = filled.filter((v) => parseBoolean(v) !== null).length;
  if (booleans === n && numbers < n) return { kind: 'boolean', filled: n, failing: 0, scientific };
  const dates = filled.filter(isDateLike).length;
  const best: [ValueKind, number] = dates >= numbers ? ['date', dates] : ['number', numbers];
  if (best[1] * 2 < n) return { kind: 'text', filled: n, failing: 0, scientific };
  return { kind: best[0], filled: n, failing: n - best[1], scientific };
}
