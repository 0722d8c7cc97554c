/** The part of the Web Storage API the app uses (tests pass a fake). */
export type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

/**
 * A JSON object of entries kept under one localStorage key: a damaged or missing value reads as no
 * entries, and a failed save (quota exceeded, storage disabled) only loses the save.
 */
export function storedRecord(storage: Storage | undefined, key: string) {
  return {
    read(): Record<string, unknown> {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : {};
      } catch {
        return {};
      }
    },
    write(all: Record<string, unknown>): void {
      try {
        storage?.setItem(key, JSON.stringify(all));
      } catch {
        // the caller goes on without the saved copy
      }
    },
  };
}
