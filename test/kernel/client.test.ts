import { describe, expect, it } from 'vitest';
import { KernelClient, reScoreLanes, resultBuffers } from '../../src/kernel/client';
import type { KernelRequest, KernelResponse } from '../../src/kernel/protocol';
import { KernelSession } from '../../src/kernel/session';
import { withoutPerLead } from '../../src/kernel/perLead';
import { compilePlan } from '../../src/model/compile';
import { tinyScenario } from '../features/tinyScenario';

/** Runs the real worker logic in-process, answering each score request after a macrotask. */
class FakeWorker {
  onmessage: ((e: MessageEvent<KernelResponse>) => void) | null = null;
  readonly scored: number[] = [];
  /** Score requests as they arrive (scored: as they finish). */
  readonly received: number[] = [];
  /** The perLead flag of each score request. */
  readonly perLead: boolean[] = [];
  #session = new KernelSession();
  constructor(readonly delayMs = 5) {}

  /** Buffers handed back by the client, with the transfer list they came with. */
  readonly released: { buffers: ArrayBuffer[]; transfer: Transferable[] }[] = [];

  /** The type of every message received. */
  readonly types: KernelRequest['type'][] = [];

  postMessage(msg: KernelRequest, transfer: Transferable[] = []): void {
    this.types.push(msg.type);
    if (msg.type === 'release') {
      this.released.push({ buffers: msg.buffers, transfer });
      return;
    }
    if (msg.type === 'data') return this.#session.setData(msg.inputs, msg.facts, msg.segments, msg.logId);
    if (msg.type !== 'score') return;
    this.received.push(msg.id);
    this.perLead.push(msg.perLead);
    setTimeout(() => {
      this.scored.push(msg.id);
      const r = this.#session.score(
        msg.id,
        msg.plan,
        msg.baseline,
        msg.segment,
        msg.accuracy,
        msg.bias,
        msg.roi,
        () => 0,
      );
      this.onmessage?.({ data: { type: 'scored', ...r } } as MessageEvent<KernelResponse>);
    }, this.delayMs);
  }
  terminate(): void {}
}

/** A client over `workers` with two leads' data. */
function clientWithData(workers: FakeWorker | FakeWorker[], lanes?: number): KernelClient {
  const client = new KernelClient(workers as unknown as Worker | Worker[], lanes);
  client.setData(
    {
      n: 2,
      caseCodes: [Uint8Array.of(1, 0), Uint8Array.of(1, 2), Uint8Array.of(0, 0)],
      events: { types: ['demo_request'], lead: [Int32Array.of(0)], age: [Float64Array.of(1)] },
    },
    { outcome: Uint8Array.of(1, 2), createdDay: Int32Array.of(20000, 20001) },
    {},
  );
  return client;
}

function setup() {
  const worker = new FakeWorker();
  return { worker, client: clientWithData(worker) };
}

const planWithFitWeight = (w: number) => {
  const p = compilePlan(tinyScenario());
  p.dimWeights[0] = w;
  return p;
};

