import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/defaultScenario';
import {
  findRule,
  setCap,
  setDecay,
  setPoints,
  setThreshold,
  setTierCount,
  setWeight,
} from '../../src/model/edits';
import { EditHistory } from '../../src/model/history';
import { validateScenario } from '../../src/model/validate';

describe('scenario edits keep the document valid', () => {
  it('clamps weights, thresholds between neighbours, points and caps', () => {
    const s = defaultScenario({ withUrgency: true });
    setWeight(s, 0, 250);
    setWeight(s, 1, -3);
    setThreshold(s, 1, 95); // above tier A's 70 → just below it
    setPoints(s, 'beh-demo', 0, 5000);
    setCap(s, 'beh-demo', 0);
    expect(s.dimensions[0].weight).toBe(100);
    expect(s.dimensions[1].weight).toBe(0);
    expect(s.tiers.map((t) => t.min)).toEqual([70, 69.5, 0]);
    expect(findRule(s, 'beh-demo')).toMatchObject({ pointsPerEvent: 1000, cap: 0.001 });
    expect(validateScenario(s).ok).toBe(true);
  });

  it('sets the points of each case kind', () => {
    const s = defaultScenario({ withUrgency: true });
    setPoints(s, 'fit-industry', 2, 12);
    setPoints(s, 'fit-decision-maker', 1, -4);
    setPoints(s, 'fit-senior-title', 0, 15);
    setPoints(s, 'fit-size', 4, 7);
    expect(findRule(s, 'fit-industry')).toMatchObject({
      cases: [{ points: 30 }, { points: 20 }, { points: 12 }, { points: 5 }],
    });
    expect(findRule(s, 'fit-decision-maker')).toMatchObject({ pointsTrue: 20, pointsFalse: -4 });
    expect(findRule(s, 'fit-senior-title')).toMatchObject({ points: 15 });
    expect(findRule(s, 'fit-size')).toMatchObject({ bands: [{}, {}, {}, {}, { points: 7 }] });
  });

  it('changes the tier count between 3 and 5 with evenly spread thresholds', () => {
    const s = defaultScenario({ withUrgency: false });
    setTierCount(s, 5, (i) => `T${i}`);
    expect(s.tiers).toEqual([
      { name: 'A', min: 80 },
      { name: 'B', min: 60 },
      { name: 'C', min: 40 },
      { name: 'T3', min: 20 },
      { name: 'T4', min: 0 },
    ]);
    setTierCount(s, 9, (i) => `T${i}`);
    expect(s.tiers.length).toBe(5);
    expect(validateScenario(s).ok).toBe(true);
  });

  it('replaces the decay of an events rule', () => {
    const s = defaultScenario({ withUrgency: false });
    setDecay(s, 'beh-demo', { kind: 'window', windowDays: 14 });
    expect(findRule(s, 'beh-demo')).toMatchObject({ decay: { kind: 'window', windowDays: 14 } });
  });
});

describe('EditHistory', () => {
  it('undoes and redoes, merging quick edits with the same key', () => {
    const h = new EditHistory(10, 500);
    h.record('v0', 'weight', 0);
    h.record('v1', 'weight', 100); // same drag: merged
    h.record('v2', 'points', 200);
    expect(h.undo('v3')).toBe('v2');
    expect(h.undo('v2')).toBe('v0');
    expect(h.undo('v0')).toBeNull();
    expect(h.redo('v0')).toBe('v2');
    expect(h.redo('v2')).toBe('v3');
    expect(h.canRedo).toBe(false);
  });

  it('a new edit clears the redo stack and the limit drops the oldest step', () => {
    const h = new EditHistory(2, 0);
    h.record('a', 'x', 0);
    h.record('b', 'x', 10);
    h.record('c', 'x', 20);
    expect(h.undo('d')).toBe('c');
    h.record('c2', 'y', 30);
    expect(h.canRedo).toBe(false);
    expect(h.undo('e')).toBe('c2');
    expect(h.undo('c2')).toBe('b');
    expect(h.undo('b')).toBeNull();
  });
});
