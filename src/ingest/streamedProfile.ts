// The first pass over a streamed upload: what the load must know of the whole file before it reads any
// row as canonical (the date columns' day/month shapes), and what it reports of the raw cells (missing
// markers, the quality panel's counts), summed chunk by chunk.

import type { SqlEngine } from '../db/engine';
import type { ColumnKey } from './columns';
import { fetchDateProfile, type ColumnPlan } from './columnPlan';
import { markerCounts } from './columnReport';
import type { DateProfile } from './dateFormat';
import { RAW_TABLE } from './mappedView';
import type { MissingCount } from './missing';
import { QualityCounter, type StreamedColumnStats } from './qualityStream';
import type { FileKind } from './roles';
import type { StreamedUpload } from './streamedUpload';

export interface StreamedProfile {
  dates: Map<ColumnKey, DateProfile>;
  /** Missing-marker counts per column key, as columnReport.ts's markerCounts gives them. */
  markers: Map<string, MissingCount[]>;
  quality: StreamedColumnStats[];
}

const EXAMPLES = 3;

/** Two chunks' date profiles as one: counts add, the examples are the first three in sort order. */
export function addDateProfiles(a: DateProfile, b: DateProfile): DateProfile {
  return {
    values: a.values + b.values,
    dayMonth: a.dayMonth + b.dayMonth,
    firstOver12: a.firstOver12 + b.firstOver12,
    secondOver12: a.secondOver12 + b.secondOver12,
    twoDigitYear: a.twoDigitYear + b.twoDigitYear,
    orderFree: a.orderFree + b.orderFree,
    examples: [...new Set([...a.examples, ...b.examples])].sort(byBytes).slice(0, EXAMPLES),
  };
}

// DuckDB orders text by its UTF-8 bytes: code points, not JS's UTF-16 units
function byBytes(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/**
 * Two chunks' marker counts of one column as one: a marker is its lower-cased spelling, shown as its first
 * spelling in sort order; commonest first (marker_counts.sql's order).
 */
export function addMarkerCounts(a: readonly MissingCount[], b: readonly MissingCount[]): MissingCount[] {
  const byKey = new Map<string, MissingCount>();
  for (const m of [...a, ...b]) {
    const key = m.marker.toLowerCase();
    const seen = byKey.get(key);
    byKey.set(
      key,
      seen
        ? { marker: byBytes(m.marker, seen.marker) < 0 ? m.marker : seen.marker, n: seen.n + m.n }
        : { marker: m.marker, n: m.n },
    );
  }
  return [...byKey.values()].sort((x, y) => y.n - x.n || byBytes(x.marker, y.marker));
}

/** Streams the upload once, profiling `dateColumns` (of `kind`), its missing markers and its raw cells. */
export async function profileStreamedUpload(
  engine: SqlEngine,
  kind: FileKind,
  upload: StreamedUpload,
  dateColumns: readonly ColumnPlan[],
): Promise<StreamedProfile> {
  const dates = new Map<ColumnKey, DateProfile>();
  const markers = new Map<string, MissingCount[]>();
  const quality = new QualityCounter(engine);
  await quality.start();
  await upload.forEach(async (part) => {
    for (const c of dateColumns) {
      const profile = await fetchDateProfile(engine, c.kind, c.role);
      const before = dates.get(c.key);
      dates.set(c.key, before ? addDateProfiles(before, profile) : profile);
    }
    for (const [key, counts] of await markerCounts(engine, kind))
      markers.set(key, addMarkerCounts(markers.get(key) ?? [], counts));
    await quality.add(RAW_TABLE[kind], part);
  });
  return { dates, markers, quality: await quality.finish() };
}