describe('KernelClient', () => {
  it('keeps one job in flight and runs only the newest of the requests that queued behind it', async () => {
    const { worker, client } = setup();
    const first = client.score(planWithFitWeight(40), null);
    const superseded = client.score(planWithFitWeight(10), null);
    const latest = client.score(planWithFitWeight(0), null);
    const [a, b, c] = await Promise.all([first, superseded, latest]);
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    // fit weight 0 → behaviour alone: lead 0 has its one demo → 100
    expect(c!.score[0]).toBe(100);
    expect(worker.scored).toEqual([a!.id, c!.id]);
  });

  it('reports worker errors on the request that caused them', async () => {
    const worker = new FakeWorker();
    const client = new KernelClient(worker as unknown as Worker);
    worker.postMessage = (msg: KernelRequest) => {
      if (msg.type === 'score')
        setTimeout(() =>
          worker.onmessage?.({
            data: { type: 'error', id: msg.id, message: 'boom' },
          } as MessageEvent<KernelResponse>),
        );
    };
    await expect(client.score(planWithFitWeight(1), null)).rejects.toThrow('boom');
  });

  it('keeps a job in flight on each of two workers and never delivers a result older than one shown', async () => {
    // worker 0 is slow, worker 1 fast: the second request finishes first, so the first is dropped
    const slow = new FakeWorker(40);
    const fast = new FakeWorker(5);
    const client = clientWithData([slow, fast]);
    const first = client.score(planWithFitWeight(40), null);
    const second = client.score(planWithFitWeight(0), null);
    // both were sent at once (two cores), none waited
    expect([slow.received.length, fast.received.length]).toEqual([1, 1]);
    const [a, b] = await Promise.all([first, second]);
    expect(b!.score[0]).toBe(100);
    expect(a).toBeNull();
    expect(slow.scored).toHaveLength(1);
    expect(fast.scored).toHaveLength(1);
    // both workers got their own copy of the data: a third request on either scores the same
    const third = await client.score(planWithFitWeight(0), null);
    expect(Array.from(third!.score)).toEqual(Array.from(b!.score));
  });

  it('with one lane of two workers, re-scores one at a time on the first and explains on the last', async () => {
    const first = new FakeWorker(5);
    const last = new FakeWorker(5);
    const client = clientWithData([first, last], 1);
    const a = client.score(planWithFitWeight(40), null);
    const superseded = client.score(planWithFitWeight(10), null);
    const latest = client.score(planWithFitWeight(0), null);
    // one job in flight, nothing on the last worker
    expect([first.received.length, last.received.length]).toEqual([1, 0]);
    void client.explain(planWithFitWeight(0), 0).catch(() => {});
    expect(last.types.filter((t) => t !== 'data')).toEqual(['explain']);
    expect(first.types).not.toContain('explain');
    const [ra, rs, rl] = await Promise.all([a, superseded, latest]);
    expect(ra).not.toBeNull();
    expect(rs).toBeNull();
    expect(rl!.score[0]).toBe(100);
    expect(first.scored).toEqual([ra!.id, rl!.id]);
    expect(last.received).toEqual([]);
  });

  it('hands the arrays of a dropped result back to a worker, each buffer once, ready to transfer', async () => {
    const slow = new FakeWorker(40);
    const fast = new FakeWorker(5);
    const client = clientWithData([slow, fast]);
    const [a, b] = await Promise.all([
      client.score(planWithFitWeight(40), null),
      client.score(planWithFitWeight(0), null),
    ]);
    expect(a).toBeNull();
    // the dropped (older) reply: score, tier, disqualified and one subscore array per dimension
    expect(slow.released).toHaveLength(1);
    const { buffers, transfer } = slow.released[0];
    expect(buffers).toHaveLength(3 + b!.subscores.length);
    expect(transfer).toEqual(buffers);
    expect(() => structuredClone(buffers, { transfer: buffers })).not.toThrow();
    expect(buffers.every((x) => x.byteLength === 0)).toBe(true);
    // the shown result goes back when the view lets go of it, to the worker that computed it (its pool)
    client.release(b!);
    expect(slow.released).toHaveLength(1);
    expect(fast.released[0].buffers).toContain(b!.score.buffer);
  });
});

describe('per-lead arrays', () => {
  it('are asked for by default and left out on request', async () => {
    const { worker, client } = setup();
    await client.score(planWithFitWeight(40), null);
    await client.score(planWithFitWeight(41), null, null, null, null, null, null, false);
    expect(worker.perLead).toEqual([true, false]);
  });

  it('leave a result with empty arrays of the same types and every aggregate as it was', () => {
    const session = new KernelSession();
    session.setData(
      {
        n: 2,
        caseCodes: [Uint8Array.of(1, 0), Uint8Array.of(1, 2), Uint8Array.of(0, 0)],
        events: { types: ['demo_request'], lead: [Int32Array.of(0)], age: [Float64Array.of(1)] },
      },
      { outcome: Uint8Array.of(1, 2), createdDay: Int32Array.of(20000, 20001) },
      {},
    );
    const plan = planWithFitWeight(40);
    const full = session.score(1, plan, plan, null, null, null, null, () => 0);
    const lean = withoutPerLead(full);
    expect(full.score).toHaveLength(2);
    expect(full.baseline?.tier).toHaveLength(2);
    expect(lean.score).toEqual(new Float64Array(0));
    expect(lean.tier).toEqual(new Uint8Array(0));
    expect(lean.disqualified).toEqual(new Uint8Array(0));
    expect(lean.subscores.map((s) => s.length)).toEqual(full.subscores.map(() => 0));
    expect(lean.subscores[0]).toBeInstanceOf(Float32Array);
    expect(lean.baseline?.tier).toEqual(new Uint8Array(0));
    expect(lean.baseline?.migration).toEqual(full.baseline?.migration);
    expect(lean.summary).toEqual(full.summary);
    expect(lean.ruleStats).toEqual(full.ruleStats);
  });
});

