const WON = 1;
const LOST = 2;

/** Resolved leads per tier (0 = top tier). */
export interface TierCounts {
  won: Float64Array;
  lost: Float64Array;
  /** Σ p over the same leads per tier, when p was given. */
  pSum?: Float64Array | null;
}

/**
 * The input of METRICS.md "Confusion at a tier cut" and the MadKudu rubric: won and lost leads per tier over
 * resolved leads in `mask` (nonzero = included); tier codes outside
 * 0 … nTiers − 1 are not counted.
 */
export function tierCounts(
  tier: ArrayLike<number>,
  outcome: ArrayLike<number>,
  nTiers: number,
  mask?: ArrayLike<number>,
  /** Per lead, summed per tier over the counted leads (pSum) in the same pass; finite (a lead left out adds 0 × p). */
  p?: ArrayLike<number> | null,
): TierCounts {
  const won = new Float64Array(nTiers);
  const lost = new Float64Array(nTiers);
  const pSum = p ? new Float64Array(nTiers) : null;
  // no branch on the mask or the outcome (both mispredict in lead order): a lead adds 1 or 0 to each count
  for (let i = 0; i < outcome.length; i++) {
    const t = tier[i];
    if (!(t >= 0 && t < nTiers && Number.isInteger(t))) continue;
    const o = outcome[i];
    const kept = mask ? +(mask[i] !== 0) : 1;
    const isWon = kept & +(o === WON);
    const isLost = kept & +(o === LOST);
    won[t] += isWon;
    lost[t] += isLost;
    if (pSum) pSum[t] += (isWon | isLost) * p![i];
  }
  return { won, lost, pSum };
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/** The confusion matrix at one cut and its rates (null where the denominator is 0). */
export interface Confusion {
  /** Predicted positive = tiers 0 … cut. */
  cut: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** TP / (TP + FP). */
  precision: number | null;
  /** TP / (TP + FN). */
  recall: number | null;
  /** 2·TP / (2·TP + FP + FN). */
  f1: number | null;
  /** FP / (FP + TN). */
  fpr: number | null;
  /** (TP + TN) / N. */
  accuracy: number | null;
}

/**
 * METRICS.md "Confusion at a tier cut": predicted positive = tier at or above the cut (tier ≤ cut), over the
 * resolved leads of `counts`. Rates whose denominator is 0 are null (scikit-learn's zero_division warning).
 */
export function confusionAtCut(counts: TierCounts, cut: number): Confusion {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let t = 0; t < counts.won.length; t++) {
    if (t <= cut) {
      tp += counts.won[t];
      fp += counts.lost[t];
    } else {
      fn += counts.won[t];
      tn += counts.lost[t];
    }
  }
  return {
    cut,
    tp,
    fp,
    tn,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    fpr: ratio(fp, fp + tn),
    accuracy: ratio(tp + tn, tp + fp + tn + fn),
  };
}

/**
 * METRICS.md "the cut that maximises F1" over cuts 0 … nTiers − 1 (the last = every lead positive); on a tie
 * the lower cut (fewer leads worked). Null when no cut has an F1 (no win and nothing predicted).
 */
export function bestF1Cut(counts: TierCounts): Confusion | null {
  let best: Confusion | null = null;
  for (let cut = 0; cut < counts.won.length; cut++) {
    const c = confusionAtCut(counts, cut);
    if (c.f1 !== null && (best === null || c.f1 > best.f1!)) best = c;
  }
  return best;
}

/** MadKudu's rubric at a cut. */
export interface MadKuduRubric {
  /** Share of resolved leads in tiers 0 … cut. */
  leadShare: number | null;
  /** Share of wins in tiers 0 … cut. */
  winShare: number | null;
  /** Conversion of the top tier (0) over the bottom tier (nTiers − 1). */
  conversionRatio: number | null;
}

/**
 * METRICS.md MadKudu rubric: share of leads in the top tiers, share of wins they capture, and the conversion
 * ratio of top tier over bottom tier. Null parts where a denominator is 0 (no lead, no win, an empty tier, a
 * bottom tier without wins).
 */
export function madKuduRubric(counts: TierCounts, cut: number): MadKuduRubric {
  const c = confusionAtCut(counts, cut);
  const bottom = counts.won.length - 1;
  const topRate = ratio(counts.won[0], counts.won[0] + counts.lost[0]);
  const bottomRate = ratio(counts.won[bottom], counts.won[bottom] + counts.lost[bottom]);
  return {
    leadShare: ratio(c.tp + c.fp, c.tp + c.fp + c.tn + c.fn),
    winShare: c.recall,
    conversionRatio: topRate === null || bottomRate === null ? null : ratio(topRate, bottomRate),
  };
}
