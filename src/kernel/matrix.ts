import { copyInSteps, nextTask } from './tasks';

/** Per-lead kernel inputs, all in the same lead order (lead_id ascending). Built once per model structure. */
export interface RuleMatrix {
  n: number;
  /** One code column per case rule: 0 = no match, k = case k matched. */
  caseCodes: Uint8Array[];
  /**
   * One decay-weighted event count column per event rule (uncapped; the cap is applied in the kernel).
   * Float64, so kernel scores equal the SQL twin's and the exported SQL's to the last bits.
   */
  eventCounts: Float64Array[];
}

/**
 * Every activity event aged at its lead's as-of moment, grouped by activity type: what the kernel turns
 * into each event rule's decay-weighted counts (so decay edits never go back to SQL).
 */
export interface EventLog {
  /** Lower-cased activity types; lead[t] and age[t] hold type t's events. */
  types: string[];
  /** Lead position (matrix order) of each event. */
  lead: Int32Array[];
  /** Age in days of each event at its lead's as-of moment (≥ 0). */
  age: Float64Array[];
}

/** What the kernel is given per data set: the case rules' code columns and the event log. */
export interface RuleInputs {
  n: number;
  caseCodes: Uint8Array[];
  events: EventLog;
}

/**
 * RuleInputs as the workers are sent them: an event log they were already sent (under its id) is not sent
 * again, so the page need not keep a copy of it for a structural edit (~70 MB at a million leads).
 */
export interface SentInputs {
  n: number;
  caseCodes: Uint8Array[];
  /** null: the log the workers were last sent, under `logId`. */
  events: EventLog | null;
}

export function inputBuffers(inputs: SentInputs): ArrayBuffer[] {
  const events = inputs.events ? [...inputs.events.lead, ...inputs.events.age] : [];
  return [...inputs.caseCodes, ...events].map((a) => a.buffer as ArrayBuffer);
}

/** Copies the kernel may own (transferring would empty the arrays the caller keeps). */
export function copyInputs<T extends SentInputs>(inputs: T): T {
  const events = inputs.events;
  return {
    ...inputs,
    caseCodes: inputs.caseCodes.map((c) => c.slice()),
    events: events && {
      types: events.types.slice(),
      lead: events.lead.map((l) => l.slice()),
      age: events.age.map((a) => a.slice()),
    },
  };
}

/**
 * copyInputs a slice of a column per task (copyInSteps), so that a million leads' ~80 MB (each fresh array
 * paying its page faults) never hold the UI thread for more than a few milliseconds at a time.
 */
export async function copyInputsInSteps<T extends SentInputs>(
  inputs: T,
  pause: () => Promise<void> = nextTask,
): Promise<T> {
  const copy = async <A extends Uint8Array | Int32Array | Float64Array>(
    arrays: readonly A[],
  ): Promise<A[]> => {
    const out: A[] = [];
    for (const a of arrays) out.push(await copyInSteps(a, pause));
    return out;
  };
  const events = inputs.events;
  return {
    ...inputs,
    caseCodes: await copy(inputs.caseCodes),
    events: events && {
      types: events.types.slice(),
      lead: await copy(events.lead),
      age: await copy(events.age),
    },
  };
}

/**
 * The inputs to hand the kernel from a column cache's: copies of the case columns (the cache keeps them)
 * and a new event log as it is (the cache lets go of it once it is sent, see RuleColumnCache.handedOver).
 */
export async function handOverInSteps(
  inputs: SentInputs,
  pause: () => Promise<void> = nextTask,
): Promise<SentInputs> {
  return { ...(await copyInputsInSteps({ ...inputs, events: null }, pause)), events: inputs.events };
}

/** Copies of segment columns (their codes) the kernel may own. */
export function copySegments<K extends string, S extends { codes: Int32Array }>(
  segments: Record<K, S>,
): Record<K, S> {
  return Object.fromEntries(
    Object.entries<S>(segments).map(([k, s]) => [k, { ...s, codes: s.codes.slice() }]),
  ) as Record<K, S>;
}

/** Outcome codes of lead_features.outcome. */
export const OUTCOME = { open: 0, won: 1, lost: 2 } as const;
export type OutcomeCode = (typeof OUTCOME)[keyof typeof OUTCOME];

/** A day number (days since 1970-01-01) that is unknown. */
export const NO_DAY = -2147483648;

/** Per-lead facts that do not depend on the model, in the matrix's lead order. */
export interface LeadFacts {
  outcome: Uint8Array;
  /** Days since 1970-01-01 of created_at (NO_DAY when unknown): the train/test split and quarters. */
  createdDay: Int32Array;
}

export function factsBuffers(f: LeadFacts): ArrayBuffer[] {
  return [f.outcome.buffer as ArrayBuffer, f.createdDay.buffer as ArrayBuffer];
}

export function copyFacts(f: LeadFacts): LeadFacts {
  return { outcome: f.outcome.slice(), createdDay: f.createdDay.slice() };
}
