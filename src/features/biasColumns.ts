import type { SqlEngine } from '../db/engine';
import { quoteIdent } from '../db/ident';
import { readNumericColumn } from '../db/schema';
import { readTextColumnInSteps } from '../db/readTextColumn';
import { DictionaryText, recode, textValues, type TextColumn } from '../db/textColumn';
import { fetchTable } from '../db/sql';
import { NO_DAY } from '../kernel/matrix';
import {
  categoryCodes,
  EMPLOYEE_EDGES,
  fixedBands,
  quantileBands,
  quarterBandsFromDays,
  topCategories,
  type Bands,
} from '../metrics/bias/bands';
import { BOOLEAN_FIELDS, CATEGORY_FIELDS, NUMERIC_FIELDS } from '../model/scenario';
import { OTHER_LABEL } from './segments';

/** The lead columns the Bias view can segment by, and how each is cut. */
export const BIAS_TEXT_COLUMNS = [...CATEGORY_FIELDS, ...BOOLEAN_FIELDS, 'job_title'] as const;
export const BIAS_NUMBER_COLUMNS = NUMERIC_FIELDS;
export type BiasColumn =
  (typeof BIAS_TEXT_COLUMNS)[number] | (typeof BIAS_NUMBER_COLUMNS)[number] | 'created_quarter';

export const isNumberColumn = (c: BiasColumn): c is (typeof BIAS_NUMBER_COLUMNS)[number] =>
  (BIAS_NUMBER_COLUMNS as readonly string[]).includes(c);

/** How a segment column is cut: categories (all, or the top N + other), numeric bands, quarters. */
export interface BiasCut {
  /** Categorical: keep the N most frequent values and fold the rest into "other"; null keeps all. */
  topN: number | null;
  /** Numeric: quantile bands (quintiles) or the fixed company-size edges 1–49 / 50–249 / 250–999 / 1000+. */
  bands: 'quantile' | 'fixed';
}

export const QUANTILE_BANDS = 5;

/** The segment columns a loaded leads file maps (a column it does not map has no values to judge). */
export function biasColumnsOf(mapping: Readonly<Record<string, string | number | null>>): BiasColumn[] {
  const mapped = (c: string) => mapping[c] !== null && mapping[c] !== undefined;
  return [
    ...BIAS_TEXT_COLUMNS.filter(mapped),
    ...BIAS_NUMBER_COLUMNS.filter(mapped),
    ...(mapped('created_at') ? (['created_quarter'] as const) : []),
  ];
}

/** Raw per-lead values of one column, fetched once per load and re-cut cheaply. */
export type BiasColumnValues =
  | { kind: 'text'; values: TextColumn }
  | { kind: 'number'; values: Float64Array }
  | { kind: 'days'; values: Int32Array };

export async function fetchBiasColumn(
  engine: SqlEngine,
  column: BiasColumn,
  createdDay: Int32Array,
): Promise<BiasColumnValues> {
  if (column === 'created_quarter') return { kind: 'days', values: createdDay };
  const number = isNumberColumn(column);
  const table = await fetchTable(
    engine,
    number ? 'features/lead_column_number' : 'features/lead_column_text',
    {
      identifiers: {
        column: quoteIdent(column, number ? BIAS_NUMBER_COLUMNS : BIAS_TEXT_COLUMNS),
      },
    },
  );
  return number
    ? { kind: 'number', values: readNumericColumn(table, 'value', 'float64') }
    : { kind: 'text', values: await readTextColumnInSteps(table, 'value') };
}

/** Segment codes (−1 = missing) and labels of a column under a cut; "other" is OTHER_LABEL. */
export function cutBiasColumn(column: BiasColumn, raw: BiasColumnValues, cut: BiasCut): Bands {
  if (raw.kind === 'days') {
    const days = Float64Array.from(raw.values, (d) => (d === NO_DAY ? NaN : d));
    return quarterBandsFromDays(days);
  }
  if (raw.kind === 'number') {
    const values = Array.from(raw.values, (v) => (Number.isNaN(v) ? null : v));
    return cut.bands === 'fixed' && column === 'employees'
      ? fixedBands(values, EMPLOYEE_EDGES, { integer: true })
      : quantileBands(values, QUANTILE_BANDS);
  }
  const all = textCategoryCodes(raw.values);
  return cut.topN === null ? all : topCategories(all.codes, all.labels, cut.topN, { other: OTHER_LABEL });
}

/** categoryCodes of a text column; a dictionary's values are cut once each, in first-appearance order. */
function textCategoryCodes(column: TextColumn): Bands {
  if (!(column instanceof DictionaryText)) return categoryCodes(textValues(column));
  const byValue = categoryCodes(column.values);
  return {
    codes: recode(column.codes, byValue.codes, new Int32Array(column.codes.length)),
    labels: byValue.labels,
  };
}
