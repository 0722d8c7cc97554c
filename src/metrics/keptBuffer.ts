/**
 * A Float64Array kept between calls and grown when asked for more: the kernel's per-call buffers at a
 * million leads (a fresh 8 MB array pays its page faults, and later a collection). `take(n)` gives its first
 * n values, old contents and all; the caller is done with them before the next take.
 */
export function keptFloat64(): (n: number) => Float64Array {
  let buffer = new Float64Array(0);
  return (n) => {
    if (buffer.length < n) buffer = new Float64Array(n);
    return buffer.subarray(0, n);
  };
}
