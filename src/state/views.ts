/** The app's views, in the header's order. */
export const VIEWS = ['data', 'model', 'tiers', 'accuracy', 'bias', 'roi', 'leads'] as const;
export type View = (typeof VIEWS)[number];

/**
 * Whether a view reads the calibrated probabilities (the Accuracy report, the Bias view's expected wins,
 * the Leads view's export while one waits for them): elsewhere a re-score skips the calibration, which
 * costs more than the re-score itself at a million leads, and its per-lead array on every result.
 */
export function readsProbabilities(view: View, exporting = false): boolean {
  return view === 'accuracy' || view === 'bias' || (view === 'leads' && exporting);
}
