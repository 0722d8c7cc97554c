/// <reference lib="webworker" />
import { findDuplicates, type DuplicateGroup } from '../features/identity';
import { unpackNames } from '../features/packedNames';

/**
 * Company names as written and their lead counts, as columns: the names end to end in one string with
 * their lengths (one string posts far faster than a few hundred thousand), the counts in an array.
 */
export interface DuplicatesRequest {
  names: string;
  nameLengths: Int32Array;
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
  const { names, nameLengths, leads, keep } = event.data;
  const { groups } = findDuplicates(
    unpackNames(names, nameLengths).map((name, i) => ({ name, leads: leads[i] })),
  );
  scope.postMessage({ groups: groups.slice(0, keep), groupCount: groups.length } satisfies DuplicatesReply);
};
