import { sortIndicesBy } from '../kernel/leadOrder';

/**
 * A text column kept compact, outside millions of JS strings: a value is decoded when it is read. The
 * Leads table's filter and sorts work on the column without decoding where they can.
 */
export interface TextColumn {
  readonly length: number;
  get(i: number): string;
  /** Sets mask[i] = 1 for each value whose lower case contains `needle` (given in lower case). */
  markContaining(needle: string, mask: Uint8Array): void;
  /** Dense rank of each value in UTF-16 code-unit order (the order of `<` on strings). */
  ranks(): Uint32Array;
}

/** Few distinct values: a code per row into `values` (distinct, in order of first appearance). */
export class DictionaryText implements TextColumn {
  constructor(
    readonly codes: Uint8Array | Uint16Array,
    readonly values: readonly string[],
  ) {}

  get length(): number {
    return this.codes.length;
  }

  get(i: number): string {
    return this.values[this.codes[i]];
  }

  markContaining(needle: string, mask: Uint8Array): void {
    const hit = Uint8Array.from(this.values, (v) => (v.toLowerCase().includes(needle) ? 1 : 0));
    const { codes } = this;
    for (let i = 0; i < codes.length; i++) if (hit[codes[i]]) mask[i] = 1;
  }

  ranks(): Uint32Array {
    const byValue = this.values.map((v, code) => ({ v, code }));
    byValue.sort((a, b) => (a.v < b.v ? -1 : a.v > b.v ? 1 : 0));
    const rankOf = new Uint32Array(this.values.length);
    byValue.forEach((e, r) => (rankOf[e.code] = r));
    return recode(this.codes, rankOf, new Uint32Array(this.codes.length));
  }
}

const utf8 = new TextDecoder();

/**
 * UTF-8 lead bytes re-ordered so that byte order is UTF-16 code-unit order: U+E000–U+FFFF (lead bytes
 * EE, EF) sort after the supplementary planes (F0–F4), whose UTF-16 form starts with a surrogate
 * (D800–DBFF). No other byte moves, and a continuation byte is never one of these.
 */
const UTF16_ORDER = Uint8Array.from({ length: 256 }, (_, b) =>
  b === 0xee ? 0xf3 : b === 0xef ? 0xf4 : b >= 0xf0 && b <= 0xf4 ? b - 2 : b,
);

/** Many distinct values (ids, company names): one UTF-8 buffer and each row's start in it. */
export class Utf8Text implements TextColumn {
  /** `offsets` has length + 1 entries: row i is bytes[offsets[i], offsets[i + 1]). */
  constructor(
    readonly bytes: Uint8Array,
    readonly offsets: Uint32Array,
  ) {}

  get length(): number {
    return this.offsets.length - 1;
  }

  get(i: number): string {
    return utf8.decode(this.bytes.subarray(this.offsets[i], this.offsets[i + 1]));
  }

  markContaining(needle: string, mask: Uint8Array): void {
    const ascii = /^[\0-\x7f]*$/.test(needle);
    const pattern = Uint8Array.from(needle, (c) => c.charCodeAt(0));
    const { bytes, offsets } = this;
    for (let i = 0; i < this.length; i++) {
      if (mask[i]) continue;
      const start = offsets[i];
      const end = offsets[i + 1];
      let plain = true;
      for (let k = start; k < end && plain; k++) plain = bytes[k] < 0x80;
      // an ASCII value lower-cases to ASCII: byte search; any other value is decoded and tested
      if (plain) {
        if (ascii && containsFolded(bytes, start, end, pattern)) mask[i] = 1;
      } else if (this.get(i).toLowerCase().includes(needle)) mask[i] = 1;
    }
  }

  /** Compares rows a and b in UTF-16 code-unit order without decoding them (their first `from` bytes equal). */
  compare(a: number, b: number, from = 0): number {
    const { bytes, offsets } = this;
    const la = offsets[a + 1] - offsets[a];
    const lb = offsets[b + 1] - offsets[b];
    const m = Math.min(la, lb);
    for (let k = from; k < m; k++) {
      const x = bytes[offsets[a] + k];
      const y = bytes[offsets[b] + k];
      if (x !== y) return UTF16_ORDER[x] - UTF16_ORDER[y];
    }
    return la - lb;
  }

