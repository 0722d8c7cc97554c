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
export function encodeSegment(values: readonly string[], natural: boolean): EncodedSegment {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let labels = [...counts.keys()];
  labels.sort(
    natural ? (a, b) => naturalOrder(a, b) : (a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b),
  );
  if (!natural && labels.length > MAX_SEGMENT_VALUES)
    labels = [...labels.slice(0, MAX_SEGMENT_VALUES - 1), OTHER_LABEL];
  const index = new Map(labels.map((l, i) => [l, i]));
  const other = index.get(OTHER_LABEL) ?? -1;
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = index.get(values[i]) ?? other;
  return { codes, count: labels.length, labels };
}

function naturalOrder(a: string, b: string): number {
  if (a === '') return 1;
  if (b === '') return -1;
  return a.localeCompare(b, 'en', { numeric: true });
}
