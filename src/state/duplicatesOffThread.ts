import type { CompanyCount } from '../features/identity';
import type { DuplicatesReply, DuplicatesRequest } from './duplicatesWorker';
import { packNames } from './packedNames';

/**
 * findDuplicates in a worker of its own, started for the one call: at a million leads it takes seconds,
 * which on the UI thread would freeze the page right after a load. Only the `keep` largest groups come
 * back (a million leads have tens of thousands; reading them all back would block the page again).
 */
export function findDuplicatesOffThread(
  companies: readonly CompanyCount[],
  keep: number,
): Promise<DuplicatesReply> {
  const worker = new Worker(new URL('./duplicatesWorker.ts', import.meta.url), { type: 'module' });
  const request: DuplicatesRequest = {
    ...packNames(companies.map((c) => c.name)),
    leads: Float64Array.from(companies, (c) => c.leads),
    keep,
  };
  return new Promise<DuplicatesReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<DuplicatesReply>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request, [request.leads.buffer, request.nameLengths.buffer]);
  }).finally(() => worker.terminate());
}
