import type { HistogramBin } from '../../charts/scoreHistogram';
import type { TierBarDatum } from '../../charts/tierBars';
import type { TierSegmentDatum } from '../../charts/tierBySegment';
import { HISTOGRAM_BINS, type TierSummary } from '../../kernel/aggregate';
import { tierOf } from '../../kernel/score';

export function tierBarData(summary: TierSummary, tierNames: string[]): TierBarDatum[] {
  return summary.tierCounts.map((count, t) => ({
    tier: tierNames[t],
    count,
    share: summary.n > 0 ? count / summary.n : 0,
  }));
}

export function histogramBins(summary: TierSummary, thresholds: number[]): HistogramBin[] {
  const width = 100 / HISTOGRAM_BINS;
  const t = Float64Array.from(thresholds);
  return summary.histogram.map((count, b) => ({
    x0: b * width,
    x1: (b + 1) * width,
    count,
    tierIndex: tierOf(b * width, t, thresholds.length + 1),
  }));
}

/** Rows of the tier-by-segment chart; segments with no leads are left out. */
export function segmentTierData(
  summary: TierSummary,
  segmentLabels: string[],
  tierNames: string[],
): TierSegmentDatum[] {
  const rows: TierSegmentDatum[] = [];
  (summary.segmentTiers ?? []).forEach((counts, s) => {
    const total = counts.reduce((a, b) => a + b, 0);
    if (total === 0) return;
    counts.forEach((count, t) =>
      rows.push({ segment: segmentLabels[s], tier: tierNames[t], tierIndex: t, count, share: count / total }),
    );
  });
  return rows;
}
