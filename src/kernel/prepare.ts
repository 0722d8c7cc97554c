import type { KernelPlan } from '../model/compile';
import type { RuleMatrix } from './matrix';

/**
 * The rule matrix re-laid for fast re-scoring; depends on the model's structure only, not on points.
 * - The case rules of a dimension are combined into pattern groups: a lead's codes under the group's
 *   rules become one Uint16 pattern id (mixed radix), so one table lookup per group replaces one per
 *   rule. Disqualifiers join their dimension's groups and mark patterns as disqualifying.
 * - Event columns are stored sparse (most leads have no event of a given type).
 */
export interface PatternGroup {
  dim: number;
  /** Indices into plan.caseRules, in rule order. */
  rules: number[];
  /** cases + 1 of each rule (code 0 = no match). */
  radix: number[];
  patterns: Uint16Array;
}
export interface SparseEvents {
  /** Ascending lead positions; may include leads whose value is 0 (a decay that weighs all their events 0). */
  index: Int32Array;
  /**
   * The dense column the positions index (its values elsewhere are 0). The kernel keeps each rule's capped
   * values per cap, gathered from here, rather than a second copy of the values (8 bytes an entry).
   */
  column: Float64Array;
  /** Leads with a value other than 0: those the rule fires on. */
  fires: number;
}
export interface PreparedMatrix {
  n: number;
  groups: PatternGroup[];
  /** One per event rule of the plan. */
  events: SparseEvents[];
  /** Leads per code of each case rule of the plan (codeCounts[r][code]), for the per-rule statistics. */
  codeCounts: Float64Array[];
  /** The structure this was prepared for (see structureSignature). */
  signature: string;
}

const MAX_PATTERNS = 65536;

/** What the case part of prepareMatrix depends on: each case rule's dimension, column and case count. */
export function structureSignature(plan: KernelPlan): string {
  return JSON.stringify(plan.caseRules.map((r) => [r.dim, r.column, r.points.length]));
}

function groupRules(plan: KernelPlan): { dim: number; rules: number[]; radix: number[] }[] {
  const groups: { dim: number; rules: number[]; radix: number[]; size: number }[] = [];
  plan.caseRules.forEach((rule, r) => {
    const radix = rule.points.length;
    let g = groups.find((x) => x.dim === rule.dim && x.size * radix <= MAX_PATTERNS);
    if (!g) groups.push((g = { dim: rule.dim, rules: [], radix: [], size: 1 }));
    g.rules.push(r);
    g.radix.push(radix);
    g.size *= radix;
  });
  return groups;
}

function patternsOf(m: RuleMatrix, plan: KernelPlan, rules: number[], radix: number[]): Uint16Array {
  const patterns = new Uint16Array(m.n);
  let scale = 1;
  rules.forEach((r, k) => {
    const codes = m.caseCodes[plan.caseRules[r].column];
    for (let i = 0; i < m.n; i++) patterns[i] += codes[i] * scale;
    scale *= radix[k];
  });
  return patterns;
}

export function sparse(values: Float64Array): SparseEvents {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) count++;
  const index = new Int32Array(count);
  for (let i = 0, k = 0; i < values.length; i++) if (values[i] !== 0) index[k++] = i;
  return { index, column: values, fires: count };
}

/**
 * The sparse form of a column known to be 0 outside `support` (ascending lead positions): one pass over
 * the support instead of two over every lead.
 */
export function sparseOnSupport(values: Float64Array, support: Int32Array): SparseEvents {
  let fires = 0;
  for (let k = 0; k < support.length; k++) if (values[support[k]] !== 0) fires++;
  return { index: support, column: values, fires };
}

/** Each event column's sparse form, built once per column (a decay change makes a new column). */
const sparseColumns = new WeakMap<Float64Array, SparseEvents>();

/** A column's sparse form: the one given to rememberSparse, else built and kept. */
export function sparseOf(column: Float64Array): SparseEvents {
  let e = sparseColumns.get(column);
  if (!e) sparseColumns.set(column, (e = sparse(column)));
  return e;
}

/** Keeps the sparse form the column's builder made alongside it. */
export function rememberSparse(column: Float64Array, e: SparseEvents): void {
  sparseColumns.set(column, e);
}

/** The case rules' pattern groups and per-code lead counts: what a structure change (new case rule) rebuilds. */
export interface PreparedCases {
  groups: PatternGroup[];
  codeCounts: Float64Array[];
  signature: string;
}

export function prepareCases(m: RuleMatrix, plan: KernelPlan): PreparedCases {
  return {
    groups: groupRules(plan).map((g) => ({ ...g, patterns: patternsOf(m, plan, g.rules, g.radix) })),
    codeCounts: plan.caseRules.map((rule) => {
      const codes = m.caseCodes[rule.column];
      const counts = new Float64Array(rule.points.length);
      for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
      return counts;
    }),
    signature: structureSignature(plan),
  };
}

export function prepareMatrix(m: RuleMatrix, plan: KernelPlan): PreparedMatrix {
  return {
    n: m.n,
    ...prepareCases(m, plan),
    events: plan.eventRules.map((rule) => sparse(m.eventCounts[rule.column])),
  };
}

/** Points of every pattern of a group (case points summed in rule order) and whether it disqualifies. */
export function patternTables(
  group: PatternGroup,
  plan: KernelPlan,
): { points: Float64Array; disqualify: Uint8Array } {
  const size = group.radix.reduce((a, b) => a * b, 1);
  const points = new Float64Array(size);
  const disqualify = new Uint8Array(size);
  for (let p = 0; p < size; p++) {
    let rest = p;
    let sum = 0;
    group.rules.forEach((r, k) => {
      const code = rest % group.radix[k];
      rest = (rest - code) / group.radix[k];
      const rule = plan.caseRules[r];
      if (rule.disqualify) {
        if (code !== 0) disqualify[p] = 1;
      } else {
        sum += rule.points[code];
      }
    });
    points[p] = sum;
  }
  return { points, disqualify };
}
