import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auc } from '../../src/metrics/auc';

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
