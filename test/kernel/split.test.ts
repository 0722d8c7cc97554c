import { describe, expect, it } from 'vitest';
import type { RuleMatrix } from '../../src/kernel/matrix';
import { scoreAll } from '../../src/kernel/score';
import {
  SPLIT_MIN_LEADS,
  SplitScorer,
  type Partner,
  type PartnerReply,
  type PartnerRequest,
} from '../../src/kernel/split';
import { compilePlan } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';

/** The partner worker's logic in-process, answering after a macrotask as a worker would. */
class FakePartner implements Partner {
  onmessage: ((e: MessageEvent<PartnerReply>) => void) | null = null;
  matrix: RuleMatrix | null = null;
  postMessage(msg: PartnerRequest): void {
    if (msg.type === 'data') {
      this.matrix = msg.matrix;
      return;
    }
    setTimeout(() => {
      const scores = scoreAll(this.matrix!, msg.plan);
      this.onmessage?.({ data: { type: 'scored', id: msg.id, scores } } as MessageEvent<PartnerReply>);
    }, 1);
  }
  terminate(): void {}
}

function randomMatrix(n: number, plan: ReturnType<typeof compilePlan>): RuleMatrix {
  let seed = 7;
  const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  return {
    n,
    caseCodes: plan.caseRules.map((r) =>
      Uint8Array.from({ length: n }, () => Math.floor(rnd() * r.points.length)),
    ),
    eventCounts: plan.eventRules.map(() =>
      Float64Array.from({ length: n }, () => (rnd() < 0.3 ? rnd() * 4 : 0)),
    ),
  };
}

describe('scoring on two cores', () => {
  const plan = compilePlan(defaultScenario({ withUrgency: true }));

  it('gives exactly the one-piece scores, tiers, subscores and rule statistics', async () => {
    const n = SPLIT_MIN_LEADS + 12_345;
    const m = randomMatrix(n, plan);
    const whole = scoreAll(m, plan);
    const partner = new FakePartner();
    const splitter = new SplitScorer(() => partner);
    splitter.setData(m);
    // the partner owns a copy of the upper half only
    expect(partner.matrix!.n).toBe(Math.floor(n / 2));
    const split = (await splitter.score(plan, (half, p) => scoreAll(half, p)))!;
    expect(split.score).toEqual(whole.score);
    expect(split.tier).toEqual(whole.tier);
    expect(split.disqualified).toEqual(whole.disqualified);
    split.subscores.forEach((s, d) => expect(s).toEqual(whole.subscores[d]));
    expect(split.ruleStats.caseFires).toEqual(whole.ruleStats.caseFires);
    expect(split.ruleStats.eventFires).toEqual(whole.ruleStats.eventFires);
    split.ruleStats.eventPoints.forEach((p, r) => expect(p).toBeCloseTo(whole.ruleStats.eventPoints[r], 6));
  });

  it('declines small data sets (one worker is quicker there)', async () => {
    const splitter = new SplitScorer(() => new FakePartner());
    splitter.setData(randomMatrix(1000, plan));
    expect(await splitter.score(plan, (half, p) => scoreAll(half, p))).toBeNull();
  });
});
