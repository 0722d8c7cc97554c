import { describe, expect, it } from 'vitest';
import { roiReport, type RoiFigures, type RoiSettings } from '../../../src/metrics/roi/roi';
import { expectAllFinite, expectClose, leadsOf } from './helpers';

/*
 * Hand-computed fixture: 13 leads, two quarters, three tiers (outcome 1 won, 2 lost, 0 open).
 *
 *   id  quarter tier score outcome amount days
 *    0     0     0    90    won    2000   10
 *    1     0     0    85    lost
 *    2     0     1    60    won    1000   30
 *    3     0     1    60    open                 (ties with 2: position 2 comes first)
 *    4     0     2    20    won     100   50
 *    5     0     2    10    lost
 *    6    −1     0    99    won    9999    1     (no quarter: left out of everything)
 *    7     1     0    80    won    3000   50
 *    8     1     0    80    won    1000   60     (ties with 7)
 *    9     1     1    50    lost
 *   10     1     2    70    won     120    5
 *   11     1     2     5    open
 *   12     1     1    40    won     600   40
 *
 * Settings: cost per lead 100 / 50 / 40 by tier, margin 50%, fixed 200 per quarter.
 * Score order per quarter — Q0: 0, 1, 2, 3, 4, 5;  Q1: 7, 8, 10, 9, 12, 11.
 * All leads per quarter (for the baseline and "work everything"):
 *   Q0: 6 leads, 3 wins, all revenue 2000 + 1000 + 100 = 3100, Σ leads·cost = 2·100 + 2·50 + 2·40 = 380
 *   Q1: 6 leads, 4 wins, all revenue 3000 + 1000 + 120 + 600 = 4720, Σ leads·cost = 380
 */
const leads = leadsOf({
  quarter: [0, 0, 0, 0, 0, 0, -1, 1, 1, 1, 1, 1, 1],
  tier: [0, 0, 1, 1, 2, 2, 0, 0, 0, 1, 2, 2, 1],
  score: [90, 85, 60, 60, 20, 10, 99, 80, 80, 50, 70, 5, 40],
  outcome: [1, 2, 1, 0, 1, 2, 1, 1, 1, 2, 1, 0, 1],
  amount: [2000, 0, 1000, 0, 100, 0, 9999, 3000, 1000, 0, 120, 0, 600],
  days: [10, NaN, 30, NaN, 50, NaN, 1, 50, 60, NaN, 5, NaN, 40],
  quarterCount: 2,
  tierCount: 3,
});
const base: RoiSettings = {
  costPerLead: [100, 50, 40],
  marginPct: 50,
  fixedPerQuarter: 200,
  capacity: null,
  cut: 1,
};

/** RoiFigures in the field order of the hand tables below. */
const fig = (
  leads: number,
  worked: number,
  resolved: number,
  wins: number,
  workedWins: number,
  conversion: number | null,
  revenue: number,
  cost: number,
  grossProfit: number,
  roi: number | null,
  medianDaysToWin: number | null,
): RoiFigures => ({
  leads,
  worked,
  resolved,
  wins,
  workedWins,
  conversion,
  revenue,
  cost,
  grossProfit,
  roi,
  medianDaysToWin,
});

