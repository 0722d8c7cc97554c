import type { KernelPlan } from '../model/compile';
import { aucOfGroups, aucOfMergedGroups } from '../metrics/auc';
import { averagePrecision } from '../metrics/averagePrecision';
import { bestF1Cut, confusionAtCut, madKuduRubric, tierCounts, type Confusion } from '../metrics/confusion';
import { isotonicFitGroups, isotonicPredict } from '../metrics/isotonic';
import { keptFloat64 } from '../metrics/keptBuffer';
import { cumulativeGains, liftTable, topOrder, type LiftRow } from '../metrics/lift';
import { plattFitGroups, plattProbability } from '../metrics/platt';
import { brierOfGroups, eceOfBins, logLossOfGroups } from '../metrics/probabilityScores';
import {
  reliabilityBins,
  reliabilityBinsOfGroups,
  type BinStrategy,
  type ReliabilityBin,
} from '../metrics/reliability';
import { gini, ksOfRoc, rocCurve, scoreGroups, type ScoreGroups } from '../metrics/roc';
import { wilsonInterval, type Interval } from '../metrics/wilson';
import { OUTCOME, type LeadFacts, type RuleMatrix } from './matrix';
import { ruleLift, type RuleLift } from './ruleLift';
export type { RuleLift } from './ruleLift';
import type { Scores } from './score';
import { defaultSplitDay, WINDOW, windowOf, type Quarters } from './window';
import type { StepTimer } from './steps';

export type CalibrationMethod = 'platt' | 'isotonic';

/** What the Accuracy view asks of a re-score. */
export interface AccuracyOptions {
  /** First day of the test window; null = the default split (earliest 80% of resolved leads train). */
  splitDay: number | null;
  calibration: CalibrationMethod;
  binning: BinStrategy;
  /** Predicted positive = tier ≤ cutTier. */
  cutTier: number;
  /** A snapshot backtest's day: leads created after it are in neither window. Null: observation window. */
  snapshotDay?: number | null;
  /** The full report (Accuracy view open); otherwise only the probabilities (exports, bias). */
  report: boolean;
}

/** Fewer resolved leads than this and a window's numbers are marked as resting on too few. */
export const SMALL_N = 30;
/** The ROC and gains curves sent to the chart: at most this many points (the metrics use all of them). */
const CURVE_POINTS = 400;

export type Degenerate = 'no-resolved' | 'one-class' | null;

export interface TierCalibration {
  n: number;
  wins: number;
  meanP: number | null;
  rate: number | null;
  interval: Interval | null;
}

/** Every number of one window (train or test). Null metrics come with `degenerate` saying why. */
export interface WindowReport {
  resolved: number;
  wins: number;
  degenerate: Degenerate;
  auc: number | null;
  gini: number | null;
  ks: number | null;
  ksThreshold: number | null;
  ap: number | null;
  brier: number | null;
  logLoss: number | null;
  ece: number | null;
  /** Test window only (null for train, as the gains curve and the lift table). */
  roc: { fpr: number[]; tpr: number[] } | null;
  gains: { x: number[]; model: number[]; perfect: number[] } | null;
  reliability: ReliabilityBin[] | null;
  tiers: TierCalibration[];
  lift: LiftRow[] | null;
  /** Confusion at each cut 0 … tierCount − 2; the chosen one is options.cutTier. */
  confusion: Confusion[];
  bestF1: Confusion | null;
  rubric: ReturnType<typeof madKuduRubric>;
}

export interface QuarterAccuracy {
  label: string;
  resolved: number;
  wins: number;
  auc: number | null;
  meanP: number | null;
  rate: number | null;
  ece: number | null;
  /** Share of the quarter's resolved leads in the test window. */
  testShare: number;
}

export interface AccuracyReport {
  splitDay: number | null;
  defaultSplitDay: number | null;
  calibration: { method: CalibrationMethod; fitted: boolean; a: number | null; b: number | null };
  train: WindowReport;
  test: WindowReport;
  byQuarter: QuarterAccuracy[];
  /** Resolved leads created per quarter, per window — the split timeline. */
  timeline: { label: string; startDay: number; train: number; test: number }[];
  /** Resolved leads without a created date: in neither window. */
  undated: number;
  /** Per-rule lift over the test window's resolved leads. */
  rules: RuleLift[];
}

export interface AccuracyResult {
  splitDay: number | null;
  /** Calibrated probability per lead; null when the training window cannot be calibrated. */
  probability: Float64Array | null;
  /** The Platt fit (a, b), when there is one. */
  fit: { a: number; b: number } | null;
  /** AUC over every resolved lead (both windows), when every resolved lead is in one; else undefined. */
  allAuc?: number | null;
  report: AccuracyReport | null;
}

