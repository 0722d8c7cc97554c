/// <reference lib="webworker" />
import type { KernelRequest, KernelResponse } from './protocol';
import { KernelSession } from './session';
import { withoutPerLead } from './perLead';

const session = new KernelSession();
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<KernelRequest>) => {
  const msg = event.data;
  if (msg.type === 'data') {
    session.setData(msg.inputs, msg.facts, msg.segments, msg.logId);
    return;
  }
  if (msg.type === 'roi-data') {
    session.setRoiData(msg.data);
    return;
  }
  if (msg.type === 'release') {
    session.release(msg.buffers);
    return;
  }
  if (msg.type === 'lead-keys') {
    session.setLeadKeys(msg.keys);
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
  try {
    const scored = session.score(
      msg.id,
      msg.plan,
      msg.baseline,
      msg.segment,
      msg.accuracy,
      msg.bias,
      msg.roi,
      () => performance.now(),
      msg.order,
    );
    const r = msg.perLead ? scored : withoutPerLead(scored);
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
};
