import { casePoints } from './compile';
import { isEventsRule, type Decay, type Rule, type Scenario } from './scenario';

/** One difference between two scenarios, as data (the UI words it). */
export type Change =
  | { kind: 'weight'; dimension: string; from: number; to: number }
  | { kind: 'threshold'; tier: string; from: number; to: number }
  | { kind: 'tier-name'; index: number; from: string; to: string }
  | { kind: 'points'; rule: string; index: number; from: number; to: number }
  | { kind: 'cap'; rule: string; from: number; to: number }
  | { kind: 'decay'; rule: string; from: Decay; to: Decay }
  | { kind: 'disqualify'; rule: string; from: boolean; to: boolean }
  | { kind: 'rule-added'; rule: string; dimension: string }
  | { kind: 'rule-removed'; rule: string; dimension: string }
  | { kind: 'dimension-added'; dimension: string }
  | { kind: 'dimension-removed'; dimension: string };

function pointsOf(rule: Rule): number[] {
  return isEventsRule(rule) ? [rule.pointsPerEvent] : casePoints(rule);
}

/** What changed from a to b: weights, tiers, and each rule's points, caps, decay and disqualifier flag. */
export function diffScenarios(a: Scenario, b: Scenario): Change[] {
  const changes: Change[] = [];
  const aDims = new Map(a.dimensions.map((d) => [d.id, d]));
  const bDims = new Map(b.dimensions.map((d) => [d.id, d]));
  for (const d of a.dimensions)
    if (!bDims.has(d.id)) changes.push({ kind: 'dimension-removed', dimension: d.id });
  for (const d of b.dimensions) {
    const before = aDims.get(d.id);
    if (!before) {
      changes.push({ kind: 'dimension-added', dimension: d.id });
      continue;
    }
    if (before.weight !== d.weight)
      changes.push({ kind: 'weight', dimension: d.id, from: before.weight, to: d.weight });
    const aRules = new Map(before.rules.map((r) => [r.id, r]));
    const bIds = new Set(d.rules.map((r) => r.id));
    for (const r of before.rules)
      if (!bIds.has(r.id)) changes.push({ kind: 'rule-removed', rule: r.id, dimension: d.id });
    for (const r of d.rules) {
      const old = aRules.get(r.id);
      if (!old) {
        changes.push({ kind: 'rule-added', rule: r.id, dimension: d.id });
        continue;
      }
      const p0 = pointsOf(old);
      pointsOf(r).forEach((p, i) => {
        if (p0[i] !== p) changes.push({ kind: 'points', rule: r.id, index: i, from: p0[i], to: p });
      });
      if (isEventsRule(old) && isEventsRule(r)) {
        if (old.cap !== r.cap) changes.push({ kind: 'cap', rule: r.id, from: old.cap, to: r.cap });
        if (JSON.stringify(old.decay) !== JSON.stringify(r.decay))
          changes.push({ kind: 'decay', rule: r.id, from: old.decay, to: r.decay });
      }
      if (Boolean(old.disqualify) !== Boolean(r.disqualify))
        changes.push({
          kind: 'disqualify',
          rule: r.id,
          from: Boolean(old.disqualify),
          to: Boolean(r.disqualify),
        });
    }
  }
  b.tiers.forEach((t, i) => {
    const old = a.tiers[i];
    if (old && old.name !== t.name) changes.push({ kind: 'tier-name', index: i, from: old.name, to: t.name });
    if (old && i < b.tiers.length - 1 && old.min !== t.min)
      changes.push({ kind: 'threshold', tier: t.name, from: old.min, to: t.min });
  });
  return changes;
}
