/** Whether b is a with two neighbouring letters swapped (Amce / Acme), the commonest typing slip. */
export function oneSwapApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Keys sharing one letter multiset beyond this many are too generic to compare pairwise. */
const MAX_BUCKET = 24;

/**
 * Pairs of keys (by index, smaller first) one swap apart, without comparing every pair: such keys have the
 * same letters, so keys are bucketed by their sorted letters and compared only within a bucket.
 */
export function pairsOneSwapApart(keys: readonly string[]): [number, number][] {
  const buckets = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const letters = [...key].sort().join('');
    const bucket = buckets.get(letters);
    if (bucket) bucket.push(i);
    else buckets.set(letters, [i]);
  });
  const pairs: [number, number][] = [];
  for (const bucket of buckets.values()) {
    if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
    for (let x = 0; x < bucket.length; x++)
      for (let y = x + 1; y < bucket.length; y++)
        if (oneSwapApart(keys[bucket[x]], keys[bucket[y]])) pairs.push([bucket[x], bucket[y]]);
  }
  return pairs;
}
