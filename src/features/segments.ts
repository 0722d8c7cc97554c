import { DictionaryText, recode, type TextColumn } from '../db/textColumn';
import type { SegmentColumn } from '../kernel/protocol';

/** The segment columns of the Tiers view, in picker order. */
export const SEGMENT_KEYS = [
  'industry',
  'region',
  'country',
  'size_band',
  'lead_source',
  'owner',
  'created_quarter',
] as const;
export type SegmentKey = (typeof SEGMENT_KEYS)[number];

/** Values beyond this many (by frequency) fold into one "other" bucket, so charts stay legible. */
export const MAX_SEGMENT_VALUES = 15;

export interface EncodedSegment extends SegmentColumn {
  /** labels[code]; '' is the blank value; OTHER_LABEL the folded rest. */
  labels: string[];
}
export const OTHER_LABEL = '\u0000other';

/** Dictionary-encodes a text column, most frequent values first (quarters and bands in natural order). */
export function encodeSegment(column: TextColumn, natural: boolean): EncodedSegment {
  const { values, codes } = column instanceof DictionaryText ? column : dictionaryOf(column);
  const counts = new Map<string, number>();
  const perCode = new Float64Array(values.length);
  for (let i = 0; i < codes.length; i++) perCode[codes[i]]++;
  values.forEach((v, c) => counts.set(v, perCode[c]));
  let labels = [...counts.keys()];
  labels.sort(
    natural ? (a, b) => naturalOrder(a, b) : (a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b),
  );
  if (!natural && labels.length > MAX_SEGMENT_VALUES)
    labels = [...labels.slice(0, MAX_SEGMENT_VALUES - 1), OTHER_LABEL];
  const index = new Map(labels.map((l, i) => [l, i]));
  const other = index.get(OTHER_LABEL) ?? -1;
  const segmentOf = Int32Array.from(values, (v) => index.get(v) ?? other);
  return { codes: recode(codes, segmentOf, new Int32Array(codes.length)), count: labels.length, labels };
}

/** Codes by first appearance for a column kept as bytes (too many distinct values for a dictionary). */
function dictionaryOf(column: TextColumn): { values: string[]; codes: Int32Array } {
  const index = new Map<string, number>();
  const codes = new Int32Array(column.length);
  for (let i = 0; i < codes.length; i++) {
    const v = column.get(i);
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = index.size));
    codes[i] = code;
  }
  return { values: [...index.keys()], codes };
}

function naturalOrder(a: string, b: string): number {
  if (a === '') return 1;
  if (b === '') return -1;
  return a.localeCompare(b, 'en', { numeric: true });
}
