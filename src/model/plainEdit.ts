import { enablePatches, freeze, Immer, type Patch } from 'immer';
import type { Scenario } from './scenario';

enablePatches();
// editedCopy freezes the copy itself, once the change's new values are the copy's own (see there)
const immer = new Immer({ autoFreeze: false, useStrictIteration: false });

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;
/** A scenario is JSON, and JSON reads through a reactive proxy where structuredClone cannot. */
const jsonCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A frozen deep copy of a scenario, a plain one or the editor's reactive proxy. */
export function frozenCopy(s: Scenario): Scenario {
  return freeze(jsonCopy(s), true);
}

export interface ScenarioEdit {
  /** The edited scenario, frozen. */
  next: Scenario;
  /** What the change did, to do the same to another copy of the scenario (applyEdit). */
  patches: Patch[];
}

/**
 * `change` applied to a frozen scenario, as a new frozen scenario that shares every part the change left
 * alone: a weight moved copies the root and one dimension, not the rules, so what is cached per rule
 * (conditionKey) holds across a drag, and a slider move costs a few small objects, not a full copy.
 *
 * The change runs once. It may read state that it changes (a new rule's id is the first one free), so
 * running it again on another copy could do something else: that copy gets the patches instead.
 *
 * The change may put its caller's objects into the scenario (addRule's rule, which may hold a form's
 * reactive state): the copy gets its own copies of those, so freezing it freezes nothing of theirs.
 */
export function editedCopy(s: Scenario, change: (s: Scenario) => void): ScenarioEdit {
  const [next, patches] = immer.produceWithPatches(s, change);
  if (!patches.some((p) => isObject(p.value))) return { next: freeze(next, true), patches };
  const own = patches.map((p): Patch => (isObject(p.value) ? { ...p, value: jsonCopy(p.value) } : p));
  return { next: freeze(immer.applyPatches(s, own), true), patches: own };
}

/** Makes an edit's changes to a scenario in place (the editor's reactive one), with copies of its own. */
export function applyEdit(target: Scenario, patches: readonly Patch[]): void {
  for (const { op, path, value } of patches) {
    let parent = target as unknown as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1];
    const own: unknown = isObject(value) ? jsonCopy(value) : value;
    if (Array.isArray(parent) && op !== 'replace') {
      if (op === 'add') parent.splice(Number(key), 0, own);
      else parent.splice(Number(key), 1);
    } else if (op === 'remove') delete parent[key];
    else parent[key] = own;
  }
}
