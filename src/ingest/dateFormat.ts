// Decides a date column's day/month order from all its values (BAD-INPUTS 10): never per row.

/**
 * A date column's order of day and month for numeric dates such as 05/01/2024:
 * - 'ymd': no numeric day/month values (ISO, YYYY/M/D, YYYY.M.D, 2024年1月5日, timestamps with T / zone);
 * - 'dmy': day first — D/M/YYYY, DD.MM.YYYY, DD-MM-YYYY, DD-MM-YY;
 * - 'mdy': month first — M/D/YYYY, MM-DD-YY.
 * Year-first dates and month names ("15 Apr, 2021 00:03:00", "Apr 15, 2021") are read in every order.
 * Two-digit years: 00–69 are 2000–2069, 70–99 are 1970–1999.
 */
export type DateFormatId = 'ymd' | 'dmy' | 'mdy';
export const DATE_FORMATS: readonly DateFormatId[] = ['ymd', 'dmy', 'mdy'];

/** Counts over a column's non-missing values (queries/ingest/date_profile.sql). */
export interface DateProfile {
  values: number;
  /** Numeric day/month values (05/01/2024, 5.1.24 …). */
  dayMonth: number;
  /** Day/month values whose first part is above 12 (so the first part is the day). */
  firstOver12: number;
  /** Day/month values whose second part is above 12 (so the first part is the month). */
  secondOver12: number;
  twoDigitYear: number;
  /** Values read without an order: year first, month names. */
  orderFree: number;
  /** Up to three day/month values, for the question the wizard asks. */
  examples: string[];
}

/**
 * How the column's order was decided:
 * - 'no-day-month': no numeric day/month value, so the order does not matter;
 * - 'first-over-12' / 'second-over-12': some value has a part above 12 in that position, none in the other;
 * - 'mixed': both kinds occur; the order that reads more values wins, the others are reported;
 * - 'all-12-or-less': every day/month value fits both orders — format is 'ambiguous', ask the user.
 */
export type DateReason = 'no-day-month' | 'first-over-12' | 'second-over-12' | 'mixed' | 'all-12-or-less';

export interface DateDetection {
  format: DateFormatId | 'ambiguous';
  /** Orders that read the column: one when decided, 'dmy' and 'mdy' when ambiguous or mixed. */
  candidates: DateFormatId[];
  reason: DateReason;
  profile: DateProfile;
}

export function detectDateFormat(profile: DateProfile): DateDetection {
  const { dayMonth, firstOver12, secondOver12 } = profile;
  if (dayMonth === 0) return { format: 'ymd', candidates: ['ymd'], reason: 'no-day-month', profile };
  if (firstOver12 > 0 && secondOver12 === 0)
    return { format: 'dmy', candidates: ['dmy'], reason: 'first-over-12', profile };
  if (secondOver12 > 0 && firstOver12 === 0)
    return { format: 'mdy', candidates: ['mdy'], reason: 'second-over-12', profile };
  if (firstOver12 > 0 && secondOver12 > 0) {
    const format = firstOver12 >= secondOver12 ? 'dmy' : 'mdy';
    return { format, candidates: ['dmy', 'mdy'], reason: 'mixed', profile };
  }
  return { format: 'ambiguous', candidates: ['dmy', 'mdy'], reason: 'all-12-or-less', profile };
}

/**
 * The order the SQL parse gets: the user's choice, else the detected one; '' leaves numeric day/month
 * dates of an ambiguous column unread (each reported as 'ambiguous_date') until the user chooses.
 */
export function dateOrderParam(
  detection: DateDetection,
  chosen: DateFormatId | undefined,
): '' | DateFormatId {
  if (chosen) return chosen;
  return detection.format === 'ambiguous' ? '' : detection.format;
}
