import type { Scenario } from '../model/scenario';
import { validateScenario } from '../model/validate';

export interface SavedScenario {
  name: string;
  savedAt: string;
  scenario: Scenario;
}

const STORAGE_KEY = 'scorelab.scenarios';

/** Saved scenarios from localStorage; entries that no longer validate are left out, not trusted. */
function read(): SavedScenario[] {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { name, savedAt, scenario } = item as Record<string, unknown>;
      const v = validateScenario(scenario);
      return typeof name === 'string' && typeof savedAt === 'string' && v.ok
        ? [{ name, savedAt, scenario: v.scenario }]
        : [];
    });
  } catch {
    return [];
  }
}

/** Named scenarios kept in this browser. */
class LibraryState {
  items = $state.raw<SavedScenario[]>(read());

  save(name: string, scenario: Scenario): void {
    const clean = name.trim().slice(0, 200);
    if (!clean) return;
    const entry = {
      name: clean,
      savedAt: new Date().toISOString(),
      scenario: structuredClone({ ...scenario, name: clean }),
    };
    this.#write([...this.items.filter((i) => i.name !== clean), entry]);
  }

  remove(name: string): void {
    this.#write(this.items.filter((i) => i.name !== name));
  }

  rename(from: string, to: string): void {
    const clean = to.trim().slice(0, 200);
    if (!clean || this.items.some((i) => i.name === clean)) return;
    this.#write(
      this.items.map((i) =>
        i.name === from ? { ...i, name: clean, scenario: { ...i.scenario, name: clean } } : i,
      ),
    );
  }

  duplicate(name: string, copyName: (base: string, n: number) => string): void {
    const item = this.items.find((i) => i.name === name);
    if (!item) return;
    let n = 2;
    while (this.items.some((i) => i.name === copyName(name, n))) n++;
    this.save(copyName(name, n), item.scenario);
  }

  #write(items: SavedScenario[]): void {
    this.items = items;
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(items));
  }
}

export const library = new LibraryState();