describe('roiReport on the hand-computed fixture, no capacity, cut = 1 (work tiers 0 and 1)', () => {
  const r = roiReport(leads, base);

  it('cells, quarters and total', () => {
    /*
     * cell    leads worked resolved wins wWins conv  revenue cost  GP = rev·0.5 − cost    ROI   median
     * Q0 T0     2     2      2       1    1    1/2    2000   200   1000 − 200 = 800      4     [10] → 10
     * Q0 T1     2     2      1       1    1    1/1    1000   100    500 − 100 = 400      4     [30] → 30
     * Q0 T2     2     0      2       1    0    1/2       0     0              0        null    null
     * Q0        6     4      5       3    2    3/5    3000   300 + 200 fixed = 500
     *                                                              1500 − 500 = 1000     2     [10, 30] → 20
     * Q1 T0     2     2      2       2    2    1      4000   200   2000 − 200 = 1800     9     [50, 60] → 55
     * Q1 T1     2     2      2       1    1    1/2     600   100    300 − 100 = 200      2     [40] → 40
     * Q1 T2     2     0      1       1    0    1         0     0              0        null    null
     * Q1        6     4      5       4    3    4/5    4600   500   2300 − 500 = 1800   3.6  [50, 60, 40] → 50
     * total    12     8     10       7    5    7/10   7600  1000   3800 − 1000 = 2800  2.8
     *                                                      median of [10, 30, 50, 60, 40] → 40
     * (lead 4's and lead 10's days are not in any median: they are not worked)
     */
    expectClose(r.cells, [
      [
        fig(2, 2, 2, 1, 1, 0.5, 2000, 200, 800, 4, 10),
        fig(2, 2, 1, 1, 1, 1, 1000, 100, 400, 4, 30),
        fig(2, 0, 2, 1, 0, 0.5, 0, 0, 0, null, null),
      ],
      [
        fig(2, 2, 2, 2, 2, 1, 4000, 200, 1800, 9, 55),
        fig(2, 2, 2, 1, 1, 0.5, 600, 100, 200, 2, 40),
        fig(2, 0, 1, 1, 0, 1, 0, 0, 0, null, null),
      ],
    ]);
    expectClose(r.quarters, [
      fig(6, 4, 5, 3, 2, 0.6, 3000, 500, 1000, 2, 20),
      fig(6, 4, 5, 4, 3, 0.8, 4600, 500, 1800, 3.6, 50),
    ]);
    expectClose(r.total, fig(12, 8, 10, 7, 5, 0.7, 7600, 1000, 2800, 2.8, 40));
    expect(r.leftOut).toEqual({ noQuarter: 1, noTier: 0 });
  });

  it('value of scoring', () => {
    /*
     * Q0: K = 4 of 6.  scored: revenue 3000, wins 2, cost 500, profit 1000
     *   baseline: revenue 4·3100/6 = 6200/3, wins 4·3/6 = 2, cost 4·380/6 + 200 = 1360/3,
     *             profit 3100/3 − 1360/3 = 580
     *   everything: revenue 3100, wins 3, cost 380 + 200 = 580, profit 1550 − 580 = 970
     *   vs baseline: revenue 3000 − 6200/3 = 2800/3, wins 0, profit 420
     *   vs everything: revenue −100, wins −1, profit 30
     * Q1: K = 4 of 6.  scored: revenue 4600, wins 3, cost 500, profit 1800
     *   baseline: revenue 4·4720/6 = 9440/3, wins 4·4/6 = 8/3, cost 1360/3, profit 4720/3 − 1360/3 = 1120
     *   everything: revenue 4720, wins 4, cost 580, profit 2360 − 580 = 1780
     *   vs baseline: revenue 4360/3, wins 1/3, profit 680;  vs everything: revenue −120, wins −1, profit 20
     * total: scored 7600, 5 wins, cost 1000, profit 2800 (K = 8)
     *   baseline: revenue 15640/3, wins 14/3, cost 2720/3, profit 7820/3 − 2720/3 = 1700
     *   everything: revenue 7820, wins 7, cost 1160, profit 3910 − 1160 = 2750
     *   vs baseline: revenue 7160/3, wins 1/3, profit 1100;  vs everything: revenue −220, wins −2, profit 50
     */
    expectClose(r.value.quarters, [
      {
        scored: { worked: 4, revenue: 3000, wins: 2, cost: 500, profit: 1000 },
        baseline: { worked: 4, revenue: 6200 / 3, wins: 2, cost: 1360 / 3, profit: 580 },
        everything: { worked: 6, revenue: 3100, wins: 3, cost: 580, profit: 970 },
        vsBaseline: { revenue: 2800 / 3, wins: 0, profit: 420 },
        vsEverything: { revenue: -100, wins: -1, profit: 30 },
      },
      {
        scored: { worked: 4, revenue: 4600, wins: 3, cost: 500, profit: 1800 },
        baseline: { worked: 4, revenue: 9440 / 3, wins: 8 / 3, cost: 1360 / 3, profit: 1120 },
        everything: { worked: 6, revenue: 4720, wins: 4, cost: 580, profit: 1780 },
        vsBaseline: { revenue: 4360 / 3, wins: 1 / 3, profit: 680 },
        vsEverything: { revenue: -120, wins: -1, profit: 20 },
      },
    ]);
    expectClose(r.value.total, {
      scored: { worked: 8, revenue: 7600, wins: 5, cost: 1000, profit: 2800 },
      baseline: { worked: 8, revenue: 15640 / 3, wins: 14 / 3, cost: 2720 / 3, profit: 1700 },
      everything: { worked: 12, revenue: 7820, wins: 7, cost: 1160, profit: 2750 },
      vsBaseline: { revenue: 7160 / 3, wins: 1 / 3, profit: 1100 },
      vsEverything: { revenue: -220, wins: -2, profit: 50 },
    });
  });

  it('threshold optimiser by tier cut', () => {
    /*
     * 7 wins among the resolved leads; fixed 2·200 = 400.
     * cut 0: leads 0, 1, 7, 8 → revenue 6000, cost 400 + 400 = 800, GP 3000 − 800 = 2200, ROI 2.75,
     *        TP 3 (0, 7, 8), FP 1 (1), FN 4 → F1 = 6/11
     * cut 1: the report's policy → revenue 7600, cost 1000, GP 2800, ROI 2.8,
     *        TP 5, FP 2 (1, 9), FN 2 → F1 = 10/14
     * cut 2: all 12 → revenue 7820, cost 760 + 400 = 1160, GP 2750, ROI 2750/1160,
     *        TP 7, FP 3, FN 0 → F1 = 14/17
     * Profit picks cut 1 (tier 2 earns 220·0.5 = 110 for 160 of cost); F1 picks cut 2.
     */
    expectClose(r.optimiser.cuts, [
      {
        cut: 0,
        worked: 4,
        revenue: 6000,
        cost: 800,
        grossProfit: 2200,
        roi: 2.75,
        tp: 3,
        fp: 1,
        fn: 4,
        f1: 6 / 11,
      },
      {
        cut: 1,
        worked: 8,
        revenue: 7600,
        cost: 1000,
        grossProfit: 2800,
        roi: 2.8,
        tp: 5,
        fp: 2,
        fn: 2,
        f1: 10 / 14,
      },
      {
        cut: 2,
        worked: 12,
        revenue: 7820,
        cost: 1160,
        grossProfit: 2750,
        roi: 2750 / 1160,
        tp: 7,
        fp: 3,
        fn: 0,
        f1: 14 / 17,
      },
    ]);
    expect(r.optimiser.bestProfitCut).toBe(1);
    expect(r.optimiser.bestF1Cut).toBe(2);
  });

  it('threshold optimiser by top-K share', () => {
    /*
     * N_q = 6 in both quarters, so K = round(6s/100) in both. Cumulative in score order:
     *   K   Q0 revenue/cost/TP/FP   Q1 revenue/cost/TP/FP   total GP = (rev)·0.5 − cost − 400
     *   0        0/  0/0/0              0/  0/0/0            −400
     *   1     2000/100/1/0           3000/100/1/0            2500 − 200 − 400 = 1900
     *   2     2000/200/1/1           4000/200/2/0            3000 − 400 − 400 = 2200
     *   3     3000/250/2/1           4120/240/3/0            3560 − 490 − 400 = 2670
     *   4     3000/300/2/1           4120/290/3/1            3560 − 590 − 400 = 2570
     *   5     3100/340/3/1           4720/340/4/1            3910 − 680 − 400 = 2830   ← best
     *   6     3100/380/3/2           4720/380/4/1            3910 − 760 − 400 = 2750
     * K = 5 first at s = 75 (6·75/100 = 4.5 rounds up); s = 74 gives 4.44 → 4.
     * F1: s = 0 → 0/(0 + 0 + 7) = 0; K = 2 → TP 3, FP 1, FN 4 → 6/11; K = 3 → TP 5, FP 1, FN 2 → 10/13;
     *     K = 4 → TP 5, FP 2 → 10/14; K = 5 → TP 7, FP 2 → 14/16; K = 6 → 14/17.
     */
    const s = r.optimiser.shares;
    expect(s.map((p) => p.share)).toEqual(Array.from({ length: 101 }, (_, k) => k));
    expect(s.every((p) => p.feasible)).toBe(true);
    expectClose(s[0], { worked: 0, revenue: 0, cost: 400, grossProfit: -400, tp: 0, fp: 0, fn: 7, f1: 0 });
    expectClose(s[41], { worked: 4, grossProfit: 2200, f1: 6 / 11 });
    expectClose(s[42], { worked: 6, revenue: 7120, cost: 890, grossProfit: 2670, f1: 10 / 13 });
    expectClose(s[74], { worked: 8, grossProfit: 2570, f1: 10 / 14 });
    expectClose(s[75], {
      worked: 10,
      revenue: 7820,
      cost: 1080,
      grossProfit: 2830,
      roi: 2830 / 1080,
      f1: 0.875,
    });
    expectClose(s[91], { worked: 10, grossProfit: 2830 });
    expectClose(s[92], { worked: 12, grossProfit: 2750, f1: 14 / 17 });
    expectClose(s[100], { worked: 12, revenue: 7820, cost: 1160, grossProfit: 2750, tp: 7, fp: 3, fn: 0 });
    expect(r.optimiser.bestShare).toBe(75);
  });
});

