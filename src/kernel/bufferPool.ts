/**
 * Result arrays the UI thread handed back (KernelClient.release), kept for the next results: a fresh
 * 8 MB array costs its page faults and, later, a collection; a reused one costs neither.
 */
export class BufferPool {
  #free: ArrayBuffer[] = [];
  #bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** Keeps the buffers while the pool has room; the rest are left to the collector. */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) {
      if (b.byteLength === 0 || this.#bytes + b.byteLength > this.maxBytes) continue;
      this.#free.push(b);
      this.#bytes += b.byteLength;
    }
  }

  /** A kept buffer of exactly `bytes` (its old contents included), else a new zeroed one. */
  take(bytes: number): ArrayBuffer {
    const k = this.#free.findIndex((b) => b.byteLength === bytes);
    if (k < 0) return new ArrayBuffer(bytes);
    const [b] = this.#free.splice(k, 1);
    this.#bytes -= bytes;
    return b;
  }
}
