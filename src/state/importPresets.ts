import { parsePreset, type ImportPreset } from '../ingest/presets';
import { storedRecord, type Storage } from './storedRecord';

/** Where mapping presets live: one entry per header signature. */
export interface PresetStore {
  get(signature: string): ImportPreset | null;
  put(preset: ImportPreset): void;
  remove(signature: string): void;
}

const STORAGE_KEY = 'scorelab.importPresets';

/** Presets in localStorage; a damaged entry reads as no preset, and a full storage only loses the save. */
export function localPresetStore(storage: Storage | undefined = globalThis.localStorage): PresetStore {
  const { read: readAll, write: writeAll } = storedRecord(storage, STORAGE_KEY);
  return {
    get(signature) {
      const all = readAll();
      return Object.hasOwn(all, signature) ? parsePreset(all[signature]) : null;
    },
    put(preset) {
      writeAll({ ...readAll(), [preset.signature]: preset });
    },
    remove(signature) {
      const all = readAll();
      delete all[signature];
      writeAll(all);
    },
  };
}
