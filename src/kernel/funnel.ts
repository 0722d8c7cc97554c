/** Each lead's furthest deal step (0 none, 1 a deal, 2 won) and latest stage, as the kernel holds them. */
export interface DealFunnelData {
  step: Uint8Array;
  /** Index into the stage names, −1 without a deal. */
  stage: Int32Array;
  stageCount: number;
}

/** One tier's row of the ROI view's funnel. */
export interface FunnelRow {
  leads: number;
  deal: number;
  won: number;
  /** Leads per latest deal stage. */
  stages: number[];
}

/** Per tier: leads, leads with a deal, won leads, and leads per latest deal stage. */
export function funnelByTier(tier: Uint8Array, deals: DealFunnelData, tierCount: number): FunnelRow[] {
  const { step, stage, stageCount } = deals;
  const rows = Array.from({ length: tierCount }, () => ({
    leads: 0,
    deal: 0,
    won: 0,
    stages: new Array<number>(stageCount).fill(0),
  }));
  for (let i = 0; i < tier.length; i++) {
    const r = rows[tier[i]];
    if (!r) continue;
    r.leads++;
    if (step[i] >= 1) r.deal++;
    if (step[i] >= 2) r.won++;
    if (stage[i] >= 0) r.stages[stage[i]]++;
  }
  return rows;
}