/** p(s) for every lead from the model fitted on the training window's groups, or null when it cannot be. */
export function calibrate(
  score: Float64Array,
  train: ScoreGroups,
  method: CalibrationMethod,
  warmStart?: { a: number; b: number },
  take: (bytes: number) => ArrayBuffer = (bytes) => new ArrayBuffer(bytes),
): Calibration {
  const none = { probability: null, predict: null, a: null, b: null };
  if (method === 'platt') {
    const model = plattFitGroups(train, warmStart);
    if (!model) return none;
    const probability = new Float64Array(take(score.length * 8));
    const predict = (s: number) => plattProbability(model, s);
    for (let i = 0; i < score.length; i++) probability[i] = predict(score[i]);
    return { probability, predict, a: model.a, b: model.b };
  }
  const model = isotonicFitGroups(train);
  if (!model) return none;
  const probability = new Float64Array(take(score.length * 8));
  const predict = (s: number) => isotonicPredict(model, s);
  for (let i = 0; i < score.length; i++) probability[i] = predict(score[i]);
  return { probability, predict, a: null, b: null };
}

interface Calibration {
  probability: Float64Array | null;
  /** p(s), monotone in s (Platt: rising when a > 0; isotonic: non-decreasing). */
  predict: ((score: number) => number) | null;
  a: number | null;
  b: number | null;
}

/** The probability of each group's score (calibration is a function of the score), into `into` when given. */
function probabilitiesOfGroups(
  groups: ScoreGroups,
  predict: (score: number) => number,
  into?: (n: number) => Float64Array,
): Float64Array {
  const p = into ? into(groups.values.length) : new Float64Array(groups.values.length);
  for (let k = 0; k < p.length; k++) p[k] = predict(groups.values[k]);
  return p;
}

/**
 * Reliability bins of resolved leads grouped by score, p = probabilitiesOfGroups: p of each distinct score
 * is monotone in it, so the groups give p in order without sorting p (falls back to the per-lead sort if p
 * is not monotone).
 */
function reliabilityOf(
  groups: ScoreGroups,
  p: Float64Array,
  strategy: BinStrategy,
  fallback: () => ReliabilityBin[] | null,
): ReliabilityBin[] | null {
  const m = p.length;
  if (m > 1 && p[m - 1] < p[0]) {
    const rev = <T extends Float64Array>(a: T) => a.slice().reverse() as T;
    return reliabilityBinsOfGroups(rev(p), rev(groups.won), rev(groups.lost), { strategy }) ?? fallback();
  }
  return reliabilityBinsOfGroups(p, groups.won, groups.lost, { strategy }) ?? fallback();
}

const maskOf = (window: Uint8Array, code: number) => {
  const mask = new Uint8Array(window.length);
  for (let i = 0; i < window.length; i++) mask[i] = window[i] === code ? 1 : 0;
  return mask;
};

/** Every n-th point of a curve, always keeping both ends. */
function thin(values: ArrayLike<number>, keep: number): number[] {
  const n = values.length;
  if (n <= keep) return Array.from(values);
  const out: number[] = [];
  for (let k = 0; k < keep; k++) out.push(values[Math.round((k * (n - 1)) / (keep - 1))]);
  return out;
}

function windowReport(
  scores: Scores,
  calibration: Calibration,
  outcome: Uint8Array,
  mask: Uint8Array,
  groups: ScoreGroups,
  options: AccuracyOptions,
  tierCount: number,
  /** Curves and the lift table too (the test window); the train window shows only its headline numbers. */
  curves: boolean,
): WindowReport {
  const resolved = groups.nWon + groups.nLost;
  const degenerate: Degenerate =
    resolved === 0 ? 'no-resolved' : groups.nWon * groups.nLost === 0 ? 'one-class' : null;
  const { probability, predict } = calibration;
  const a = aucOfGroups(groups);
  const fullRoc = rocCurve(groups);
  const roc = curves ? fullRoc : null;
  const k = fullRoc ? ksOfRoc(fullRoc) : null;
  const lift = curves ? liftTable(scores.score, outcome, topOrder(scores.score, outcome, mask), 1) : null;
  const gains = cumulativeGains(lift);
  const counts = tierCounts(scores.tier, outcome, tierCount, mask, probability);
  const cut = Math.min(Math.max(0, options.cutTier), tierCount - 2);
  const tiers: TierCalibration[] = Array.from({ length: tierCount }, (_, t) => {
    const wins = counts.won[t];
    const n = wins + counts.lost[t];
    return { n, wins, meanP: null, rate: n > 0 ? wins / n : null, interval: wilsonInterval(wins, n) };
  });
  const { pSum } = counts;
  if (pSum) tiers.forEach((t, i) => (t.meanP = t.n > 0 ? pSum[i] / t.n : null));
  // p per distinct score: the reliability bins, Brier and log loss read it instead of a per-lead pass
  const groupP = probability && predict ? probabilitiesOfGroups(groups, predict) : null;
  const reliability = groupP
    ? reliabilityOf(groups, groupP, options.binning, () =>
        reliabilityBins(probability!, outcome, { strategy: options.binning, mask }),
      )
    : null;
  return {
    resolved,
    wins: groups.nWon,
    degenerate,
    auc: a,
    gini: gini(a),
    ks: k?.ks ?? null,
    ksThreshold: k?.threshold ?? null,
    ap: averagePrecision(groups),
    brier: groupP ? brierOfGroups(groupP, groups.won, groups.lost) : null,
    logLoss: groupP ? logLossOfGroups(groupP, groups.won, groups.lost) : null,
    ece: eceOfBins(reliability),
    roc: roc ? { fpr: thin(roc.fpr, CURVE_POINTS), tpr: thin(roc.tpr, CURVE_POINTS) } : null,
    gains: gains
      ? {
          x: thin(gains.x, CURVE_POINTS),
          model: thin(gains.model, CURVE_POINTS),
          perfect: thin(gains.perfect, CURVE_POINTS),
        }
      : null,
    reliability,
    tiers,
    lift,
    confusion: Array.from({ length: tierCount - 1 }, (_, c) => confusionAtCut(counts, c)),
    bestF1: bestF1Cut(counts),
    rubric: madKuduRubric(counts, cut),
  };
}

