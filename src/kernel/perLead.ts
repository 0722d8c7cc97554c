import type { ScoreResult } from './protocol';

/**
 * A result without its per-lead arrays (empty ones in their place, same types): only the scored-leads
 * export reads them (the Leads table reads its page, `order`, which stays), and ~30 MB of arrays per
 * re-score arriving on the UI thread bring on full collections of its heap during a drag.
 */
export function withoutPerLead(r: ScoreResult): ScoreResult {
  return {
    ...r,
    score: new Float64Array(0),
    tier: new Uint8Array(0),
    disqualified: new Uint8Array(0),
    subscores: r.subscores.map(() => new Float32Array(0)),
    accuracy: r.accuracy && {
      ...r.accuracy,
      probability: r.accuracy.probability && new Float64Array(0),
    },
    baseline: r.baseline && { ...r.baseline, tier: new Uint8Array(0) },
  };
}
