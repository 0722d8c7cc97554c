/// <reference lib="webworker" />
/**
 * Draws charts off the page's thread: Plot's work and all it allocates stay here, and the page only patches
 * its figures from the trees (src/charts/chartClient.ts).
 */
import { drawChart } from './registry';
import type { ChartReply, ChartRequest } from './chartClient';

self.onmessage = (e: MessageEvent<ChartRequest>) => {
  const { id, spec } = e.data;
  let reply: ChartReply;
  try {
    reply = { id, tree: drawChart(spec) };
  } catch (err) {
    reply = { id, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
