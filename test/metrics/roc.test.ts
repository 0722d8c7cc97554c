import { describe, expect, it } from 'vitest';
import { gini, ks, rocCurve, scoreGroups } from '../../src/metrics/roc';
import { auc, aucOfGroups, aucOfMergedGroups } from '../../src/metrics/auc';
import { expectAllClose, fixtureRows, plain, withNoise } from './accuracyGolden';

describe('rocCurve, ks and gini against roc_curve(drop_intermediate=False) (make_accuracy_golden.py)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { scores, outcome } = plain(f);
    const roc = rocCurve(scoreGroups(scores, outcome));
    if (f.roc === null) {
      expect(roc).toBeNull();
      expect(ks(scoreGroups(scores, outcome))).toBeNull();
      expect(gini(auc(scores, outcome))).toBeNull();
      return;
    }
    expectAllClose(roc!.fpr, f.roc.fpr, 1e-9);
    expectAllClose(roc!.tpr, f.roc.tpr, 1e-9);
    expectAllClose(roc!.thresholds, f.roc.thresholds, 1e-9);
    expect(Math.abs(ks(scoreGroups(scores, outcome))!.ks - f.ks!)).toBeLessThan(1e-9);
    expect(Math.abs(gini(auc(scores, outcome))! - (2 * f.auc! - 1))).toBeLessThan(1e-9);
  });

  it.each(fixtureRows)('%s: open and masked-out leads never count', (_, f) => {
    const n = withNoise(f);
    const noisy = rocCurve(scoreGroups(n.scores, n.outcome, n.mask));
    const clean = rocCurve(scoreGroups(Float64Array.from(f.scores), plain(f).outcome));
    expect(noisy).toEqual(clean);
  });

  it('groups distinct scores with their won and lost counts', () => {
    const g = scoreGroups([3, 1, 3, 2, 1, 9], [1, 2, 2, 0, 1, 0]);
    expect(Array.from(g.values)).toEqual([1, 3]);
    expect(Array.from(g.won)).toEqual([1, 1]);
    expect(Array.from(g.lost)).toEqual([1, 1]);
    expect([g.nWon, g.nLost]).toEqual([2, 2]);
  });

  it('ks names the threshold where TPR − FPR peaks', () => {
    // won at 5, 4; lost at 3, 4: best cut s ≥ 5 gives TPR ½, FPR 0
    expect(ks(scoreGroups([5, 4, 3, 4], [1, 1, 2, 2]))).toEqual({ ks: 0.5, threshold: 5 });
    expect(gini(null)).toBeNull();
  });

  it('is fast at a million leads', () => {
    const n = 1_000_000;
    const scores = new Float64Array(n);
    const outcome = new Uint8Array(n);
    let seed = 7;
    for (let i = 0; i < n; i++) {
      seed = (seed * 16807) % 2147483647;
      scores[i] = Math.round((seed / 2147483647) * 1000) / 10;
      outcome[i] = i % 3;
    }
    const t0 = performance.now();
    const g = scoreGroups(scores, outcome);
    const roc = rocCurve(g)!;
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(roc.tpr[roc.tpr.length - 1]).toBe(1);
    expect(roc.fpr.length).toBe(g.values.length + 1);
  });
});

describe('aucOfMergedGroups', () => {
  it('is the AUC of the union of two disjoint lead sets, to the bit, as grouping them together', () => {
    const scores = Array.from({ length: 400 }, (_, i) => ((i * 37) % 53) / 2);
    const outcome = scores.map((_, i) => (i % 3 === 0 ? 1 : i % 5 === 0 ? 0 : 2));
    const left = scores.map((_, i) => (i % 2 === 0 ? 1 : 0));
    const right = left.map((x) => 1 - x);
    const first = scoreGroups(scores, outcome, left);
    const second = scoreGroups(scores, outcome, right);
    expect(aucOfMergedGroups(first, second)).toBe(aucOfGroups(scoreGroups(scores, outcome)));
    // the same pairs counted one by one: won above lost, ties half
    let pairs = 0;
    let wins = 0;
    let losses = 0;
    scores.forEach((w, i) => {
      if (outcome[i] === 1) wins++;
      if (outcome[i] === 2) losses++;
      if (outcome[i] === 1)
        scores.forEach((l, j) => (pairs += outcome[j] === 2 ? (w > l ? 1 : w === l ? 0.5 : 0) : 0));
    });
    expect(aucOfMergedGroups(first, second)).toBe(pairs / (wins * losses));
    const none = scoreGroups([], []);
    expect(aucOfMergedGroups(first, none)).toBe(aucOfGroups(first));
    expect(aucOfMergedGroups(none, none)).toBeNull();
  });
});

describe('scoreGroups against a grouping by hand', () => {
  it('counts won and lost leads per distinct score, open leads and leads outside any nonzero mask left out', () => {
    let seed = 5;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (const n of [0, 1, 2, 3, 50, 4000]) {
      const scores = Float64Array.from({ length: n }, () => Math.floor(rand() * 30) / 3);
      const outcome = Uint8Array.from({ length: n }, () => Math.floor(rand() * 3));
      // a mask is "nonzero = included", not only 0/1
      const mask = Uint8Array.from({ length: n }, () => [0, 1, 2, 255][Math.floor(rand() * 4)]);
      for (const m of [undefined, mask]) {
        const byScore = new Map<number, { won: number; lost: number }>();
        for (let i = 0; i < n; i++) {
          if ((m && m[i] === 0) || outcome[i] === 0) continue;
          const g = byScore.get(scores[i]) ?? { won: 0, lost: 0 };
          if (outcome[i] === 1) g.won++;
          else g.lost++;
          byScore.set(scores[i], g);
        }
        const values = [...byScore.keys()].sort((a, b) => a - b);
        const g = scoreGroups(scores, outcome, m);
        expect(Array.from(g.values)).toEqual(values);
        expect(Array.from(g.won)).toEqual(values.map((v) => byScore.get(v)!.won));
        expect(Array.from(g.lost)).toEqual(values.map((v) => byScore.get(v)!.lost));
        expect([g.nWon, g.nLost]).toEqual([
          values.reduce((s, v) => s + byScore.get(v)!.won, 0),
          values.reduce((s, v) => s + byScore.get(v)!.lost, 0),
        ]);
      }
    }
  });
});

describe('scoreGroups without copies', () => {
  it('gives the same groups as views of its kept buffers, until the next call', () => {
    const scores = [3, 1, 2, 2, 5, 1];
    const outcome = [1, 2, 2, 1, 0, 1];
    const copied = scoreGroups(scores, outcome);
    const views = scoreGroups(scores, outcome, undefined, false);
    expect(views).toEqual(copied);
    scoreGroups([9, 8], [1, 2], undefined, false);
    expect(Array.from(copied.values)).toEqual([1, 2, 3]);
  });
});
