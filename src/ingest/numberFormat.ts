// Decides a number column's decimal separator from all its values (BAD-INPUTS 11).

export type DecimalSeparator = '.' | ',';

/** Counts over a column's non-missing values (queries/ingest/number_profile.sql). */
export interface NumberProfile {
  values: number;
  /** Values whose separators only make sense with a decimal point (1,234.5 · 12.5 · 1,234,567). */
  dotDecimal: number;
  /** Values whose separators only make sense with a decimal comma (1.234,5 · 12,5 · 1.234.567). */
  commaDecimal: number;
  /** Values a lone separator before three digits leaves open (1,234 · 1.234). */
  loneSeparator: number;
  /** Parentheses negatives such as (1,234). */
  parentheses: number;
  /** Magnitude suffixes seen, lower-cased: k, m, mm, b, bn, 千, 万, 百万, 千万, 亿. */
  suffixes: string[];
  /** ISO codes of the currency symbols and codes seen ($ → USD, ¥ / 元 → CNY, € → EUR …). */
  currencies: string[];
}

/**
 * - 'values': the values show one separator and not the other;
 * - 'mixed': both kinds occur; the one more values need wins, the others are reported as bad numbers;
 * - 'none': no value tells (only whole numbers, or lone "1,234" / "1.234"): a decimal point is assumed,
 *   and loneSeparator says how many values the user may want to check.
 */
export type DecimalReason = 'values' | 'mixed' | 'none';

export interface NumberDetection {
  decimal: DecimalSeparator;
  reason: DecimalReason;
  profile: NumberProfile;
}

export function detectNumberFormat(profile: NumberProfile): NumberDetection {
  const { dotDecimal, commaDecimal } = profile;
  if (dotDecimal === 0 && commaDecimal === 0) return { decimal: '.', reason: 'none', profile };
  const decimal = commaDecimal > dotDecimal ? ',' : '.';
  return { decimal, reason: dotDecimal > 0 && commaDecimal > 0 ? 'mixed' : 'values', profile };
}
