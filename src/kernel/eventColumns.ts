import type { EventRulePlan, KernelPlan } from '../model/compile';
import type { Decay } from '../model/scenario';
import type { EventLog, RuleInputs, RuleMatrix } from './matrix';
import { rememberSparse, sparseOnSupport } from './prepare';

/** METRICS.md decay: the weight of one event of the given age in days (the SQL twin's decayWeight). */
export function decayWeight(decay: Decay, age: number): number {
  switch (decay.kind) {
    case 'none':
      return 1;
    case 'exponential':
      return halving(age / decay.halfLifeDays);
    case 'linear':
      return Math.max(0, 1 - age / decay.windowDays);
    case 'window':
      return age <= decay.windowDays ? 1 : 0;
  }
}

/** The event log's type indices a rule counts (its types matched case-blind). */
function typesOf(log: EventLog, events: readonly string[]): number[] {
  const wanted = new Set(events.map((e) => e.trim().toLowerCase()));
  return log.types.flatMap((type, t) => (wanted.has(type) ? [t] : []));
}

/** An event rule's decay-weighted event count per lead: Σ over its types' events of decayWeight(age). */
export function eventColumn(
  log: EventLog,
  n: number,
  events: readonly string[],
  decay: Decay,
  /** A buffer of n doubles to write the column into (it is zeroed first); new when not given. */
  reuse?: ArrayBuffer,
): Float64Array {
  const out = reuse?.byteLength === n * 8 ? new Float64Array(reuse).fill(0) : new Float64Array(n);
  for (const t of typesOf(log, events)) {
    const lead = log.lead[t];
    const age = log.age[t];
    if (decay.kind === 'exponential') addHalvings(out, lead, age, decay.halfLifeDays);
    else for (let k = 0; k < lead.length; k++) out[lead[k]] += decayWeight(decay, age[k]);
  }
  return out;
}

/** 2^-m for every m where it is not 0: exact powers of two. */
const HALF_POWERS = Float64Array.from({ length: 1075 }, (_, m) => Math.pow(0.5, m));

/**
 * 0.5^y for y ≥ 0, as 2^-⌊y⌋ · e^(-(y - ⌊y⌋)·ln 2): exact where y is a whole number (an event exactly k
 * half-lives old weighs exactly 2^-k, as the SQL twin's pow gives), within one ulp of pow elsewhere, and
 * ~2.5× faster than Math.pow, which is most of a decay edit's time at a million leads.
 */
export function halving(y: number): number {
  if (!(y >= 0 && y < HALF_POWERS.length)) return Math.pow(0.5, y);
  const whole = y | 0;
  return Math.exp((whole - y) * Math.LN2) * HALF_POWERS[whole];
}

/** The common case as one monomorphic loop: Σ 0.5^(age / h). */
function addHalvings(out: Float64Array, lead: Int32Array, age: Float64Array, h: number): void {
  for (let k = 0; k < lead.length; k++) out[lead[k]] += halving(age[k] / h);
}

/** Ascending positions of the leads with at least one event of the given types: where a column can be ≠ 0. */
function supportOf(log: EventLog, n: number, types: readonly number[]): Int32Array {
  const has = new Uint8Array(n);
  for (const t of types) {
    const lead = log.lead[t];
    for (let k = 0; k < lead.length; k++) has[lead[k]] = 1;
  }
  let count = 0;
  for (let i = 0; i < n; i++) count += has[i];
  const support = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (has[i]) support[k++] = i;
  return support;
}

/**
 * Column bytes kept for plans to come: a scenario's and its baseline's columns (never evicted) and a recent
 * decay edit or so (14 columns at 1M leads; the default scenario has 13 event rules). Recomputing an evicted
 * column costs one pass over its events; past this budget a decay drag reuses evicted columns' buffers.
 */
const KEPT_BYTES = 112 * 2 ** 20;
/** Evicted columns' buffers kept for the next new columns: a fresh 8 MB array costs its page faults. */
const SPARE_BUFFERS = 2;

