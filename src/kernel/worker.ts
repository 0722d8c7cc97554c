/// <reference lib="webworker" />
import type { KernelRequest, KernelResponse } from './protocol';
import { scoreAll } from './score';
import { KernelSession } from './session';
import { SplitScorer, type Partner } from './split';

const session = new KernelSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;
// the second core: a partner worker scores the upper half of large data sets
const splitter = new SplitScorer(
  () => new Worker(new URL('./partnerWorker.ts', import.meta.url), { type: 'module' }) as unknown as Partner,
);

function handle(msg: KernelRequest): void | Promise<void> {
  if (msg.type === 'data') {
    session.setData(msg.matrix, msg.facts, msg.segments);
    splitter.setData(msg.matrix);
    return;
  }
  if (msg.type === 'roi-data') {
    session.setRoiData(msg.data);
    return;
  }
  if (msg.type === 'bias-segment') {
    session.setBiasSegment(msg.segment);
    return;
  }
  if (msg.type === 'suggest') {
    try {
      const suggestion = session.suggest(msg.plan, msg.splitDay, msg.snapshotDay);
      scope.postMessage({ type: 'suggested', id: msg.id, suggestion } satisfies KernelResponse);
    } catch (error) {
      scope.postMessage({ type: 'error', id: msg.id, message: String(error) } satisfies KernelResponse);
    }
    return;
  }
  if (msg.type === 'explain') {
    try {
      const reply: KernelResponse = {
        type: 'explained',
        id: msg.id,
        explanation: session.explain(msg.plan, msg.lead),
      };
      scope.postMessage(reply);
    } catch (error) {
      scope.postMessage({ type: 'error', id: msg.id, message: String(error) } satisfies KernelResponse);
    }
    return;
  }
  return score(msg);
}

async function score(msg: Extract<KernelRequest, { type: 'score' }>): Promise<void> {
  try {
    const startedAt = performance.now();
    const split = await splitter.score(msg.plan, (m, plan) => scoreAll(m, plan));
    const r = session.score(
      msg.id,
      msg.plan,
      msg.baseline,
      msg.segment,
      msg.accuracy,
      msg.bias,
      msg.roi,
      () => performance.now(),
      split ? { scores: split, startedAt } : null,
    );
    const reply: KernelResponse = { type: 'scored', ...r };
    scope.postMessage(reply, [
      r.score.buffer,
      r.tier.buffer,
      r.disqualified.buffer,
      ...r.subscores.map((s) => s.buffer),
      ...(r.accuracy?.probability ? [r.accuracy.probability.buffer] : []),
    ]);
  } catch (error) {
    const reply: KernelResponse = { type: 'error', id: msg.id, message: String(error) };
    scope.postMessage(reply);
  }
}

// one message at a time, in order: new data never lands while a split score waits for its other half
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (event: MessageEvent<KernelRequest>) => {
  const msg = event.data;
  queue = queue
    .then(() => handle(msg))
    .catch((error: unknown) => {
      // a message that failed outside its own reply path must not stop the ones after it
      console.error(error);
    });
};
