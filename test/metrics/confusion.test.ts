import { describe, expect, it } from 'vitest';
import { bestF1Cut, confusionAtCut, madKuduRubric, tierCounts } from '../../src/metrics/confusion';
import { fixtureRows, plain, withNoise } from './accuracyGolden';

const close = (a: number | null, b: number | null) => {
  if (b === null) expect(a).toBeNull();
  else expect(Math.abs(a! - b)).toBeLessThan(1e-12);
};

describe('confusionAtCut vs confusion_matrix, precision, recall, f1 (make_accuracy_golden.py)', () => {
  it.each(fixtureRows)('%s', (_, f) => {
    const { outcome } = plain(f);
    const counts = tierCounts(f.tier, outcome, f.nTiers);
    f.confusion.forEach((g, cut) => {
      const c = confusionAtCut(counts, cut);
      expect([c.cut, c.tp, c.fp, c.tn, c.fn]).toEqual([g.cut, g.tp, g.fp, g.tn, g.fn]);
      close(c.precision, g.precision);
      close(c.recall, g.recall);
      close(c.f1, g.f1);
      close(c.fpr, g.fpr);
      close(c.accuracy, g.accuracy);
      const m = madKuduRubric(counts, cut);
      close(m.leadShare, f.madKudu[cut].leadShare);
      close(m.winShare, f.madKudu[cut].winShare);
      close(m.conversionRatio, f.madKudu[cut].conversionRatio);
    });
    const f1s = f.confusion.map((g) => g.f1 ?? -1);
    const best = bestF1Cut(counts);
    if (Math.max(...f1s) < 0) expect(best).toBeNull();
    else expect(best!.cut).toBe(f1s.indexOf(Math.max(...f1s)));
    const n = withNoise(f);
    expect(tierCounts(n.tier, n.outcome, f.nTiers, n.mask)).toEqual(counts);
  });

  it('ignores tier codes outside the tiers and nulls every zero division', () => {
    const counts = tierCounts([0, 1, 5, -1, 2], [2, 2, 1, 1, 2], 3);
    expect(Array.from(counts.won)).toEqual([0, 0, 0]);
    expect(confusionAtCut(counts, 0)).toMatchObject({ precision: 0, recall: null, f1: 0, fpr: 1 / 3 });
    expect(bestF1Cut(counts)!.cut).toBe(0);
    const empty = tierCounts([], [], 3);
    expect(confusionAtCut(empty, 1)).toMatchObject({
      precision: null,
      recall: null,
      f1: null,
      fpr: null,
      accuracy: null,
    });
    expect(bestF1Cut(empty)).toBeNull();
    expect(madKuduRubric(empty, 0)).toEqual({ leadShare: null, winShare: null, conversionRatio: null });
  });

  it('MadKudu conversion ratio is top-tier rate over bottom-tier rate', () => {
    // tier 0: 3 of 4 won; tier 1: 1 of 2; tier 2: 1 of 4
    const counts = { won: Float64Array.of(3, 1, 1), lost: Float64Array.of(1, 1, 3) };
    expect(madKuduRubric(counts, 0)).toEqual({ leadShare: 0.4, winShare: 0.6, conversionRatio: 3 });
    expect(madKuduRubric(counts, 1).leadShare).toBe(0.6);
  });

  it('sums p per tier over exactly the leads it counts, in the same pass', () => {
    const tier = [0, 0, 1, 2, 1, 0];
    const outcome = [1, 2, 0, 1, 2, 1];
    const mask = [1, 1, 1, 1, 1, 0];
    const p = [0.5, 0.25, 0.9, 0.125, 0.75, 0.6];
    const counts = tierCounts(tier, outcome, 3, mask, p);
    // tier 0: leads 0 and 1 (lead 5 masked out); tier 1: lead 4 (lead 2 is open); tier 2: lead 3
    expect(Array.from(counts.pSum!)).toEqual([0.75, 0.75, 0.125]);
    expect(Array.from(counts.won)).toEqual([1, 0, 1]);
    expect(tierCounts(tier, outcome, 3, mask).pSum).toBeNull();
  });

  it('counts as a lead-by-lead tally does for masks of any nonzero value', () => {
    let seed = 13;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 3000;
    const tier = Array.from({ length: n }, () => Math.floor(rand() * 4));
    const outcome = Array.from({ length: n }, () => Math.floor(rand() * 3));
    const mask = Array.from({ length: n }, () => [0, 1, 7][Math.floor(rand() * 3)]);
    const p = Array.from({ length: n }, () => Math.floor(rand() * 8) / 8);
    const won = [0, 0, 0, 0];
    const lost = [0, 0, 0, 0];
    const pSum = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0 || outcome[i] === 0) continue;
      if (outcome[i] === 1) won[tier[i]]++;
      else lost[tier[i]]++;
      pSum[tier[i]] += p[i];
    }
    const counts = tierCounts(tier, outcome, 4, mask, p);
    expect([Array.from(counts.won), Array.from(counts.lost), Array.from(counts.pSum!)]).toEqual([
      won,
      lost,
      pSum,
    ]);
  });
});
