/** The app's views, in the header's order. */
export const VIEWS = ['data', 'model', 'tiers', 'accuracy', 'bias', 'roi', 'leads'] as const;
export type View = (typeof VIEWS)[number];

/**
 * Whether a view reads the calibrated probabilities (the Accuracy report, the Bias view's expected wins,
 * the Leads view's export): elsewhere a re-score skips the calibration, which costs more than the
 * re-score itself at a million leads.
 */
export function readsProbabilities(view: View): boolean {
  return view === 'accuracy' || view === 'bias' || view === 'leads';
}
