import type { CompanyList } from '../features/companyList';
import type { DuplicatesReply, DuplicatesRequest } from './duplicatesWorker';

/**
 * findDuplicates in a worker of its own, started for the one call: at a million leads it takes seconds,
 * which on the UI thread would freeze the page right after a load. Only the `keep` largest groups come
 * back (a million leads have tens of thousands; reading them all back would block the page again). The
 * list is already packed (one string of names), so posting it is one copy.
 */
export async function findDuplicatesOffThread(
  companies: CompanyList,
  keep: number,
): Promise<DuplicatesReply> {
  const request: DuplicatesRequest = {
    names: companies.names,
    nameLengths: companies.nameLengths.slice(),
    leads: companies.leads.slice(),
    keep,
  };
  const worker = new Worker(new URL('./duplicatesWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<DuplicatesReply>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<DuplicatesReply>) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(request, [request.leads.buffer, request.nameLengths.buffer]);
  }).finally(() => worker.terminate());
}
