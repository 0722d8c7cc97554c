const med3 = (a: number, b: number, c: number): number =>
  Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

/**
 * Moves the k-th smallest of a[l … r] (inclusive) to index k: smaller-or-equal values before it,
 * greater-or-equal after.
 */
function select(a: Float64Array, left: number, right: number, k: number): void {
  let l = left;
  let r = right;
  while (l < r) {
    const x = med3(a[l], a[k], a[r]); // a value of the range: it stops both scans
    let i = l;
    let j = r;
    do {
      while (a[i] < x) i++;
      while (x < a[j]) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) r = j;
  }
}

/**
 * The median of METRICS.md "ROI" (median days from created to won) of values[from … to), which must hold no
 * NaN: the middle value, or the mean of the two middle values for an even count; null when the range is
 * empty. Reorders the range (quickselect, expected O(n)).
 */
export function medianInPlace(values: Float64Array, from: number, to: number): number | null {
  const m = to - from;
  if (m <= 0) return null;
  const k = from + ((m - 1) >> 1);
  select(values, from, to - 1, k);
  if (m % 2 === 1) return values[k];
  let upper = values[k + 1];
  for (let j = k + 2; j < to; j++) if (values[j] < upper) upper = values[j];
  return (values[k] + upper) / 2;
}
