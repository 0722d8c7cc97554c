// The user's say on what a stage or yes/no value means, laid over the suggestion from values.ts.

import type { Outcome } from './values';

/** Trimmed raw value → meaning. Stage values belong to a deals file, yes/no values to a leads file. */
export interface ValueOverrides {
  stage?: Record<string, Outcome>;
  booleans?: Record<string, boolean | null>;
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
