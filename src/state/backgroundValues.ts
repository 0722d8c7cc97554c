const PENDING = Symbol('pending');

/**
 * Values computed in the background, one per key object, for a `$derived` that must not block: `get` gives
 * null while the value is computed and calls `onReady` once it is, so the derived reads it again.
 */
export class BackgroundValues<K extends object, V> {
  #values = new WeakMap<K, V | typeof PENDING>();

  constructor(private readonly onReady: () => void) {}

  get(key: K, compute: (key: K) => Promise<V>): V | null {
    const value = this.#values.get(key);
    if (value === PENDING) return null;
    if (value !== undefined) return value;
    this.#values.set(key, PENDING);
    void compute(key).then((computed) => {
      this.#values.set(key, computed);
      this.onReady();
    });
    return null;
  }
}