  ranks(): Uint32Array {
    const n = this.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    this.#sortRange(order, 0, n, 0, new Float64Array(n));
    const rank = new Uint32Array(n);
    let r = 0;
    for (let k = 1; k < n; k++) {
      if (this.compare(order[k - 1], order[k]) !== 0) r++;
      rank[order[k]] = r;
    }
    return rank;
  }

  /**
   * Sorts order[start, end), whose values share their first `depth` bytes: a radix sort on the next
   * PREFIX bytes, then each run that shares those too, deeper; small or short runs by comparison.
   */
  #sortRange(order: Uint32Array, start: number, end: number, depth: number, key: Float64Array): void {
    const { bytes, offsets } = this;
    let longest = 0;
    for (let k = start; k < end; k++) {
      const i = order[k];
      const from = offsets[i] + depth;
      const len = offsets[i + 1] - from;
      longest = Math.max(longest, len);
      let v = 0;
      for (let j = 0; j < PREFIX; j++) v = v * 256 + (j < len ? UTF16_ORDER[bytes[from + j]] : 0);
      key[i] = v;
    }
    if (end - start <= SMALL_RUN || longest <= PREFIX) {
      const run = Array.from(order.subarray(start, end));
      run.sort((a, b) => key[a] - key[b] || this.compare(a, b, depth + PREFIX));
      order.set(run, start);
      return;
    }
    order.set(sortIndicesBy(order.subarray(start, end), key, false), start);
    let from = start;
    for (let k = start + 1; k <= end; k++) {
      if (k < end && key[order[k]] === key[order[from]]) continue;
      if (k - from > 1) this.#sortRange(order, from, k, depth + PREFIX, key);
      from = k;
    }
  }
}

/** Bytes per radix key (6 × 8 bits: exact in a double). */
const PREFIX = 6;
/** Runs this short are sorted by comparison. */
const SMALL_RUN = 4096;

/** Whether bytes[start, end), ASCII upper case folded to lower, contains `pattern` (lower-case ASCII). */
function containsFolded(bytes: Uint8Array, start: number, end: number, pattern: Uint8Array): boolean {
  const m = pattern.length;
  for (let at = start; at + m <= end; at++) {
    let k = 0;
    for (; k < m; k++) {
      const b = bytes[at + k];
      if ((b >= 0x41 && b <= 0x5a ? b + 32 : b) !== pattern[k]) break;
    }
    if (k === m) return true;
  }
  return false;
}

/** Dictionary codes of up to 65,536 distinct values fit two bytes; up to 256, one. */
export const DICTIONARY_LIMIT = 65536;

/** Narrows Uint16 codes to one byte each when the dictionary allows it. */
export function dictionaryText(codes: Uint16Array, values: readonly string[]): DictionaryText {
  return new DictionaryText(values.length <= 256 ? Uint8Array.from(codes) : codes, values);
}

const utf8Encoder = new TextEncoder();

/** A column from plain strings (small data, tests): a dictionary while the values allow one. */
export function textColumnOf(values: readonly string[]): TextColumn {
  const index = new Map<string, number>();
  const codes = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let code = index.get(values[i]);
    if (code === undefined) {
      if (index.size === DICTIONARY_LIMIT) return utf8TextOf(values);
      code = index.size;
      index.set(values[i], code);
    }
    codes[i] = code;
  }
  return dictionaryText(codes, [...index.keys()]);
}

/** A UTF-8 column from plain strings. */
export function utf8TextOf(values: readonly string[]): Utf8Text {
  const encoded = values.map((v) => utf8Encoder.encode(v));
  const offsets = new Uint32Array(values.length + 1);
  encoded.forEach((e, i) => (offsets[i + 1] = offsets[i] + e.length));
  const bytes = new Uint8Array(offsets[values.length]);
  encoded.forEach((e, i) => bytes.set(e, offsets[i]));
  return new Utf8Text(bytes, offsets);
}

/** Every value of a column as a string (tests, small columns). */
export const textValues = (column: TextColumn): string[] =>
  Array.from({ length: column.length }, (_, i) => column.get(i));

/**
 * out[i] = table[codes[i]] for every i: dictionary codes mapped to other codes. A plain loop, several
 * times faster than TypedArray.from with a mapping function at a million leads.
 */
export function recode<T extends Int32Array | Uint32Array | Uint8Array>(
  codes: ArrayLike<number>,
  table: ArrayLike<number>,
  out: T,
): T {
  for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]];
  return out;
}
