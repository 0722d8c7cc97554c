import { describe, expect, it } from 'vitest';
import type { LeadTable } from '../../src/features/build';
import { isTextColumn, textMask, textRank } from '../../src/views/leads/leadKeys';

function table(ids: string[], companies: string[], owners: string[] = ids.map(() => '')): LeadTable {
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
      owner: owners,
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

describe('textMask', () => {
  const leads = table(
    ['L1', 'L2', 'L3', 'L4'],
    ['Acme', 'Beta', 'acme east', 'Delta'],
    ['王经理', '', '', 'Ann'],
  );

  it('keeps leads whose searched columns contain the text, case-insensitively', () => {
    expect(Array.from(textMask(leads, '  ACME ')!)).toEqual([1, 0, 1, 0]);
    expect(Array.from(textMask(leads, 'l4')!)).toEqual([0, 0, 0, 1]);
    expect(Array.from(textMask(leads, '经理')!)).toEqual([1, 0, 0, 0]);
    expect(Array.from(textMask(leads, 'zzz')!)).toEqual([0, 0, 0, 0]);
  });

  it('is null (every lead) for blank text', () => {
    expect(textMask(leads, '   ')).toBeNull();
  });
});

describe('textRank', () => {
  it('ranks values densely in code-unit order (capitals before lower case), equal values equal', () => {
    const leads = table(['L1', 'L2', 'L3', 'L4', 'L5'], ['Beta', 'acme', 'Acme', 'Beta', 'Ängel']);
    // "Acme" < "Beta" < "acme" < "Ängel" by UTF-16 code units, as `<` on strings orders them
    expect(Array.from(textRank(leads, 'company'))).toEqual([1, 2, 0, 1, 3]);
  });
});

describe('isTextColumn', () => {
  it('tells the text columns from score, tier and subscores', () => {
    expect(['lead_id', 'outcome', 'score', 'tier', 'sub:2'].map((c) => isTextColumn(c as never))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
