// Where the user's company merges are kept between visits: one entry per data set, so merges made on a
// leads export come back when the same export is loaded again (validated before they apply).

import type { LoadReport } from '../ingest/load';
import type { PreparedFile } from '../ingest/prepare';
import { headerSignature } from '../ingest/presets';
import { storedRecord, type Storage } from './storedRecord';

export interface MergeStore {
  /** The stored value as saved (unvalidated), or undefined. */
  get(key: string): unknown;
  put(key: string, merges: readonly [string, string][]): void;
}

const STORAGE_KEY = 'scorelab.companyMerges';

/** The data set a load is: its leads file's header signature and number of rows; null without leads. */
export function mergeKey(files: readonly PreparedFile[], report: LoadReport): string | null {
  const leads = files.find((f) => f.kind === 'leads');
  const loaded = report.files.find((f) => f.kind === 'leads');
  if (!leads || !loaded) return null;
  return `${headerSignature(leads.headers, 'leads')}\u001e${loaded.rows}`;
}

/** Merges in localStorage; a damaged store reads as nothing saved, a full one only loses the save. */
export function localMergeStore(storage: Storage | undefined = globalThis.localStorage): MergeStore {
  const { read: readAll, write: writeAll } = storedRecord(storage, STORAGE_KEY);
  return {
    get(key) {
      const all = readAll();
      return Object.hasOwn(all, key) ? all[key] : undefined;
    },
    put(key, merges) {
      const all = readAll();
      if (merges.length === 0) delete all[key];
      else all[key] = merges;
      writeAll(all); // a failed save: the merges still count for this visit
    },
  };
}