describe('resultBuffers', () => {
  it('lists each per-lead buffer once and skips detached ones', () => {
    const shared = new ArrayBuffer(16);
    const detached = new ArrayBuffer(8);
    const disqualified = new Uint8Array(detached);
    structuredClone(detached, { transfer: [detached] });
    const r = {
      score: new Float64Array(shared),
      tier: new Uint8Array(shared, 0, 2),
      disqualified,
      subscores: [new Float32Array(4)],
      accuracy: null,
      order: { key: 'k', rows: new Uint32Array(2) },
      baseline: null,
    } as unknown as Parameters<typeof resultBuffers>[0];
    const buffers = resultBuffers(r);
    expect(buffers).toHaveLength(2);
    expect(buffers).toContain(shared);
    // the Leads page is a few hundred rows, copied with the reply and not handed back to the pool
    expect(buffers).not.toContain(r.order!.rows.buffer);
  });
});

type DataMessage = Extract<KernelRequest, { type: 'data' }>;

/** Records the data messages a worker is sent, with their transfer lists. */
class DataRecorder {
  onmessage: ((e: MessageEvent<KernelResponse>) => void) | null = null;
  readonly data: { msg: DataMessage; transfer: Transferable[] }[] = [];
  postMessage(msg: KernelRequest, transfer: Transferable[] = []): void {
    if (msg.type === 'data') this.data.push({ msg, transfer });
  }
  terminate(): void {}
}

