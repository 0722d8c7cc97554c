// The user's say on what a stage or yes/no value means, laid over the suggestion from values.ts.

import type { DateFormatId } from './dateFormat';
import type { DecimalSeparator } from './numberFormat';
import { parseBoolean, stageOutcomes, type Outcome } from './values';

/** Trimmed raw value → meaning. Stage values belong to a deals file, yes/no values to a leads file. */
export interface ValueOverrides {
  stage?: Record<string, Outcome>;
  booleans?: Record<string, boolean | null>;
  /** Date role → the day/month order its numeric dates are read in (the wizard's answer). */
  dates?: Record<string, DateFormatId>;
  /** Number role → the decimal separator its values are read with (the wizard's override). */
  decimals?: Record<string, DecimalSeparator>;
  /** Role → its missing-value markers, replacing the column's defaults (the wizard's override). */
  markers?: Record<string, string[]>;
}

/** Each value's outcome: the user's choice where given, the suggestion otherwise. */
export function overrideOutcomes(
  suggested: Record<Outcome, string[]>,
  overrides: Record<string, Outcome> = {},
): Record<Outcome, string[]> {
  const all = [...suggested.won, ...suggested.lost, ...suggested.open];
  const meaning = (v: string): Outcome =>
    Object.hasOwn(overrides, v)
      ? overrides[v]
      : suggested.won.includes(v)
        ? 'won'
        : suggested.lost.includes(v)
          ? 'lost'
          : 'open';
  return {
    won: all.filter((v) => meaning(v) === 'won'),
    lost: all.filter((v) => meaning(v) === 'lost'),
    open: all.filter((v) => meaning(v) === 'open'),
  };
}

/** Each yes/no value's meaning: the user's choice where given, the spelling's suggestion otherwise. */
export function overrideBooleans(
  values: readonly string[],
  suggest: (value: string) => boolean | null,
  overrides: Record<string, boolean | null> = {},
): { yes: string[]; no: string[]; unknown: string[] } {
  const meaning = (v: string) => (Object.hasOwn(overrides, v) ? overrides[v] : suggest(v));
  return {
    yes: values.filter((v) => meaning(v) === true),
    no: values.filter((v) => meaning(v) === false),
    unknown: values.filter((v) => meaning(v) === null),
  };
}

/** What each stage value means now: the suggestion for the whole column, then the user's choices. */
export function stageMeanings(
  values: readonly string[],
  overrides?: Record<string, Outcome>,
): Map<string, Outcome> {
  const outcomes = overrideOutcomes(stageOutcomes(values), overrides);
  return new Map((['won', 'lost', 'open'] as const).flatMap((o) => outcomes[o].map((v) => [v, o] as const)));
}

/** What each yes/no value means now: the spelling's suggestion, then the user's choices. */
export function booleanMeanings(
  values: readonly string[],
  overrides?: Record<string, boolean | null>,
): Map<string, boolean | null> {
  const meant = overrideBooleans(values, parseBoolean, overrides);
  return new Map([
    ...meant.yes.map((v) => [v, true] as const),
    ...meant.no.map((v) => [v, false] as const),
    ...meant.unknown.map((v) => [v, null] as const),
  ]);
}
