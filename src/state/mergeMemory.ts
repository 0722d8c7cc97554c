// Where the user's company merges are kept between visits: one entry per data set, so merges made on a
// leads export come back when the same export is loaded again (validated before they apply).

import type { LoadReport } from '../ingest/load';
import type { PreparedFile } from '../ingest/prepare';
import { headerSignature } from '../ingest/presets';

export interface MergeStore {
  /** The stored value as saved (unvalidated), or undefined. */
  get(key: string): unknown;
  put(key: string, merges: readonly [string, string][]): void;
}

const STORAGE_KEY = 'scorelab.companyMerges';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** The data set a load is: its leads file's header signature and number of rows; null without leads. */
export function mergeKey(files: readonly PreparedFile[], report: LoadReport): string | null {
  const leads = files.find((f) => f.kind === 'leads');
  const loaded = report.files.find((f) => f.kind === 'leads');
  if (!leads || !loaded) return null;
  return `${headerSignature(leads.headers, 'leads')}\u001e${loaded.rows}`;
}

/** Merges in localStorage; a damaged store reads as nothing saved, a full one only loses the save. */
export function localMergeStore(storage: Storage | undefined = globalThis.localStorage): MergeStore {
  const readAll = (): Record<string, unknown> => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch {
      return {};
    }
  };
  return {
    get(key) {
      const all = readAll();
      return Object.hasOwn(all, key) ? all[key] : undefined;
    },
    put(key, merges) {
      const all = readAll();
      if (merges.length === 0) delete all[key];
      else all[key] = merges;
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify(all));
      } catch {
        // quota exceeded or storage disabled: the merges still count for this visit
      }
    },
  };
}
