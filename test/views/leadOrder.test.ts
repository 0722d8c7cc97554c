import { describe, expect, it } from 'vitest';
import type { LeadTable } from '../../src/features/build';
import type { ScoreResult } from '../../src/kernel/protocol';
import { leadOrder } from '../../src/views/leads/leadOrder';

function table(ids: string[], companies: string[]): LeadTable {
  const blank = ids.map(() => '');
  return {
    n: ids.length,
    text: {
      lead_id: ids,
      company: companies,
      country: blank,
      region: blank,
      industry: blank,
      employees: blank,
      size_band: blank,
      lead_source: blank,
      owner: blank,
      job_title: blank,
      created_at: blank,
      created_quarter: blank,
      outcome: blank,
    },
    outcome: new Uint8Array(ids.length),
    wonAmount: new Float64Array(ids.length),
    createdDay: new Int32Array(ids.length),
    wonDay: new Int32Array(ids.length),
  };
}
const result = (score: number[], tier: number[], sub: number[] = score) =>
  ({
    score: Float64Array.from(score),
    tier: Uint8Array.from(tier),
    subscores: [Float32Array.from(sub)],
  }) as unknown as ScoreResult;

describe('leadOrder', () => {
  const leads = table(['L1', 'L2', 'L3', 'L4'], ['Acme', 'Beta', 'acme east', 'Delta']);
  const r = result([50, 80, 80, 10], [1, 0, 0, 2]);

  it('sorts by score descending with lead order breaking ties', () => {
    expect(
      Array.from(leadOrder(leads, r, { text: '', tier: null, sort: 'score', descending: true })),
    ).toEqual([1, 2, 0, 3]);
  });

  it('filters by text case-insensitively and by tier', () => {
    expect(
      Array.from(leadOrder(leads, r, { text: 'ACME', tier: null, sort: 'lead_id', descending: false })),
    ).toEqual([0, 2]);
    expect(
      Array.from(leadOrder(leads, r, { text: 'acme', tier: 0, sort: 'lead_id', descending: false })),
    ).toEqual([2]);
  });

  it('sorts by a dimension subscore', () => {
    const r2 = result([50, 80, 80, 10], [1, 0, 0, 2], [5, 1, 9, 3]);
    expect(
      Array.from(leadOrder(leads, r2, { text: '', tier: null, sort: 'sub:0', descending: false })),
    ).toEqual([1, 3, 0, 2]);
  });

  it('filters to the leads of one migration-matrix cell', () => {
    const migration = { from: 1, to: 0, baselineTier: Uint8Array.from([1, 1, 0, 2]) };
    expect(
      Array.from(
        leadOrder(leads, r, { text: '', tier: null, sort: 'lead_id', descending: false, migration }),
      ),
    ).toEqual([1]);
  });

  it('sorts text columns both ways', () => {
    expect(
      Array.from(leadOrder(leads, r, { text: '', tier: null, sort: 'company', descending: true })),
    ).toEqual([2, 3, 1, 0]);
  });
});