describe('roiReport on the hand-computed fixture with capacity 3 per quarter', () => {
  const r = roiReport(leads, { ...base, capacity: 3 });

  it('works the top 3 of each quarter by score, ties by lead position', () => {
    /*
     * Q0 top 3: 0, 1, 2 (2 and 3 tie at 60: position 2 first).  Q1 top 3: 7, 8 (tie at 80), 10.
     * cell    leads worked resolved wins wWins conv revenue cost  GP                     ROI     median
     * Q0 T0     2     2      2       1    1    1/2   2000   200   1000 − 200 = 800       4       10
     * Q0 T1     2     1      1       1    1    1     1000    50    500 − 50 = 450        9       30
     * Q0 T2     2     0      2       1    0    1/2      0     0    0                    null    null
     * Q0        6     3      5       3    2    3/5   3000   250 + 200 = 450
     *                                                       1500 − 450 = 1050  1050/450   [10, 30] → 20
     * Q1 T0     2     2      2       2    2    1     4000   200   2000 − 200 = 1800      9       55
     * Q1 T1     2     0      2       1    0    1/2      0     0    0                    null    null
     * Q1 T2     2     1      1       1    1    1      120    40     60 − 40 = 20       0.5       5
     * Q1        6     3      5       4    3    4/5   4120   240 + 200 = 440
     *                                                       2060 − 440 = 1620  1620/440   [50, 60, 5] → 50
     * total    12     6     10       7    5    7/10  7120   890   3560 − 890 = 2670      3
     *                                                     median of [10, 30, 50, 60, 5] → 30
     */
    expectClose(r.cells, [
      [
        fig(2, 2, 2, 1, 1, 0.5, 2000, 200, 800, 4, 10),
        fig(2, 1, 1, 1, 1, 1, 1000, 50, 450, 9, 30),
        fig(2, 0, 2, 1, 0, 0.5, 0, 0, 0, null, null),
      ],
      [
        fig(2, 2, 2, 2, 2, 1, 4000, 200, 1800, 9, 55),
        fig(2, 0, 2, 1, 0, 0.5, 0, 0, 0, null, null),
        fig(2, 1, 1, 1, 1, 1, 120, 40, 20, 0.5, 5),
      ],
    ]);
    expectClose(r.quarters, [
      fig(6, 3, 5, 3, 2, 0.6, 3000, 450, 1050, 1050 / 450, 20),
      fig(6, 3, 5, 4, 3, 0.8, 4120, 440, 1620, 1620 / 440, 50),
    ]);
    expectClose(r.total, fig(12, 6, 10, 7, 5, 0.7, 7120, 890, 2670, 3, 30));
  });

  it('value of scoring under capacity', () => {
    /*
     * Q0: K = 3.  scored 3000, 2 wins, cost 450, profit 1050
     *   baseline: revenue 3·3100/6 = 1550, wins 1.5, cost 3·380/6 + 200 = 390, profit 775 − 390 = 385
     *   everything (as without capacity): 3100, 3, 580, 970
     *   vs baseline: 1450, 0.5, 665;  vs everything: −100, −1, 80
     * Q1: K = 3.  scored 4120, 3 wins, cost 440, profit 1620
     *   baseline: revenue 2360, wins 2, cost 390, profit 1180 − 390 = 790
     *   everything: 4720, 4, 580, 1780;  vs baseline: 1760, 1, 830;  vs everything: −600, −1, −160
     * total: scored 7120, 5, 890, 2670; baseline 3910, 3.5, 780, 1955 − 780 = 1175;
     *   everything 7820, 7, 1160, 2750;  vs baseline 3210, 1.5, 1495;  vs everything −700, −2, −80
     */
    expectClose(r.value.quarters, [
      {
        scored: { worked: 3, revenue: 3000, wins: 2, cost: 450, profit: 1050 },
        baseline: { worked: 3, revenue: 1550, wins: 1.5, cost: 390, profit: 385 },
        everything: { worked: 6, revenue: 3100, wins: 3, cost: 580, profit: 970 },
        vsBaseline: { revenue: 1450, wins: 0.5, profit: 665 },
        vsEverything: { revenue: -100, wins: -1, profit: 80 },
      },
      {
        scored: { worked: 3, revenue: 4120, wins: 3, cost: 440, profit: 1620 },
        baseline: { worked: 3, revenue: 2360, wins: 2, cost: 390, profit: 790 },
        everything: { worked: 6, revenue: 4720, wins: 4, cost: 580, profit: 1780 },
        vsBaseline: { revenue: 1760, wins: 1, profit: 830 },
        vsEverything: { revenue: -600, wins: -1, profit: -160 },
      },
    ]);
    expectClose(r.value.total, {
      scored: { worked: 6, revenue: 7120, wins: 5, cost: 890, profit: 2670 },
      baseline: { worked: 6, revenue: 3910, wins: 3.5, cost: 780, profit: 1175 },
      everything: { worked: 12, revenue: 7820, wins: 7, cost: 1160, profit: 2750 },
      vsBaseline: { revenue: 3210, wins: 1.5, profit: 1495 },
      vsEverything: { revenue: -700, wins: -2, profit: -80 },
    });
  });

  it('threshold optimiser under capacity', () => {
    /*
     * cut 0: tier 0 only, 2 per quarter ≤ 3 → leads 0, 1, 7, 8: as without capacity, GP 2200, F1 6/11
     * cut 1: tiers 0–1 in score order, top 3 — Q0: 0, 1, 2; Q1: 7, 8, 9 → revenue 3000 + 4000 = 7000,
     *        cost 250 + 250 + 400 = 900, GP 3500 − 900 = 2600, TP 4 (0, 2, 7, 8), FP 2 (1, 9), FN 3 → F1 8/13
     * cut 2: the report's policy → revenue 7120, cost 890, GP 2670, TP 5, FP 1 (1), FN 2 (4, 12) → F1 10/13
     * Shares: round(6s/100) ≤ 3 up to s = 58 (3.48); from s = 59 (3.54 → 4) infeasible, held at K = 3.
     * K = 3 first at s = 42 (2.52 → 3): GP 2670, the best feasible.
     */
    expectClose(r.optimiser.cuts, [
      { cut: 0, worked: 4, revenue: 6000, cost: 800, grossProfit: 2200, tp: 3, fp: 1, fn: 4, f1: 6 / 11 },
      { cut: 1, worked: 6, revenue: 7000, cost: 900, grossProfit: 2600, tp: 4, fp: 2, fn: 3, f1: 8 / 13 },
      { cut: 2, worked: 6, revenue: 7120, cost: 890, grossProfit: 2670, tp: 5, fp: 1, fn: 2, f1: 10 / 13 },
    ]);
    expect(r.optimiser.bestProfitCut).toBe(2);
    expect(r.optimiser.bestF1Cut).toBe(2);
    const s = r.optimiser.shares;
    expect(s.filter((p) => p.feasible).map((p) => p.share)).toEqual(Array.from({ length: 59 }, (_, k) => k));
    expectClose(s[42], { worked: 6, grossProfit: 2670, f1: 10 / 13, feasible: true });
    expectClose(s[58], { worked: 6, grossProfit: 2670, feasible: true });
    expectClose(s[59], { worked: 6, grossProfit: 2670, feasible: false });
    expectClose(s[100], { worked: 6, revenue: 7120, cost: 890, feasible: false });
    expect(r.optimiser.bestShare).toBe(42);
  });

  it('a capacity at or above every quarter works everything, like the last cut without capacity', () => {
    const all = roiReport(leads, { ...base, capacity: 6 });
    const last = roiReport(leads, { ...base, cut: 2 });
    expect(all.cells).toEqual(last.cells);
    expect(all.total).toEqual(last.total);
    expect(all.value).toEqual(last.value);
    expect(all.optimiser.cuts).toEqual(last.optimiser.cuts);
  });
});

