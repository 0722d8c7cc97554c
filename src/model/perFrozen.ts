/**
 * `derive`, remembered for each frozen value (a part of the scenario's plain copy, which cannot change and
 * is shared by every edit that leaves it alone); a value that is not frozen (a proxy being edited) gets it
 * computed anew.
 */
export function perFrozen<T extends object, V>(derive: (value: T) => V): (value: T) => V {
  const known = new WeakMap<T, V>();
  return (value) => {
    if (!Object.isFrozen(value)) return derive(value);
    if (!known.has(value)) known.set(value, derive(value));
    return known.get(value) as V;
  };
}
