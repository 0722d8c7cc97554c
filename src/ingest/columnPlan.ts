// Decides how each mapped column is read before the canonical tables are built: its missing-value
// markers, a date column's day/month order, a number column's decimal separator — detected from all the
// column's values, or as the load options say.

import type { SqlEngine } from '../db/engine';
import { quoteIdent } from '../db/ident';
import { fetchOne, run } from '../db/sql';
import { columnKey, DATE_ROLES, NUMBER_ROLES, type ColumnKey } from './columns';
import {
  dateOrderParam,
  detectDateFormat,
  type DateDetection,
  type DateFormatId,
  type DateProfile,
} from './dateFormat';
import { markersFor } from './missing';
import { detectNumberFormat, type DecimalSeparator, type NumberDetection } from './numberFormat';
import { ROLES, type FileKind } from './roles';

/** How cells are read; every field is optional and defaults to what the data shows. */
export interface ParseOptions {
  /** Day/month order per date column, e.g. { 'deals.closed_at': 'dmy' }; default: detected. */
  dateFormats?: Partial<Record<ColumnKey, DateFormatId>>;
  /** Decimal separator per number column, e.g. { 'deals.amount': ',' }; default: detected. */
  decimalSeparators?: Partial<Record<ColumnKey, DecimalSeparator>>;
  /** Missing-value markers per column, replacing its defaults (missing.ts); an empty cell is always missing. */
  missingMarkers?: Partial<Record<ColumnKey, readonly string[]>>;
  /** The load day (YYYY-MM-DD): later dates are future dates. Default: today on the local clock. */
  today?: string;
}

export const CLEAN_VIEW: Record<FileKind, string> = {
  leads: 'clean_leads',
  deals: 'clean_deals',
  activities: 'clean_activities',
  accounts: 'clean_accounts',
};

export interface DatePlan {
  detected: DateDetection;
  /** The order the cells were read with; null = ambiguous and not chosen (day/month cells unread). */
  used: DateFormatId | null;
}
export interface NumberPlan {
  detected: NumberDetection;
  used: DecimalSeparator;
}
export interface ColumnPlan {
  key: ColumnKey;
  kind: FileKind;
  role: string;
  markers: string[];
  date?: DatePlan;
  number?: NumberPlan;
}
export interface LoadPlan {
  today: string;
  /** The mapped columns of the loaded files. */
  columns: ColumnPlan[];
}

const joinList = (values: readonly string[]) => values.join('\u001f');
const splitList = (text: string) => (text === '' ? [] : text.split('\u001f'));

function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The day/month shapes of one date column of a clean view (queries/ingest/date_profile.sql). */
export async function fetchDateProfile(
  engine: SqlEngine,
  kind: FileKind,
  role: string,
): Promise<DateProfile> {
  const p = await fetchOne(
    engine,
    'ingest/date_profile',
    {
      values: { type: 'number' },
      day_month: { type: 'number' },
      first_over_12: { type: 'number' },
      second_over_12: { type: 'number' },
      two_digit_year: { type: 'number' },
      order_free: { type: 'number' },
      examples: { type: 'string' },
    },
    { identifiers: { view: CLEAN_VIEW[kind], column: quoteIdent(role, [role]) } },
  );
  return {
    values: p.values,
    dayMonth: p.day_month,
    firstOver12: p.first_over_12,
    secondOver12: p.second_over_12,
    twoDigitYear: p.two_digit_year,
    orderFree: p.order_free,
    examples: splitList(p.examples),
  };
}

async function numberDetection(engine: SqlEngine, kind: FileKind, role: string): Promise<NumberDetection> {
  const p = await fetchOne(
    engine,
    'ingest/number_profile',
    {
      values: { type: 'number' },
      dot_decimal: { type: 'number' },
      comma_decimal: { type: 'number' },
      lone_separator: { type: 'number' },
      parentheses: { type: 'number' },
      suffixes: { type: 'string' },
      currencies: { type: 'string' },
    },
    { identifiers: { view: CLEAN_VIEW[kind], column: quoteIdent(role, [role]) } },
  );
  return detectNumberFormat({
    values: p.values,
    dotDecimal: p.dot_decimal,
    commaDecimal: p.comma_decimal,
    loneSeparator: p.lone_separator,
    parentheses: p.parentheses,
    suffixes: splitList(p.suffixes).sort(),
    currencies: splitList(p.currencies).sort(),
  });
}

/**
 * Builds the missing-marker table and the clean_* views over the mapped views (which must exist for every
 * kind); returns the mapped columns of the loaded kinds, not yet profiled (profileColumns).
 */
export async function createCleanViews(
  engine: SqlEngine,
  mapped: Partial<Record<FileKind, readonly string[]>>,
  options: ParseOptions = {},
): Promise<ColumnPlan[]> {
  const keys: string[] = [];
  const markers: string[] = [];
  const columns: ColumnPlan[] = [];
  for (const kind of Object.keys(ROLES) as FileKind[]) {
    for (const role of ROLES[kind]) {
      const list = markersFor(kind, role, options.missingMarkers);
      for (const m of list) {
        keys.push(columnKey(kind, role));
        markers.push(m);
      }
      if (mapped[kind]?.includes(role))
        columns.push({ key: columnKey(kind, role), kind, role, markers: list });
    }
  }
  await run(engine, 'ingest/missing_markers', { params: [joinList(keys), joinList(markers)] });
  await run(engine, 'ingest/missing_marker_map');
  for (const kind of Object.keys(ROLES) as FileKind[]) await run(engine, `ingest/${CLEAN_VIEW[kind]}`);
  return columns;
}

/** The mapped date columns of a kind (a streamed upload profiles them while it streams). */
export function dateColumnsOf(columns: readonly ColumnPlan[], kind: FileKind): ColumnPlan[] {
  return columns.filter((c) => c.kind === kind && DATE_ROLES[c.kind].includes(c.role));
}

/**
 * Decides each mapped date and number column's reading from its profile: queried from its clean view, or
 * given in `profiled` (a streamed upload's, summed over its chunks).
 */
export async function profileColumns(
  engine: SqlEngine,
  columns: ColumnPlan[],
  options: ParseOptions = {},
  profiled: ReadonlyMap<ColumnKey, DateProfile> = new Map(),
): Promise<LoadPlan> {
  for (const c of columns) {
    if (DATE_ROLES[c.kind].includes(c.role)) {
      const profile = profiled.get(c.key) ?? (await fetchDateProfile(engine, c.kind, c.role));
      const detected = detectDateFormat(profile);
      const used = dateOrderParam(detected, options.dateFormats?.[c.key]);
      c.date = { detected, used: used === '' ? null : used };
    } else if (NUMBER_ROLES[c.kind].includes(c.role)) {
      const detected = await numberDetection(engine, c.kind, c.role);
      c.number = { detected, used: options.decimalSeparators?.[c.key] ?? detected.decimal };
    }
  }
  return { today: options.today ?? localDay(new Date()), columns };
}

/** The SQL parameter for a date column's order ('' = undecided or unmapped). */
export function dateParam(plan: LoadPlan, kind: FileKind, role: string): string {
  return plan.columns.find((c) => c.kind === kind && c.role === role)?.date?.used ?? '';
}

/** The SQL parameter for a number column's decimal separator ('' = unmapped: the tolerant default). */
export function decimalParam(plan: LoadPlan, kind: FileKind, role: string): string {
  return plan.columns.find((c) => c.kind === kind && c.role === role)?.number?.used ?? '';
}
