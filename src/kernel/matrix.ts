/** Per-lead kernel inputs, all in the same lead order (lead_id ascending). Built once per model structure. */
export interface RuleMatrix {
  n: number;
  /** One code column per case rule: 0 = no match, k = case k matched. */
  caseCodes: Uint8Array[];
  /**
   * One decay-weighted event count column per event rule (uncapped; the cap is applied in the kernel).
   * Float64, so kernel scores equal the SQL twin's and the exported SQL's to the last bits.
   */
  eventCounts: Float64Array[];
}

/** Outcome codes of lead_features.outcome. */
export const OUTCOME = { open: 0, won: 1, lost: 2 } as const;
export type OutcomeCode = (typeof OUTCOME)[keyof typeof OUTCOME];

/** Per-lead facts that do not depend on the model: outcome and segment codes. */
export interface LeadFacts {
  n: number;
  outcome: Uint8Array;
  /** Segment columns dictionary-encoded: codes index into labels. */
  segments: Record<string, { codes: Int32Array; labels: string[] }>;
}

export function matrixBuffers(m: RuleMatrix): ArrayBuffer[] {
  return [...m.caseCodes, ...m.eventCounts].map((a) => a.buffer as ArrayBuffer);
}