/**
 * The resolved dated leads bucketed by created quarter (a counting sort), with each quarter's train and test
 * counts: these depend on the data and the split, not on the model, so a re-score only gathers its scores.
 */
interface QuarterBuckets {
  /** Quarter c's leads are lead[start[c]] … lead[start[c + 1] - 1], ascending. */
  start: Int32Array;
  lead: Int32Array;
  outcome: Uint8Array;
  train: Float64Array;
  test: Float64Array;
}

const bucketCache = new WeakMap<Uint8Array, WeakMap<Int32Array, QuarterBuckets>>();

function quarterBuckets(outcome: Uint8Array, window: Uint8Array, quarters: Quarters): QuarterBuckets {
  let byCodes = bucketCache.get(window);
  if (!byCodes) bucketCache.set(window, (byCodes = new WeakMap()));
  const hit = byCodes.get(quarters.codes);
  if (hit) return hit;
  const q = quarters.labels.length;
  const train = new Float64Array(q);
  const test = new Float64Array(q);
  const start = new Int32Array(q + 1);
  for (let i = 0; i < outcome.length; i++) {
    const c = quarters.codes[i];
    if (c < 0 || outcome[i] === OUTCOME.open) continue;
    start[c + 1]++;
    if (window[i] === WINDOW.train) train[c]++;
    else if (window[i] === WINDOW.test) test[c]++;
  }
  for (let c = 0; c < q; c++) start[c + 1] += start[c];
  const at = start.slice(0, q);
  const lead = new Int32Array(start[q]);
  const o = new Uint8Array(start[q]);
  for (let i = 0; i < outcome.length; i++) {
    const c = quarters.codes[i];
    if (c < 0 || outcome[i] === OUTCOME.open) continue;
    const k = at[c]++;
    lead[k] = i;
    o[k] = outcome[i];
  }
  const buckets = { start, lead, outcome: o, train, test };
  byCodes.set(quarters.codes, buckets);
  return buckets;
}

/** quarterReport's gathered scores and each quarter's group probabilities, kept between re-scores. */
const quarterScores = keptFloat64();
const quarterP = keptFloat64();

function quarterReport(
  scores: Scores,
  calibration: Calibration,
  outcome: Uint8Array,
  window: Uint8Array,
  quarters: Quarters,
  binning: BinStrategy,
): { byQuarter: QuarterAccuracy[]; timeline: AccuracyReport['timeline'] } {
  const { probability, predict } = calibration;
  const { start, lead, outcome: o, train, test } = quarterBuckets(outcome, window, quarters);
  const s = quarterScores(lead.length);
  for (let k = 0; k < lead.length; k++) s[k] = scores.score[lead[k]];
  const byQuarter = quarters.labels.map((label, c) => {
    const from = start[c];
    const to = start[c + 1];
    // each quarter's grouping and probabilities are done with before the next quarter's: kept buffers
    const groups = scoreGroups(s.subarray(from, to), o.subarray(from, to), undefined, false);
    const resolved = to - from;
    const groupP = probability && predict ? probabilitiesOfGroups(groups, predict, quarterP) : null;
    let sumP = 0;
    if (groupP) for (let k = 0; k < groupP.length; k++) sumP += (groups.won[k] + groups.lost[k]) * groupP[k];
    const bins = groupP
      ? reliabilityOf(groups, groupP, binning, () =>
          reliabilityBins(
            Float64Array.from(lead.subarray(from, to), (i) => probability![i]),
            o.subarray(from, to),
            { strategy: binning },
          ),
        )
      : null;
    return {
      label,
      resolved,
      wins: groups.nWon,
      auc: aucOfGroups(groups),
      meanP: probability && resolved > 0 ? sumP / resolved : null,
      rate: resolved > 0 ? groups.nWon / resolved : null,
      ece: eceOfBins(bins),
      testShare: resolved > 0 ? test[c] / resolved : 0,
    };
  });
  const timeline = quarters.labels.map((label, c) => ({
    label,
    startDay: quarters.startDays[c],
    train: train[c],
    test: test[c],
  }));
  return { byQuarter, timeline };
}

