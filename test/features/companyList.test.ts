import { describe, expect, it } from 'vitest';
import { CompanyList } from '../../src/features/companyList';
import {
  distinctCompanies,
  mergeNames,
  NO_MERGES,
  type CompanyMerges,
} from '../../src/features/companyMerges';

/** A small deterministic generator, so a failure repeats. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SPELLINGS = [
  '',
  'Acme',
  'acme',
  'ACME GmbH',
  '__proto__',
  'constructor',
  '华为技术有限公司',
  '华为',
  '🏢 Co',
  'a',
];

describe('company list', () => {
  it('keeps names and counts as columns and finds each name (and no other)', () => {
    const counts = SPELLINGS.map((name, i) => ({ name, leads: i + 1 }));
    const list = CompanyList.of(counts);
    expect(list.count).toBe(SPELLINGS.length);
    expect(list.toCounts()).toEqual(counts);
    for (const name of SPELLINGS) expect(list.has(name), name).toBe(true);
    for (const name of ['Acm', 'acme ', 'hasOwnProperty', '华为技术', 'A', '🏢'])
      expect(list.has(name), name).toBe(false);
    expect(CompanyList.EMPTY.has('')).toBe(false);
    expect(() => new CompanyList('abc', Int32Array.of(2), Float64Array.of(1))).toThrow();
  });

  it('finds every one of many names (collisions and probing)', () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Company ${i}`);
    const list = CompanyList.of(names.map((name) => ({ name, leads: 1 })));
    expect(names.every((n) => list.has(n))).toBe(true);
    expect(Array.from({ length: 5000 }, (_, i) => list.has(`Company ${i + 5000}`)).some(Boolean)).toBe(false);
  });

  it('counts distinct companies after merges as a set of canonical names would', () => {
    const next = random(7);
    const pool = Array.from({ length: 40 }, (_, i) => `n${i}`);
    for (let trial = 0; trial < 300; trial++) {
      const names = pool.filter(() => next() < 0.6);
      const list = CompanyList.of(names.map((name) => ({ name, leads: 1 })));
      let merges: CompanyMerges = NO_MERGES;
      for (let m = Math.floor(next() * 5); m > 0; m--) {
        // merge groups may name companies that are not in this load (merges kept from another export)
        const group = pool.filter(() => next() < 0.1);
        if (group.length > 1) merges = mergeNames(merges, group, group[Math.floor(next() * group.length)]);
      }
      const expected = new Set(names.map((n) => merges.get(n) ?? n)).size;
      expect(distinctCompanies(list, merges), JSON.stringify([names, [...merges]])).toBe(expected);
    }
    // restored merges need not be consistent: a canonical name that is itself merged away
    const chained = new Map([
      ['a', 'b'],
      ['b', 'c'],
    ]);
    const list = CompanyList.of(['a', 'b', 'c'].map((name) => ({ name, leads: 1 })));
    expect(distinctCompanies(list, chained)).toBe(new Set(['b', 'c', 'c']).size);
  });
});