describe('roiReport edge cases', () => {
  it('leaves out leads without a quarter or a tier and counts them apart', () => {
    const withStrays = leadsOf({
      quarter: [0, 5, -1, 0, 1],
      tier: [0, 0, 1, 7, 1],
      score: [50, 99, 99, 99, 10],
      outcome: [1, 1, 1, 1, 2],
      amount: [100, 1e6, 1e6, 1e6, 0],
      days: [3, 1, 1, 1, NaN],
      quarterCount: 2,
      tierCount: 2,
    });
    const clean = leadsOf({
      quarter: [0, 1],
      tier: [0, 1],
      score: [50, 10],
      outcome: [1, 2],
      amount: [100, 0],
      days: [3, NaN],
      quarterCount: 2,
      tierCount: 2,
    });
    const settings: RoiSettings = {
      costPerLead: [10, 5],
      marginPct: 40,
      fixedPerQuarter: 0,
      capacity: 1,
      cut: 0,
    };
    const a = roiReport(withStrays, settings);
    const b = roiReport(clean, settings);
    expect(a.leftOut).toEqual({ noQuarter: 2, noTier: 1 });
    expect(b.leftOut).toEqual({ noQuarter: 0, noTier: 0 });
    expect({ ...a, leftOut: null }).toEqual({ ...b, leftOut: null });
    // lead 0 alone is worked in Q0: revenue 100 · 0.4 − 10 = 30, ROI 3; Q1 works lead 4 (lost): GP −5
    expectClose(a.total, fig(2, 2, 2, 1, 1, 0.5, 100, 15, 25, 25 / 15, 3));
  });

  it('gives null, never NaN or ∞, for empty quarters, empty tiers, zero cost and no leads', () => {
    const sparse = leadsOf({
      quarter: [0, 0, 1],
      tier: [0, 1, 0],
      score: [10, 20, 30],
      outcome: [0, 2, 0],
      amount: [0, 0, 0],
      days: [NaN, NaN, NaN],
      quarterCount: 3,
      tierCount: 4,
    });
    const free: RoiSettings = {
      costPerLead: [0, 0, 0, 0],
      marginPct: 30,
      fixedPerQuarter: 0,
      capacity: null,
      cut: 3,
    };
    const r = roiReport(sparse, free);
    expectAllFinite(r);
    const empty = fig(0, 0, 0, 0, 0, null, 0, 0, 0, null, null);
    expect(r.cells[2]).toEqual([empty, empty, empty, empty]);
    expect(r.cells[0][3]).toEqual(empty);
    expect(r.cells[1][0]).toEqual(fig(1, 1, 0, 0, 0, null, 0, 0, 0, null, null));
    expect(r.quarters[2]).toEqual(empty);
    expect(r.total).toEqual(fig(3, 3, 1, 0, 0, 0, 0, 0, 0, null, null));
    const nothing = { worked: 0, revenue: 0, wins: 0, cost: 0, profit: 0 };
    expect(r.value.quarters[2]).toEqual({
      scored: nothing,
      baseline: nothing,
      everything: nothing,
      vsBaseline: { revenue: 0, wins: 0, profit: 0 },
      vsEverything: { revenue: 0, wins: 0, profit: 0 },
    });
    // no win: F1 = 0 / (0 + FP + 0) is 0 where a lost lead is worked, null where nothing resolved is worked
    expect(r.optimiser.cuts.map((c) => c.f1)).toEqual([null, 0, 0, 0]);
    expect(r.optimiser.cuts.every((c) => c.roi === null)).toBe(true);
    expect(r.optimiser.bestF1Cut).toBe(1);

    // an empty quarter still carries the fixed cost: ROI −1, not null
    const fixed = roiReport(sparse, { ...free, fixedPerQuarter: 50 });
    expectAllFinite(fixed);
    expect(fixed.quarters[2]).toEqual(fig(0, 0, 0, 0, 0, null, 0, 50, -50, -1, null));

    const none = roiReport(
      leadsOf({
        quarter: [],
        tier: [],
        score: [],
        outcome: [],
        amount: [],
        days: [],
        quarterCount: 2,
        tierCount: 3,
      }),
      { ...base, capacity: 4 },
    );
    expectAllFinite(none);
    expect(none.total).toEqual(fig(0, 0, 0, 0, 0, null, 0, 400, -400, -1, null));
    expect(none.optimiser.bestF1Cut).toBeNull();
    expect(none.optimiser.bestProfitCut).toBe(0);
    expect(none.optimiser.bestShare).toBe(0);
    expect(none.optimiser.shares.every((p) => p.feasible && p.f1 === null)).toBe(true);

    const noTiers = roiReport({ ...sparse, tierCount: 0 }, { ...free, cut: 0 });
    expectAllFinite(noTiers);
    expect(noTiers.leftOut).toEqual({ noQuarter: 0, noTier: 3 });
    expect(noTiers.optimiser.bestProfitCut).toBeNull();
  });

  it('rejects malformed settings and leads', () => {
    expect(() => roiReport(leads, { ...base, costPerLead: [1, 2] })).toThrow(RangeError);
    expect(() => roiReport(leads, { ...base, costPerLead: [1, NaN, 2] })).toThrow(RangeError);
    expect(() => roiReport(leads, { ...base, marginPct: 120 })).toThrow(RangeError);
    expect(() => roiReport(leads, { ...base, fixedPerQuarter: -1 })).toThrow(RangeError);
    expect(() => roiReport(leads, { ...base, capacity: 2.5 })).toThrow(RangeError);
    expect(() => roiReport(leads, { ...base, cut: 0.5 })).toThrow(RangeError);
    expect(() => roiReport({ ...leads, amount: new Float64Array(2) }, base)).toThrow(RangeError);
  });
});