interface Windows {
  fallback: number | null;
  splitDay: number | null;
  window: Uint8Array;
  trainMask: Uint8Array;
  testMask: Uint8Array;
  /** Resolved leads in neither window. */
  undated: number;
}

/** The windows depend on the data and the split, not on the model: built once per split, not per re-score. */
const windowCache = new WeakMap<LeadFacts, Map<string, Windows>>();

function windowsOf(facts: LeadFacts, chosenSplit: number | null, lastDay: number | null): Windows {
  const key = `${chosenSplit}|${lastDay}`;
  let byKey = windowCache.get(facts);
  const hit = byKey?.get(key);
  if (hit) return hit;
  const { outcome, createdDay } = facts;
  const fallback = defaultSplitDay(outcome, createdDay, lastDay);
  const splitDay = chosenSplit ?? fallback;
  const window =
    splitDay === null
      ? new Uint8Array(outcome.length).fill(WINDOW.undated)
      : windowOf(createdDay, splitDay, lastDay);
  let undated = 0;
  for (let i = 0; i < outcome.length; i++)
    if (window[i] === WINDOW.undated && outcome[i] !== OUTCOME.open) undated++;
  const windows = {
    fallback,
    splitDay,
    window,
    trainMask: maskOf(window, WINDOW.train),
    testMask: maskOf(window, WINDOW.test),
    undated,
  };
  // a few splits at most are in use at once (the view's and the default); older ones are dropped
  if (!byKey || byKey.size >= 4) windowCache.set(facts, (byKey = new Map()));
  byKey.set(key, windows);
  return windows;
}

/**
 * Calibration and, when asked, every number of the Accuracy view for one scored model: the train and test
 * windows side by side, accuracy per created quarter, and each rule's lift on the test window.
 */
export function accuracyOf(
  m: RuleMatrix,
  plan: KernelPlan,
  scores: Scores,
  facts: LeadFacts,
  options: AccuracyOptions,
  quarters: Quarters,
  /** The previous Platt fit: a slider move changes it little, so Newton starts there. */
  warmStart?: { a: number; b: number },
  /** Where the probability array's buffer comes from (a pool of released results; its contents overwritten). */
  take: (bytes: number) => ArrayBuffer = (bytes) => new ArrayBuffer(bytes),
  steps?: StepTimer,
): AccuracyResult {
  const lap = (name: string) => steps?.lap(`accuracy.${name}`);
  const { outcome } = facts;
  const { fallback, splitDay, window, trainMask, testMask, undated } = windowsOf(
    facts,
    options.splitDay,
    options.snapshotDay ?? null,
  );
  lap('windows');
  const trainGroups = scoreGroups(scores.score, outcome, trainMask);
  lap('groups');
  const calibration = calibrate(scores.score, trainGroups, options.calibration, warmStart, take);
  lap('calibrate');
  const { probability, a, b } = calibration;
  const fit = a !== null && b !== null ? { a, b } : null;
  const testGroups = scoreGroups(scores.score, outcome, testMask);
  // every resolved lead is in one window: the AUC over all of them from the two groupings, without a sort
  const allAuc = undated === 0 ? aucOfMergedGroups(trainGroups, testGroups) : undefined;
  lap('groups');
  if (!options.report) return { splitDay, probability, fit, report: null, allAuc };
  const { tierCount } = plan;
  const train = windowReport(scores, calibration, outcome, trainMask, trainGroups, options, tierCount, false);
  lap('train');
  const test = windowReport(scores, calibration, outcome, testMask, testGroups, options, tierCount, true);
  lap('test');
  const byQuarter = quarterReport(scores, calibration, outcome, window, quarters, options.binning);
  lap('quarters');
  const rules = ruleLift(m, plan, scores, outcome, testMask);
  lap('rules');
  const report: AccuracyReport = {
    splitDay,
    defaultSplitDay: fallback,
    calibration: { method: options.calibration, fitted: probability !== null, a, b },
    train,
    test,
    ...byQuarter,
    undated,
    rules,
  };
  return { splitDay, probability, fit, report, allAuc };
}