/**
 * The kernel's rule matrix for any plan: the case code columns as given, and one event column per distinct
 * (event types, decay) computed from the event log on first use. The matrix object stays the same, so
 * everything cached per matrix (prepared patterns, dimension passes) survives decay edits; a plan's event
 * rules are re-pointed at their columns by `resolve`.
 */
export class EventColumns {
  readonly matrix: RuleMatrix;
  #log: EventLog;
  #ids = new Map<string, number>();
  /** Per set of event types (decay-independent): the leads its columns can be ≠ 0 on. */
  #support = new Map<string, Int32Array>();
  /** Column ids, least recently used first. */
  #recent: number[] = [];
  #spare: ArrayBuffer[] = [];

  constructor(inputs: RuleInputs) {
    this.matrix = { n: inputs.n, caseCodes: inputs.caseCodes, eventCounts: [] };
    this.#log = inputs.events;
  }

  /** The plan with each event rule's `column` pointing at its column of `matrix`, computed if new. */
  resolve(plan: KernelPlan, keep: readonly KernelPlan[] = []): KernelPlan {
    const resolved = { ...plan, eventRules: plan.eventRules.map((r) => ({ ...r, column: this.#idOf(r) })) };
    this.#evict(
      new Set([...resolved.eventRules, ...keep.flatMap((k) => k.eventRules)].map((r) => this.#key(r))),
    );
    return resolved;
  }

  #key(rule: EventRulePlan): string {
    return JSON.stringify([[...rule.events].sort(), rule.decay]);
  }

  #idOf(rule: EventRulePlan): number {
    const key = this.#key(rule);
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.matrix.eventCounts.length;
      const column = eventColumn(this.#log, this.matrix.n, rule.events, rule.decay, this.#spare.pop());
      this.matrix.eventCounts.push(column);
      rememberSparse(column, sparseOnSupport(column, this.#supportOf(rule.events)));
      this.#ids.set(key, id);
    }
    this.#recent = [...this.#recent.filter((x) => x !== id), id];
    return id;
  }

  #supportOf(events: readonly string[]): Int32Array {
    const types = typesOf(this.#log, events);
    const key = types.join(',');
    let support = this.#support.get(key);
    if (!support) this.#support.set(key, (support = supportOf(this.#log, this.matrix.n, types)));
    return support;
  }

  /** Drops the least recently used columns beyond KEPT_BYTES, never one of the given keys. */
  #evict(inUse: Set<string>): void {
    const bytes = this.matrix.n * 8;
    const byId = new Map([...this.#ids].map(([key, id]) => [id, key]));
    while (this.#recent.length * bytes > KEPT_BYTES) {
      const victim = this.#recent.find((id) => !inUse.has(byId.get(id)!));
      if (victim === undefined) return;
      this.#recent = this.#recent.filter((x) => x !== victim);
      this.#ids.delete(byId.get(victim)!);
      // nothing reads an evicted column again (ids are never reused; caches are keyed by the array object)
      if (this.#spare.length < SPARE_BUFFERS)
        this.#spare.push(this.matrix.eventCounts[victim].buffer as ArrayBuffer);
      this.matrix.eventCounts[victim] = EMPTY;
    }
  }
}

/** What an evicted column slot holds (ids are never reused, so nothing reads it again). */
const EMPTY = new Float64Array(0);

/** A rule matrix with one event column per given rule, in order (what ruleMatrixSql's e<i> columns hold). */
export function matrixWithEvents(
  inputs: RuleInputs,
  eventRules: readonly { events: readonly string[]; decay: Decay }[],
): RuleMatrix {
  return {
    n: inputs.n,
    caseCodes: inputs.caseCodes,
    eventCounts: eventRules.map((r) => eventColumn(inputs.events, inputs.n, r.events, r.decay)),
  };
}
