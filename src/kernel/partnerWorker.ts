/// <reference lib="webworker" />
import type { RuleMatrix } from './matrix';
import { scoreAll } from './score';
import { scoresBuffers, type PartnerReply, type PartnerRequest } from './split';

/** The second core: scores the upper half of the leads for the kernel worker. */
let matrix: RuleMatrix | null = null;
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PartnerRequest>) => {
  const msg = event.data;
  if (msg.type === 'data') {
    matrix = msg.matrix;
    return;
  }
  try {
    if (!matrix) throw new Error('no data');
    const scores = scoreAll(matrix, msg.plan);
    scope.postMessage({ type: 'scored', id: msg.id, scores } satisfies PartnerReply, scoresBuffers(scores));
  } catch (error) {
    scope.postMessage({ type: 'error', id: msg.id, message: String(error) } satisfies PartnerReply);
  }
};
