import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/defaultScenario';
import {
  addDimension,
  addRule,
  removeDimension,
  removeRule,
  renameDimension,
  renameTier,
  setAgingHorizon,
  setCap,
  setDecay,
  setDisqualify,
  setObservationDays,
  setPoints,
  setRoi,
  setSnapshotDate,
  setThreshold,
  setTierCount,
  setWeight,
} from '../../src/model/edits';
import { applyEdit, editedCopy, frozenCopy } from '../../src/model/plainEdit';
import { conditionKey } from '../../src/model/compile';
import type { Rule, Scenario } from '../../src/model/scenario';

const base = (): Scenario => frozenCopy(defaultScenario({ withUrgency: true }));
const ruleOf = (s: Scenario, kind: Rule['kind']): Rule =>
  s.dimensions.flatMap((d) => d.rules).find((r) => r.kind === kind)!;

function deeplyFrozen(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return true;
  return Object.isFrozen(x) && Object.values(x).every(deeplyFrozen);
}

function anyFrozen(x: unknown): boolean {
  if (typeof x !== 'object' || x === null) return false;
  return Object.isFrozen(x) || Object.values(x).some(anyFrozen);
}

const s0 = base();
const edits: [string, (s: Scenario) => void][] = [
  ['a weight', (s) => setWeight(s, 1, 55)],
  ['a threshold', (s) => setThreshold(s, 0, 64)],
  ['a category case', (s) => setPoints(s, ruleOf(s0, 'category').id, 0, -12)],
  ['a band', (s) => setPoints(s, ruleOf(s0, 'bands').id, 1, 7)],
  ['a boolean', (s) => setPoints(s, ruleOf(s0, 'boolean').id, 1, -3)],
  ['a contains rule', (s) => setPoints(s, ruleOf(s0, 'contains').id, 0, 9)],
  ['an events rule', (s) => setPoints(s, ruleOf(s0, 'events').id, 0, 31)],
  ['a cap', (s) => setCap(s, ruleOf(s0, 'events').id, 2)],
  ['a decay (an object)', (s) => setDecay(s, ruleOf(s0, 'events').id, { kind: 'linear', windowDays: 45 })],
  ['a disqualifier', (s) => setDisqualify(s, ruleOf(s0, 'boolean').id, true)],
  ['a dimension label', (s) => renameDimension(s, 0, 'Firmographic fit')],
  ['a tier name', (s) => renameTier(s, 2, '长期培育')],
  ['the tier count (a new array)', (s) => setTierCount(s, 5, (i) => `T${i}`)],
  ['a rule removed', (s) => removeRule(s, ruleOf(s0, 'contains').id)],
  ['a dimension added', (s) => addDimension(s, 'Intent')],
  ['a dimension removed', (s) => removeDimension(s, 0)],
  ['the observation window', (s) => setObservationDays(s, 45)],
  ['the snapshot date', (s) => setSnapshotDate(s, '2025-06-30')],
  ['the aging horizon', (s) => setAgingHorizon(s, 200)],
  ['the ROI inputs', (s) => setRoi(s, { costPerLead: [5, 4, 3, 2], marginPct: 35 })],
];

describe('editedCopy', () => {
  it.each(edits)('gives what the same edit in place gives: %s', (_, change) => {
    const inPlace = structuredClone(s0);
    change(inPlace);
    const { next: copy, patches } = editedCopy(s0, change);
    expect(copy).toEqual(inPlace);
    expect(copy).not.toEqual(s0);
    expect(deeplyFrozen(copy)).toBe(true);
    expect(s0).toEqual(base());
    // the same edit made to another copy through its patches
    const other = structuredClone(s0);
    applyEdit(other, patches);
    expect(other).toEqual(inPlace);
    // with objects of its own: frozen ones inside a reactive proxy would break it
    expect(anyFrozen(other)).toBe(false);
  });

  it('runs the change once, so a change that reads what it changes does the same to both copies', () => {
    let runs = 0;
    const { next, patches } = editedCopy(s0, (s) => {
      runs++;
      addDimension(s, `Dimension ${s.dimensions.length + 1}`);
    });
    const other = structuredClone(s0);
    applyEdit(other, patches);
    expect(runs).toBe(1);
    expect(other).toEqual(next);
    expect(next.dimensions.at(-1)!.label).toBe(`Dimension ${s0.dimensions.length + 1}`);
  });

  it('shares every part a weight move left alone', () => {
    const copy = editedCopy(s0, (s) => setWeight(s, 1, 55)).next;
    expect(copy).not.toBe(s0);
    expect(copy.dimensions[1]).not.toBe(s0.dimensions[1]);
    expect(copy.dimensions[0]).toBe(s0.dimensions[0]);
    expect(copy.dimensions[1].rules).toBe(s0.dimensions[1].rules);
    expect(copy.tiers).toBe(s0.tiers);
    expect(copy.settings).toBe(s0.settings);
  });

  it('keeps its own copy of an object the edit was given, and leaves that object unfrozen', () => {
    const rule: Rule = { id: 'title-vp', kind: 'contains', field: 'job_title', keywords: ['vp'], points: 5 };
    const { next: copy, patches } = editedCopy(s0, (s) => addRule(s, 0, rule));
    const added = copy.dimensions[0].rules.at(-1)!;
    expect(added).toEqual(rule);
    expect(added).not.toBe(rule);
    expect(Object.isFrozen(rule)).toBe(false);
    const other = structuredClone(s0);
    applyEdit(other, patches);
    expect(other.dimensions[0].rules.at(-1)).not.toBe(rule);
    expect(other.dimensions[0].rules.at(-1)).not.toBe(added);
    rule.keywords.push('vice president');
    expect(added.kind === 'contains' && added.keywords).toEqual(['vp']);
    expect(other).toEqual(copy);
  });

  it('is the scenario itself, frozen, when the change changes nothing', () => {
    const copy = editedCopy(s0, (s) => setWeight(s, 99, 10)).next;
    expect(copy).toBe(s0);
  });
});

describe('conditionKey of a frozen rule', () => {
  it('is the key of the same rule unfrozen, and a rule that can still change is keyed afresh', () => {
    const frozen = ruleOf(s0, 'category');
    const open = structuredClone(frozen);
    expect(conditionKey(frozen)).toBe(conditionKey(open));
    expect(conditionKey(frozen)).toBe(conditionKey(frozen));
    if (open.kind !== 'category') throw new Error('a category rule');
    open.cases[0].values = ['Mining'];
    expect(conditionKey(open)).not.toBe(conditionKey(frozen));
  });
});
