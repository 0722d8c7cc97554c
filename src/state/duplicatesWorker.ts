/// <reference lib="webworker" />
import { findDuplicates, type DuplicateGroup } from '../features/identity';

/** Company names as written and their lead counts (a column pair: cheaper to post than objects). */
export interface DuplicatesRequest {
  names: string[];
  leads: Float64Array;
  /** How many groups (largest first) to send back; the page shows only the first ones. */
  keep: number;
}

export interface DuplicatesReply {
  groups: DuplicateGroup[];
  /** All groups found, kept or not. */
  groupCount: number;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<DuplicatesRequest>) => {
  const { names, leads, keep } = event.data;
  const { groups } = findDuplicates(names.map((name, i) => ({ name, leads: leads[i] })));
  scope.postMessage({ groups: groups.slice(0, keep), groupCount: groups.length } satisfies DuplicatesReply);
};
