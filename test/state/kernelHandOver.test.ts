import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { buildRuleInputs } from '../../src/features/build';
import { KernelSession } from '../../src/kernel/session';
import { compilePlan, layoutOf } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';
import type { Scenario } from '../../src/model/scenario';
import { DatasetState, type KernelData } from '../../src/state/dataset.svelte';

const SEGMENT = 'industry';

/** The same plan's scores and rule statistics from a session given these inputs. */
function scored(session: KernelSession, scenario: Scenario, baseline: Scenario) {
  const plan = compilePlan(scenario, layoutOf(scenario, baseline)!);
  const r = session.score(1, plan, null, SEGMENT, null, null, null, () => 0);
  return { score: Array.from(r.score), tier: Array.from(r.tier), ruleStats: r.ruleStats };
}

describe('the hand-over to the kernel', () => {
  it('sends the event log once per data set and as-of rule; the kernel keeps it for structural edits', async () => {
    const engine = await createNodeEngine();
    const sent: KernelData[] = [];
    const kernel = new KernelSession();
    let refuse = false;
    const state = new DatasetState(
      async () => engine,
      (data) => {
        sent.push(data);
        // as the app's KernelClient: a superseded hand-over sends nothing and empties nothing
        if (refuse) return Promise.resolve(false);
        kernel.setData(data.inputs, data.facts, data.segments, data.logId);
        return Promise.resolve(true);
      },
    );
    const base = defaultScenario({ withUrgency: true });
    const sources = ['leads.csv', 'deals.csv', 'activities.csv'].map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(`datasets/${name}`)),
    }));
    try {
      await state.load(sources, 'sample', () => base);
      expect(state.status).toBe('ready');
      expect(sent).toHaveLength(1);
      const firstLog = sent[0].logId;
      expect(sent[0].inputs.events?.lead.reduce((n, l) => n + l.length, 0)).toBeGreaterThan(1000);

      // a structural edit (a new case rule): only case columns go, the kernel's log stands for the rest
      const edited = structuredClone(base);
      edited.dimensions[0].rules.push({
        id: 'fit-director',
        kind: 'contains',
        field: 'job_title',
        keywords: ['director'],
        points: 10,
      });
      const layout = layoutOf(edited, base)!;
      await state.restructure(layout);
      expect(sent).toHaveLength(2);
      expect(sent[1].inputs.events).toBeNull();
      expect(sent[1].logId).toBe(firstLog);
      expect(sent[1].inputs.caseCodes).toHaveLength(sent[0].inputs.caseCodes.length + 1);
      // scores equal those of a kernel given the whole inputs of the same layout, read afresh
      const fresh = new KernelSession();
      fresh.setData(
        await buildRuleInputs(engine, state.facts!, layout),
        { outcome: state.leads!.outcome.slice(), createdDay: state.leads!.createdDay.slice() },
        { [SEGMENT]: state.segments![SEGMENT] },
      );
      const kept = scored(kernel, edited, base);
      expect(kept.score.some((s) => s > 0)).toBe(true);
      expect(kept).toEqual(scored(fresh, edited, base));

      // the rule removed again: the same log again
      await state.restructure(layoutOf(base)!);
      expect(sent).toHaveLength(3);
      expect([sent[2].inputs.events, sent[2].logId]).toEqual([null, firstLog]);

      // another as-of rule: a new log under a new id; one the kernel was not sent is sent again next time
      refuse = true;
      const later: Scenario = { ...edited, settings: { ...edited.settings, observationDays: 60 } };
      await state.restructure(layoutOf(later)!);
      expect(sent).toHaveLength(4);
      expect(sent[3].inputs.events).not.toBeNull();
      expect(sent[3].logId).not.toBe(firstLog);
      refuse = false;
      const laterBase: Scenario = { ...base, settings: later.settings };
      await state.restructure(layoutOf(laterBase)!);
      expect(sent).toHaveLength(5);
      expect(sent[4].logId).toBe(sent[3].logId);
      expect(sent[4].inputs.events).toBe(sent[3].inputs.events);
      expect(sent[4].inputs.events!.age[0].length).toBeGreaterThan(0);
      expect(scored(kernel, laterBase, laterBase).score.some((s) => s > 0)).toBe(true);
    } finally {
      await engine.close();
    }
  }, 60_000);
});