describe('a lane at rest after delivering a result', () => {
  it('takes its next job only when the rest is over (the page drew the result)', async () => {
    const worker = new FakeWorker(1);
    const rests: (() => void)[] = [];
    const client = new KernelClient(
      worker as unknown as Worker,
      1,
      () => new Promise<void>((resolve) => rests.push(resolve)),
    );
    client.setData(
      {
        n: 2,
        caseCodes: [Uint8Array.of(1, 0), Uint8Array.of(1, 2), Uint8Array.of(0, 0)],
        events: { types: ['demo_request'], lead: [Int32Array.of(0)], age: [Float64Array.of(1)] },
      },
      { outcome: Uint8Array.of(1, 2), createdDay: Int32Array.of(20000, 20001) },
      {},
    );
    const first = await client.score(planWithFitWeight(40), null);
    expect(first).not.toBeNull();
    expect(rests).toHaveLength(1);
    const second = client.score(planWithFitWeight(0), null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // the worker was idle, yet the job waits for the rest
    expect(worker.received).toEqual([first!.id]);
    rests[0]();
    const shown = await second;
    expect(worker.received).toEqual([first!.id, shown!.id]);
    expect(shown!.score[0]).toBe(100);
  });

  it('is not asked of a lane whose result was dropped: that lane takes the next job at once', async () => {
    const slow = new FakeWorker(40);
    const fast = new FakeWorker(5);
    let rests = 0;
    const client = new KernelClient([slow, fast] as unknown as Worker[], 2, () => {
      rests++;
      return new Promise<void>(() => {});
    });
    client.setData(
      {
        n: 2,
        caseCodes: [Uint8Array.of(1, 0), Uint8Array.of(1, 2), Uint8Array.of(0, 0)],
        events: { types: ['demo_request'], lead: [Int32Array.of(0)], age: [Float64Array.of(1)] },
      },
      { outcome: Uint8Array.of(1, 2), createdDay: Int32Array.of(20000, 20001) },
      {},
    );
    const [a, b] = await Promise.all([
      client.score(planWithFitWeight(40), null),
      client.score(planWithFitWeight(0), null),
    ]);
    expect([a, b!.score[0]]).toEqual([null, 100]);
    // the fast lane rests (forever, here); the slow one's result was dropped, so it takes the next job
    expect(rests).toBe(1);
    const third = await client.score(planWithFitWeight(0), null);
    expect(slow.received).toHaveLength(2);
    expect(third!.score[0]).toBe(100);
  });
});

describe('KernelClient.setDataInSteps', () => {
  const inputsOf = (age: number) => ({
    n: 2,
    caseCodes: [Uint8Array.of(1, 0), Uint8Array.of(1, 2), Uint8Array.of(0, 0)],
    events: { types: ['demo_request'], lead: [Int32Array.of(0)], age: [Float64Array.of(age)] },
  });
  const facts = () => ({ outcome: Uint8Array.of(1, 2), createdDay: Int32Array.of(20000, 20001) });

  it('sends the data once every copy is made, a column per step: the last worker the originals', async () => {
    const workers = [new DataRecorder(), new DataRecorder()];
    const client = new KernelClient(workers as unknown as Worker[]);
    const inputs = inputsOf(1);
    const given = facts();
    const sentAtPause: number[] = [];
    await client.setDataInSteps(inputs, given, {}, null, () => {
      sentAtPause.push(workers[0].data.length + workers[1].data.length);
      return Promise.resolve();
    });
    // one step per copied column (3 case code columns, the lead and the age column), nothing sent meanwhile
    expect(sentAtPause).toEqual([0, 0, 0, 0, 0]);
    const [[first], [last]] = workers.map((w) => w.data);
    expect(workers.map((w) => w.data.length)).toEqual([1, 1]);
    expect(last.msg.inputs.caseCodes[1]).toBe(inputs.caseCodes[1]);
    expect(last.transfer).toContain(inputs.events.age[0].buffer);
    expect(first.msg.inputs.caseCodes[1].buffer).not.toBe(inputs.caseCodes[1].buffer);
    expect(first.msg.facts.outcome.buffer).not.toBe(given.outcome.buffer);
    expect(Array.from(first.msg.inputs.caseCodes[1])).toEqual([1, 2]);
    expect(Array.from(first.msg.inputs.events!.age[0])).toEqual([1]);
    expect(Array.from(first.msg.facts.createdDay)).toEqual([20000, 20001]);
  });

  it('drops its copies when newer data was given while they were made', async () => {
    const workers = [new DataRecorder(), new DataRecorder()];
    const client = new KernelClient(workers as unknown as Worker[]);
    let newerGiven = false;
    await client.setDataInSteps(inputsOf(1), facts(), {}, null, () => {
      if (!newerGiven) client.setData(inputsOf(9), facts(), {});
      newerGiven = true;
      return Promise.resolve();
    });
    expect(workers.map((w) => w.data.map((d) => d.msg.inputs.events!.age[0][0]))).toEqual([[9], [9]]);
  });
});

describe('reScoreLanes', () => {
  it('leaves the page a core of its own and never goes below one lane or above the workers', () => {
    expect(reScoreLanes(2, 2)).toBe(1);
    expect(reScoreLanes(2, 3)).toBe(2);
    expect(reScoreLanes(2, 8)).toBe(2);
    expect(reScoreLanes(1, 1)).toBe(1);
    expect(reScoreLanes(1, 4)).toBe(1);
  });
});

describe('KernelClient.setRoiDataInSteps', () => {
  class Recorder {
    onmessage: unknown = null;
    readonly got: { msg: KernelRequest; transfer: Transferable[] }[] = [];
    postMessage(msg: KernelRequest, transfer: Transferable[] = []): void {
      this.got.push({ msg, transfer });
    }
    terminate(): void {}
  }
  const data = () => ({
    key: 'k',
    quarter: Int32Array.of(0, 1, -1),
    labels: ['2024-Q1', '2024-Q2'],
    amount: Float64Array.of(10, 0, 5),
    daysToWin: Float64Array.of(3, NaN, NaN),
    deals: { step: Uint8Array.of(1, 2, 0), stage: Int32Array.of(0, 1, -1), stageCount: 2 },
  });

  it('gives the last worker the arrays and the others copies, each with its buffers transferred', async () => {
    const workers = [new Recorder(), new Recorder()];
    const client = new KernelClient(workers as unknown as Worker[]);
    const d = data();
    let pauses = 0;
    await client.setRoiDataInSteps(d, async () => void pauses++);
    expect(pauses).toBe(5); // one per copied array
    const [first, last] = workers.map((w) => w.got[0]);
    if (first.msg.type !== 'roi-data' || last.msg.type !== 'roi-data') throw new Error('not roi data');
    expect(last.msg.data!.amount).toBe(d.amount);
    expect(first.msg.data!.amount).not.toBe(d.amount);
    expect(first.msg.data).toEqual(d);
    expect(first.transfer).toContain(first.msg.data!.quarter.buffer);
    expect(first.transfer).toHaveLength(5);
    expect(last.transfer).toContain(d.deals.stage.buffer);
  });

  it('with one lane of two workers, goes to the lane alone, as do the Bias segment and the Leads keys', async () => {
    const workers = [new Recorder(), new Recorder()];
    const client = new KernelClient(workers as unknown as Worker[], 1);
    const d = data();
    let pauses = 0;
    await client.setRoiDataInSteps(d, async () => void pauses++);
    client.setBiasSegment({ key: 'b', codes: Int32Array.of(0, 1, 0), labels: ['x', 'y'], second: null });
    client.setLeadKeys({ mask: Uint8Array.of(1, 0, 1), rank: null });
    // nothing copied: the lane is handed the arrays themselves
    expect(pauses).toBe(0);
    expect(workers[1].got).toEqual([]);
    expect(workers[0].got.map((g) => g.msg.type)).toEqual(['roi-data', 'bias-segment', 'lead-keys']);
    const roi = workers[0].got[0];
    if (roi.msg.type !== 'roi-data') throw new Error('not roi data');
    expect(roi.msg.data!.amount).toBe(d.amount);
    expect(roi.transfer).toContain(d.amount.buffer);
  });

  it('sends nothing when the hand-over was superseded while the copies were made', async () => {
    const workers = [new Recorder(), new Recorder()];
    const client = new KernelClient(workers as unknown as Worker[]);
    await client.setRoiDataInSteps(
      data(),
      async () => {},
      () => false,
    );
    expect(workers.map((w) => w.got.length)).toEqual([0, 0]);
  });
});

describe('an event log the workers were already sent', () => {
  const caseCodes = () => [Uint8Array.of(1, 0), Uint8Array.of(1, 2), Uint8Array.of(0, 0)];
  const log = () => ({
    types: ['demo_request'],
    lead: [Int32Array.of(0, 0)],
    age: [Float64Array.of(1, 2)],
  });
  const facts = () => ({ outcome: Uint8Array.of(1, 2), createdDay: Int32Array.of(20000, 20001) });

  it('is named and not sent again: only the case columns go, and both workers keep scoring with it', async () => {
    const workers = [new DataRecorder(), new DataRecorder()];
    const client = new KernelClient(workers as unknown as Worker[]);
    expect(await client.setDataInSteps({ n: 2, caseCodes: caseCodes(), events: log() }, facts(), {}, 7)).toBe(
      true,
    );
    const next = { n: 2, caseCodes: caseCodes(), events: null };
    expect(await client.setDataInSteps(next, facts(), {}, 7)).toBe(true);
    for (const w of workers) {
      const [sent, referred] = w.data;
      expect([sent.msg.logId, referred.msg.logId]).toEqual([7, 7]);
      expect(sent.msg.inputs.events?.age[0]).toHaveLength(2);
      expect(referred.msg.inputs.events).toBeNull();
      // the transfer lists: case codes and facts only, no log arrays
      expect(referred.transfer).toHaveLength(3 + 2);
    }
    // a real session given the same two messages scores as one given the log again
    const plan = compilePlan(tinyScenario());
    const kept = new KernelSession();
    for (const { msg } of workers[0].data) kept.setData(msg.inputs, msg.facts, msg.segments, msg.logId);
    const fresh = new KernelSession();
    fresh.setData({ n: 2, caseCodes: caseCodes(), events: log() }, facts(), {});
    const [a, b] = [kept, fresh].map((s) => s.score(1, plan, null, null, null, null, null, () => 0));
    expect(Array.from(a.score)).toEqual(Array.from(b.score));
    expect(a.ruleStats).toEqual(b.ruleStats);
  });

  it('resolves to false when superseded, its arrays neither sent nor emptied', async () => {
    const workers = [new DataRecorder(), new DataRecorder()];
    const client = new KernelClient(workers as unknown as Worker[]);
    const events = log();
    let newer = false;
    const sent = await client.setDataInSteps({ n: 2, caseCodes: caseCodes(), events }, facts(), {}, 8, () => {
      if (!newer) void client.setDataInSteps({ n: 2, caseCodes: caseCodes(), events: log() }, facts(), {}, 9);
      newer = true;
      return Promise.resolve();
    });
    expect(sent).toBe(false);
    expect(events.age[0]).toHaveLength(2);
  });

  it('must be the one the session holds: another id leaves it without data', () => {
    const session = new KernelSession();
    session.setData({ n: 2, caseCodes: caseCodes(), events: log() }, facts(), {}, 1);
    const plan = compilePlan(tinyScenario());
    expect(() => session.setData({ n: 2, caseCodes: caseCodes(), events: null }, facts(), {}, 2)).toThrow(
      'event log 2',
    );
    expect(() => session.score(1, plan, null, null, null, null, null, () => 0)).toThrow();
    // nor does an unnamed log stand for a later one
    session.setData({ n: 2, caseCodes: caseCodes(), events: log() }, facts(), {}, null);
    expect(() =>
      session.setData({ n: 2, caseCodes: caseCodes(), events: null }, facts(), {}, null),
    ).toThrow();
  });
});
