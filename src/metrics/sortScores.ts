// The histograms and the second buffer are kept between calls: a re-score sorts a million scores each time,
// and fresh buffers of that size cost more in garbage collection than the sort itself.
const RADIX = 4096;
/** The sorted key's digits, least significant first: [word (0 low, 1 high), shift, width in bits]. */
const DIGITS = [
  [0, 20, 12],
  [1, 0, 12],
  [1, 12, 12],
  [1, 24, 8],
] as const;
const COUNTS = DIGITS.map(() => new Uint32Array(RADIX));
/** The last 20 bits of a long run of equal leading bits, as two 10-bit digits. */
const RUN_COUNTS = new Uint32Array(1024);
let spare = new Uint32Array(0);

function spareWords(length: number): Uint32Array {
  if (spare.length < length) spare = new Uint32Array(length);
  return spare.subarray(0, length);
}

/** Runs of equal leading 44 bits up to this length are finished by insertion sort, longer ones by radix. */
const INSERTION_RUN = 32;

/**
 * Sorts non-negative doubles ascending by their IEEE-754 bits (which order like the numbers for x ≥ 0):
 * an LSD radix sort on the leading 44 bits (12-bit digits, whose 4,096 write positions stay in the cache;
 * all histograms from one read pass; a digit every value shares is skipped), then each run of equal
 * leading bits is sorted on the last 20 (insertion sort, or two more radix passes for a long run: scores
 * that are equal in exact arithmetic but rounded apart). Scores are often a base plus a tiny decayed term:
 * clusters of thousands sharing the high 32 bits, which a sort on those alone left to the built-in
 * comparison sort, slow in Chromium. Negative or NaN input falls back to the built-in sort.
 */
export function sortNonNegative(values: Float64Array): Float64Array {
  const n = values.length;
  for (let i = 0; i < n; i++) if (!(values[i] >= 0)) return values.sort();
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const [c0, c1, c2, c3] = COUNTS;
  for (const c of COUNTS) c.fill(0);
  // little-endian: word 2i is the low half of value i, 2i + 1 the high half
  for (let i = 0; i < n; i++) {
    if (bits[2 * i] === 0 && bits[2 * i + 1] === 0x80000000) bits[2 * i + 1] = 0; // -0 → 0
    const h = bits[2 * i + 1];
    c0[bits[2 * i] >>> 20]++;
    c1[h & 0xfff]++;
    c2[(h >>> 12) & 0xfff]++;
    c3[h >>> 24]++;
  }
  let from: Uint32Array = bits;
  let to: Uint32Array | null = null;
  DIGITS.forEach(([word, shift, width], d) => {
    const mask = (1 << width) - 1;
    if (COUNTS[d][(from[word] >>> shift) & mask] === n) return;
    to ??= spareWords(n * 2);
    scatter(from, to, COUNTS[d], word, shift, mask);
    [from, to] = [to, from];
  });
  if (from !== bits) bits.set(from);
  sortRunsOfEqualLeadingBits(values, bits);
  return values;
}

/** One stable counting pass on the digit (word, shift, mask) of each value. */
function scatter(
  from: Uint32Array,
  to: Uint32Array,
  counts: Uint32Array,
  word: number,
  shift: number,
  mask: number,
): void {
  const n = from.length / 2;
  let sum = 0;
  for (let d = 0; d < counts.length; d++) {
    const c = counts[d];
    counts[d] = sum;
    sum += c;
  }
  for (let i = 0; i < n; i++) {
    const at = counts[(from[2 * i + word] >>> shift) & mask]++;
    to[2 * at] = from[2 * i];
    to[2 * at + 1] = from[2 * i + 1];
  }
}

function sortRunsOfEqualLeadingBits(values: Float64Array, bits: Uint32Array): void {
  const n = values.length;
  let start = 0;
  while (start < n) {
    const h = bits[2 * start + 1];
    const m = bits[2 * start] >>> 20;
    let end = start + 1;
    let sorted = true;
    while (end < n && bits[2 * end + 1] === h && bits[2 * end] >>> 20 === m) {
      if (bits[2 * end] < bits[2 * end - 2]) sorted = false;
      end++;
    }
    if (!sorted) {
      if (end - start <= INSERTION_RUN) {
        for (let i = start + 1; i < end; i++) {
          const v = values[i];
          let j = i - 1;
          while (j >= start && values[j] > v) {
            values[j + 1] = values[j];
            j--;
          }
          values[j + 1] = v;
        }
      } else {
        sortRunOnLowBits(bits, start, end);
      }
    }
    start = end;
  }
}

/** Sorts values start … end-1, equal in their leading 44 bits, on the last 20 (two stable 10-bit passes). */
function sortRunOnLowBits(bits: Uint32Array, start: number, end: number): void {
  let from = bits.subarray(2 * start, 2 * end);
  let to = spareWords(2 * (end - start));
  for (const shift of [0, 10]) {
    const counts = RUN_COUNTS.fill(0);
    for (let i = 0; i < end - start; i++) counts[(from[2 * i] >>> shift) & 0x3ff]++;
    scatter(from, to, counts, 0, shift, 0x3ff);
    [from, to] = [to, from];
  }
  // an even number of passes: the sorted words are back in the run's own place
}
