// The wizard's early look at a date column's day/month order, from the values it scanned, so an
// ambiguous column is asked about once before loading. The load decides again in SQL over every value
// (queries/ingest/date_profile.sql) with the same rule (detectDateFormat) and the user's answer.

import { detectDateFormat, type DateDetection, type DateFormatId } from './dateFormat';
import type { ParseOptions } from './columnPlan';
import { columnKey } from './columns';
import type { PreparedFile } from './prepare';

// the pattern date_profile.sql uses for a numeric day/month value (05/01/2024, 5.1.24, 05-01-24 10:00)
const DAY_MONTH = /^([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4}|[0-9]{2})(?:[ T]|$)/;

/** The day/month shape of a column's distinct values (value → rows), judged as the load judges it. */
export function dateOrderOf(values: ReadonlyMap<string, number>): DateDetection {
  const profile = {
    values: 0,
    dayMonth: 0,
    firstOver12: 0,
    secondOver12: 0,
    twoDigitYear: 0,
    orderFree: 0,
    examples: [] as string[],
  };
  for (const [raw, n] of values) {
    const value = raw.trim();
    if (value === '') continue;
    profile.values += n;
    const m = DAY_MONTH.exec(value);
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    profile.dayMonth += n;
    if (a > 12 && b <= 12) profile.firstOver12 += n;
    if (b > 12 && a <= 12) profile.secondOver12 += n;
    if (m[3].length === 2) profile.twoDigitYear += n;
    if (profile.examples.length < 3) profile.examples.push(value);
  }
  return detectDateFormat(profile);
}

/** The read options the files' own choices make: each file's day/month orders under its column keys. */
export function parseOptionsOf(files: readonly PreparedFile[]): ParseOptions {
  const dateFormats: Partial<Record<`${string}.${string}`, DateFormatId>> = {};
  for (const f of files)
    for (const [role, order] of Object.entries(f.values?.dates ?? {}))
      if (order) dateFormats[columnKey(f.kind, role)] = order;
  return Object.keys(dateFormats).length > 0 ? { dateFormats } : {};
}
