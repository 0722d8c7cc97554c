import { parsePreset, type ImportPreset } from '../ingest/presets';

/** Where mapping presets live: one entry per header signature. */
export interface PresetStore {
  get(signature: string): ImportPreset | null;
  put(preset: ImportPreset): void;
  remove(signature: string): void;
}

const STORAGE_KEY = 'scorelab.importPresets';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/** Presets in localStorage; a damaged entry reads as no preset, and a full storage only loses the save. */
export function localPresetStore(storage: Storage | undefined = globalThis.localStorage): PresetStore {
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
  const writeAll = (all: Record<string, unknown>) => {
    try {
      storage?.setItem(STORAGE_KEY, JSON.stringify(all));
    } catch {
      // quota exceeded or storage disabled: the import itself goes on without the preset
    }
  };
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
