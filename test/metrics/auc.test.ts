import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auc, aucOfClasses, aucOfGroups } from '../../src/metrics/auc';
import { scoreGroups } from '../../src/metrics/roc';

interface Fixture {
  name: string;
  scores: number[];
  won: number[];
  auc: number;
}
const golden = JSON.parse(readFileSync('test/golden/metrics.json', 'utf8')) as { fixtures: Fixture[] };
const WON = 1;
const LOST = 2;

describe('auc against scikit-learn roc_auc_score (test/golden/make_golden.py)', () => {
  it.each(golden.fixtures.map((f) => [f.name, f] as const))('%s', (_, f) => {
    const outcome = f.won.map((w) => (w ? WON : LOST));
    expect(Math.abs(auc(f.scores, outcome)! - f.auc)).toBeLessThan(1e-9);
  });

  it('ignores open leads and is null with one class only', () => {
    // open leads (0) are never in accuracy metrics, whatever their score
    expect(auc([0.9, 0.1, 0.5, 100], [1, 2, 0, 0])).toBe(1);
    expect(auc([1, 2, 3], [1, 1, 0])).toBeNull();
    expect(auc([], [])).toBeNull();
  });
});

describe('auc merges the sorted classes exactly as the grouped form does', () => {
  /** A deterministic stream in [0, 1) (LCG), so the test needs no seed library. */
  const stream = (seed: number) => () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;

  it('equals aucOfGroups(scoreGroups(…)) to the last bit, with heavy ties and buffers reused across sizes', () => {
    const next = stream(7);
    for (const [n, distinct] of [
      [5000, 7],
      [200, 1_000_000],
      [30_000, 101],
      [3, 2],
    ] as const) {
      // scores on a coarse grid (many ties) or nearly continuous; about a third open
      const scores = Float64Array.from({ length: n }, () => Math.floor(next() * distinct) * (100 / distinct));
      const outcome = Uint8Array.from({ length: n }, () => Math.floor(next() * 3));
      expect(auc(scores, outcome)).toBe(aucOfGroups(scoreGroups(scores, outcome)));
    }
  });

  it('equals a brute-force pair count with dense clusters, ties, negatives, infinities and one value', () => {
    const next = stream(11);
    /** Mann–Whitney by comparing every won/lost pair: the definition, independent of any bucketing. */
    const bruteForce = (won: number[], lost: number[]) => {
      let pairs = 0;
      for (const w of won) for (const l of lost) pairs += w > l ? 1 : w === l ? 0.5 : 0;
      return pairs / (won.length * lost.length);
    };
    const cases: [string, () => number][] = [
      // a wide range with a dense cluster: hundreds of distinct values sharing their high bits
      ['cluster', () => (next() < 0.1 ? next() * 100 : 50 + next() * 1e-9)],
      ['ties in a cluster', () => (next() < 0.5 ? 0 : 50 + Math.floor(next() * 5) * 1e-12)],
      ['negative', () => next() * 20 - 10],
      ['infinite', () => (next() < 0.05 ? Infinity : next())],
      ['tiny range', () => 1 + Math.floor(next() * 3) * Number.EPSILON],
      ['all equal', () => 42],
    ];
    for (const [name, value] of cases) {
      const won = Array.from({ length: 700 }, value);
      const lost = Array.from({ length: 900 }, value);
      const expected = bruteForce(won, lost);
      expect([name, aucOfClasses(Float64Array.from(won), Float64Array.from(lost))]).toEqual([name, expected]);
    }
  });

  it('counts a tie as half a pair', () => {
    // won 5 vs lost 5 (tie), won 5 vs lost 1 (above), won 0 vs both lost (below): (0.5 + 1 + 0) / 4
    expect(auc([5, 0, 5, 1], [WON, WON, LOST, LOST])).toBe(0.375);
  });
});
