import type { CompanyCount } from '../features/identity';
import { pacer } from '../kernel/tasks';
import type { DuplicatesReply, DuplicatesRequest } from './duplicatesWorker';
import { packNamesInSteps } from './packedNames';

/**
 * findDuplicates in a worker of its own, started for the one call: at a million leads it takes seconds,
 * which on the UI thread would freeze the page right after a load. Only the `keep` largest groups come
 * back (a million leads have tens of thousands; reading them all back would block the page again). The
 * request is packed in steps, so the page keeps drawing meanwhile.
 */
export async function findDuplicatesOffThread(
  companies: readonly CompanyCount[],
  keep: number,
  pace: () => Promise<void> = pacer(),
): Promise<DuplicatesReply> {
  const packed = await packNamesInSteps(companies.length, (i) => companies[i].name, pace);
  const leads = new Float64Array(companies.length);
  for (let i = 0; i < companies.length; i++) leads[i] = companies[i].leads;
  const request: DuplicatesRequest = { ...packed, leads, keep };
  const worker = new Worker(new URL('./duplicatesWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<DuplicatesReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<DuplicatesReply>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request, [request.leads.buffer, request.nameLengths.buffer]);
  }).finally(() => worker.terminate());
}
