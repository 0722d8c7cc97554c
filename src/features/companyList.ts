import type { CompanyCount } from './identity';

/** FNV-1a over a string's UTF-16 code units from `start` to `end`. */
function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Distinct company names as written with their lead counts, kept as columns: the names end to end in one
 * string with their lengths, the counts in an array. Hundreds of thousands of {name, leads} objects kept
 * on the page made each major garbage collection of a drag at a million leads take 120-170 ms.
 */
export class CompanyList {
  readonly count: number;
  readonly #starts: Int32Array;
  /** Open addressing: name position + 1 per slot (0 = empty), built on the first `has`. */
  #slots: Int32Array | null = null;

  constructor(
    readonly names: string,
    readonly nameLengths: Int32Array,
    readonly leads: Float64Array,
  ) {
    this.count = nameLengths.length;
    this.#starts = new Int32Array(this.count + 1);
    for (let i = 0; i < this.count; i++) this.#starts[i + 1] = this.#starts[i] + nameLengths[i];
    if (this.#starts[this.count] !== names.length || leads.length !== this.count)
      throw new Error('company list: the lengths do not match the names');
  }

  static of(companies: readonly CompanyCount[]): CompanyList {
    return new CompanyList(
      companies.map((c) => c.name).join(''),
      Int32Array.from(companies, (c) => c.name.length),
      Float64Array.from(companies, (c) => c.leads),
    );
  }

  static readonly EMPTY = new CompanyList('', new Int32Array(0), new Float64Array(0));

  nameAt(i: number): string {
    return this.names.slice(this.#starts[i], this.#starts[i + 1]);
  }

  toCounts(): CompanyCount[] {
    return Array.from({ length: this.count }, (_, i) => ({ name: this.nameAt(i), leads: this.leads[i] }));
  }

  has(name: string): boolean {
    const slots = (this.#slots ??= this.#index());
    const mask = slots.length - 1;
    for (let s = hashOf(name, 0, name.length) & mask; slots[s] !== 0; s = (s + 1) & mask) {
      const i = slots[s] - 1;
      if (this.nameLengths[i] === name.length && this.names.startsWith(name, this.#starts[i])) return true;
    }
    return false;
  }

  #index(): Int32Array {
    let size = 2;
    while (size < this.count * 2) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let i = 0; i < this.count; i++) {
      let s = hashOf(this.names, this.#starts[i], this.#starts[i + 1]) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = i + 1;
    }
    return slots;
  }
}
