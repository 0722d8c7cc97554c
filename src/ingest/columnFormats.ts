// The wizard's early look at a number column's decimal separator and the per-column read choices
// (decimal separator, missing-value markers) as load options and as preset entries. The load decides the
// separator again in SQL over every value (queries/ingest/number_profile.sql) with the same rule.

import type { ParseOptions } from './columnPlan';
import { columnKey, type ColumnKey } from './columns';
import type { ColumnMapping } from './mapping';
import { defaultMarkers } from './missing';
import { detectNumberFormat, type DecimalSeparator, type NumberDetection } from './numberFormat';
import type { PreparedFile } from './prepare';
import type { FileKind } from './roles';

export const DECIMALS: readonly DecimalSeparator[] = ['.', ','];

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const halfwidth = (s: string) =>
  s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');

// the same steps as number_text.sql and number_digits.sql
const numberText = (s: string) =>
  halfwidth(s)
    .replace(/[\s\u00A0\u202F'’]/g, '')
    .replace(
      /^(US\$|HK\$|CN¥|JP¥|RMB|USD|CNY|EUR|GBP|JPY|HKD)|(RMB|USD|CNY|EUR|GBP|JPY|HKD|人民币|元|円)$/gi,
      '',
    )
    .replace(/[$¥€£¢]/g, '');
const numberDigits = (t: string) =>
  t.replace(/^\((.*)\)$/, '$1').replace(/(k|mm|m|bn|b|千万|百万|千|万|亿)$/i, '');

const DOT = [
  /^[-+]?[0-9]*(,[0-9]{3})*\.([0-9]{1,2}|[0-9]{4,})$/,
  /^[-+]?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+$/,
  /^[-+]?([0-9]{4,}|0)\.[0-9]+$/,
  /^[-+]?[0-9]{1,3}(,[0-9]{3}){2,}$/,
];
const COMMA = [
  /^[-+]?[0-9]*(\.[0-9]{3})*,([0-9]{1,2}|[0-9]{4,})$/,
  /^[-+]?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+$/,
  /^[-+]?([0-9]{4,}|0),[0-9]+$/,
  /^[-+]?[0-9]{1,3}(\.[0-9]{3}){2,}$/,
];
const LONE = /^[-+]?[0-9]{1,3}[.,][0-9]{3}$/;

/** The decimal separator of a column's distinct values (value → rows), judged as the load judges it. */
export function decimalOf(values: ReadonlyMap<string, number>): NumberDetection {
  const profile = {
    values: 0,
    dotDecimal: 0,
    commaDecimal: 0,
    loneSeparator: 0,
    parentheses: 0,
    suffixes: [] as string[],
    currencies: [] as string[],
  };
  for (const [raw, n] of values) {
    const s = raw.trim();
    if (s === '') continue;
    profile.values += n;
    if (/^-?[0-9]+$/.test(s)) continue;
    const t = numberText(s);
    const d = numberDigits(t);
    if (DOT.some((r) => r.test(d))) profile.dotDecimal += n;
    if (COMMA.some((r) => r.test(d))) profile.commaDecimal += n;
    if (LONE.test(d)) profile.loneSeparator += n;
    if (/^\(.*\)$/.test(t)) profile.parentheses += n;
  }
  return detectNumberFormat(profile);
}

/** A markers field's text as a list: comma-separated, trimmed, lower-cased, no blanks or repeats. */
export function parseMarkers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((m) => m.trim().toLowerCase())
        .filter((m) => m !== ''),
    ),
  ];
}

/** The markers a column shows in the wizard: the user's list, else its defaults (the empty cell implied). */
export function shownMarkers(kind: FileKind, role: string, chosen?: readonly string[]): string[] {
  return chosen ? [...chosen] : defaultMarkers(kind, role).filter((m) => m !== '');
}

/** The read options the files' own choices make: decimal separators and markers under column keys. */
export function formatOptionsOf(
  files: readonly PreparedFile[],
): Pick<ParseOptions, 'decimalSeparators' | 'missingMarkers'> {
  const decimalSeparators: Partial<Record<ColumnKey, DecimalSeparator>> = {};
  const missingMarkers: Partial<Record<ColumnKey, readonly string[]>> = {};
  for (const f of files) {
    for (const [role, sep] of Object.entries(f.values?.decimals ?? {}))
      decimalSeparators[columnKey(f.kind, role)] = sep;
    for (const [role, list] of Object.entries(f.values?.markers ?? {}))
      missingMarkers[columnKey(f.kind, role)] = list;
  }
  return {
    ...(Object.keys(decimalSeparators).length > 0 ? { decimalSeparators } : {}),
    ...(Object.keys(missingMarkers).length > 0 ? { missingMarkers } : {}),
  };
}

// A preset's formats slot is header → text; a column's markers sit under its header with this suffix
// (a date column's order and a number column's separator under the bare header), joined by it too.
const SEP = '\u001f';
const markersKey = (header: string) => `${header}${SEP}missing`;

/** The preset's formats entries for these decimal and marker choices, keyed by the columns' headers. */
export function presetColumnFormats(
  headers: readonly string[],
  mapping: ColumnMapping,
  decimals: Readonly<Record<string, DecimalSeparator>> = {},
  markers: Readonly<Record<string, readonly string[]>> = {},
): Record<string, string> {
  const header = (role: string) => {
    const column = mapping[role] ?? null;
    return column === null ? undefined : headers[column];
  };
  const formats: Record<string, string> = {};
  for (const [role, sep] of Object.entries(decimals)) {
    const h = header(role);
    if (h !== undefined) formats[h] = sep;
  }
  for (const [role, list] of Object.entries(markers)) {
    const h = header(role);
    if (h !== undefined) formats[markersKey(h)] = list.join(SEP);
  }
  return formats;
}

/** The decimal and marker choices a preset's formats give the roles mapped now; unknown values ignored. */
export function columnFormatsFromPreset(
  headers: readonly string[],
  mapping: ColumnMapping,
  numberRoles: readonly string[],
  formats: Readonly<Record<string, string>>,
): { decimals: Record<string, DecimalSeparator>; markers: Record<string, string[]> } {
  const decimals: Record<string, DecimalSeparator> = {};
  const markers: Record<string, string[]> = {};
  for (const [role, column] of Object.entries(mapping)) {
    const h = column === null ? undefined : headers[column];
    if (h === undefined) continue;
    const sep = Object.hasOwn(formats, h) ? formats[h] : undefined;
    if (numberRoles.includes(role) && (DECIMALS as readonly string[]).includes(sep ?? ''))
      decimals[role] = sep as DecimalSeparator;
    const list = Object.hasOwn(formats, markersKey(h)) ? formats[markersKey(h)] : undefined;
    if (list !== undefined) markers[role] = list === '' ? [] : list.split(SEP);
  }
  return { decimals, markers };
}
