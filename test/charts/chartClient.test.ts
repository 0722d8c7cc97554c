import { describe, expect, it } from 'vitest';
import {
  ChartClient,
  type ChartReply,
  type ChartRequest,
  type ChartWorker,
} from '../../src/charts/chartClient';
import type { ChartSpec } from '../../src/charts/registry';

/** A worker that answers only when told to, with the spec's width as the tree's text. */
class FakeWorker implements ChartWorker {
  sent: ChartRequest[] = [];
  onmessage: ((e: MessageEvent<ChartReply>) => void) | null = null;
  postMessage(message: ChartRequest): void {
    this.sent.push(structuredClone(message));
  }
  answer(id: number, error?: string): void {
    const request = this.sent.find((r) => r.id === id)!;
    const reply: ChartReply = error ? { id, error } : { id, tree: String(widthOf(request.spec)) };
    this.onmessage!({ data: reply } as MessageEvent<ChartReply>);
  }
}

const spec = (width: number): ChartSpec => ({
  kind: 'waterfall',
  args: [[{ label: 'Fit', value: 1 }], { labels: { value: 'Points' }, width }],
});
const widthOf = (s: ChartSpec) => (s.args.at(-1) as { width: number }).width;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ChartClient', () => {
  it('keeps one chart in flight per figure; the newest waiting spec replaces the older (latest wins)', async () => {
    const worker = new FakeWorker();
    const client = new ChartClient(worker);
    const figure = {};
    const got: (string | null)[] = [];
    const record = (p: Promise<unknown>) => p.then((t) => got.push(t as string | null));
    record(client.draw(figure, spec(1)));
    record(client.draw(figure, spec(2)));
    record(client.draw(figure, spec(3)));
    await flush();
    expect(worker.sent.map((r) => widthOf(r.spec))).toEqual([1]);
    expect(got).toEqual([null]); // 2, replaced by 3 before it was sent
    expect(client.pending).toBe(2);
    worker.answer(worker.sent[0].id);
    await flush();
    // 1 is shown (newer than what the figure had), and 3 goes out
    expect(got).toEqual([null, '1']);
    expect(worker.sent.map((r) => widthOf(r.spec))).toEqual([1, 3]);
    worker.answer(worker.sent[1].id);
    await flush();
    expect(got).toEqual([null, '1', '3']);
    expect(client.pending).toBe(0);
  });

  it('draws the charts of different figures at the same time, and says when all are drawn', async () => {
    const worker = new FakeWorker();
    const client = new ChartClient(worker);
    const a = client.draw({}, spec(1));
    const b = client.draw({}, spec(2));
    expect(worker.sent).toHaveLength(2);
    let idle = false;
    void client.idle(10_000).then(() => (idle = true));
    worker.answer(worker.sent[1].id);
    await flush();
    expect(idle).toBe(false);
    worker.answer(worker.sent[0].id);
    expect(await a).toBe('1');
    expect(await b).toBe('2');
    await flush();
    expect(idle).toBe(true);
  });

  it('a chart the worker could not draw rejects with its message; a cancelled figure gets nothing', async () => {
    const worker = new FakeWorker();
    const client = new ChartClient(worker);
    const figure = {};
    const failed = client.draw(figure, spec(1));
    const cancelled = client.draw(figure, spec(2));
    client.cancel(figure);
    expect(await cancelled).toBeNull();
    worker.answer(worker.sent[0].id, 'no such mark');
    await expect(failed).rejects.toThrow('no such mark');
    expect(worker.sent).toHaveLength(1);
  });

  it('sends the plain copy when the spec holds what a worker cannot be sent (a reactive proxy)', async () => {
    const worker = new FakeWorker();
    const client = new ChartClient(worker);
    const plain = spec(7);
    const proxied = { ...plain, args: new Proxy(plain.args, {}) } as ChartSpec;
    void client.draw({}, proxied, () => plain);
    expect(worker.sent.map((r) => widthOf(r.spec))).toEqual([7]);
    // without one, the chart is refused, and the client is not left waiting for it
    await expect(client.draw({}, proxied)).rejects.toThrow(/could not be cloned/);
    expect(client.pending).toBe(1);
  });

  it('without a worker, draws in place', async () => {
    const tree = await new ChartClient(null).draw({}, spec(300));
    expect(typeof tree === 'object' && tree?.tag).toBe('svg');
  });
});
