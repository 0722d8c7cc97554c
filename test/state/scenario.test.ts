import { describe, expect, it } from 'vitest';
import { scenario } from '../../src/state/scenario.svelte';
import { addRule, newRuleId, setDecay, setPoints, setWeight } from '../../src/model/edits';
import { defaultScenario } from '../../src/model/defaultScenario';
import type { Rule } from '../../src/model/scenario';

/** What the editor shows, read through its proxy independently of the plain copy. */
const shown = () => JSON.parse(JSON.stringify(scenario.current)) as unknown;

describe('the scenario state’s plain copy', () => {
  it('follows every edit, undo, redo, replacement and reset, frozen', () => {
    scenario.start(true);
    const steps: (() => void)[] = [
      () => scenario.edit('weight-0', (s) => setWeight(s, 0, 70)),
      () => scenario.edit('', (s) => setPoints(s, 'beh-demo', 0, 44)),
      () => scenario.edit('', (s) => setDecay(s, 'beh-demo', { kind: 'window', windowDays: 20 })),
      () => {
        const rule: Rule = { id: 'x-1', kind: 'contains', field: 'job_title', keywords: ['cto'], points: 8 };
        scenario.edit('', (s) => addRule(s, 0, rule));
      },
      () => scenario.undo(),
      () => scenario.undo(),
      () => scenario.redo(),
      () => scenario.replace(defaultScenario({ withUrgency: false })),
      () => scenario.reset(),
    ];
    for (const step of steps) {
      step();
      expect(scenario.plainCurrent).toEqual(shown());
      expect(Object.isFrozen(scenario.plainCurrent.dimensions[0].rules[0])).toBe(true);
      expect(scenario.currentJson).toBe(JSON.stringify(shown()));
    }
  });

  it('adds one rule when the rule’s id is read from the scenario the edit changes (the add-rule form)', () => {
    scenario.start(true);
    const rules = () => scenario.plainCurrent.dimensions[0].rules.map((r) => r.id);
    const before = rules();
    // as the form's derived rule: its id is the first one free in the editor's scenario, read on each run
    const rule = (): Rule => ({
      id: newRuleId(scenario.current, 'contains'),
      kind: 'contains',
      field: 'job_title',
      keywords: ['cto'],
      points: 8,
    });
    scenario.edit('', (s) => addRule(s, 0, rule()));
    expect(rules()).toEqual([...before, 'contains-1']);
    expect(scenario.plainCurrent).toEqual(shown());
  });

  it('starts from a plain, frozen default, the one it shows', () => {
    const started = scenario.start(false);
    expect(started).toBe(scenario.plainCurrent);
    expect(Object.isFrozen(started.dimensions[0].rules[0])).toBe(true);
    expect(started).toEqual(shown());
  });

  it('keeps the rules a weight move did not touch, so what is cached per rule holds over a drag', () => {
    scenario.start(true);
    const before = scenario.plainCurrent;
    scenario.edit('weight-1', (s) => setWeight(s, 1, 20));
    expect(scenario.plainCurrent).not.toBe(before);
    expect(scenario.plainCurrent.dimensions[1].weight).toBe(20);
    expect(scenario.plainCurrent.dimensions[1].rules).toBe(before.dimensions[1].rules);
    expect(scenario.plainCurrent.dimensions[0]).toBe(before.dimensions[0]);
  });
});
