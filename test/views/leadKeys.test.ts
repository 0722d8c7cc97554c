import { describe, expect, it } from 'vitest';
import { textColumnOf, utf8TextOf, type TextColumn } from '../../src/db/textColumn';
import type { LeadTable } from '../../src/features/build';
import { isTextColumn, textMask, textRank } from '../../src/views/leads/leadKeys';

type Encode = (values: string[]) => TextColumn;

function table(
  ids: string[],
  companies: string[],
  owners: string[] = ids.map(() => ''),
  encode: Encode = textColumnOf,
): LeadTable {
  const blank = ids.map(() => '');
  return {
    n: ids.length,
    text: {
      lead_id: encode(ids),
      company: encode(companies),
      country: encode(blank),
      region: encode(blank),
      industry: encode(blank),
      employees: encode(blank),
      size_band: encode(blank),
      lead_source: encode(blank),
      owner: encode(owners),
      job_title: encode(blank),
      created_at: encode(blank),
      created_quarter: encode(blank),
      outcome: encode(blank),
    },
    outcome: new Uint8Array(ids.length),
    wonAmount: new Float64Array(ids.length),
    createdDay: new Int32Array(ids.length),
    wonDay: new Int32Array(ids.length),
  };
}

// each column kept as a dictionary and as UTF-8 bytes
const ENCODINGS: [string, Encode][] = [
  ['dictionary', textColumnOf],
  ['utf8', utf8TextOf],
];

describe.each(ENCODINGS)('textMask (%s)', (_, encode) => {
  const leads = table(
    ['L1', 'L2', 'L3', 'L4'],
    ['Acme', 'Beta', 'acme east', 'Delta'],
    ['王经理', '', '', 'Ann'],
    encode,
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

describe.each(ENCODINGS)('textRank (%s)', (_, encode) => {
  it('ranks values densely in code-unit order (capitals before lower case), equal values equal', () => {
    const ids = ['L1', 'L2', 'L3', 'L4', 'L5'];
    const leads = table(ids, ['Beta', 'acme', 'Acme', 'Beta', 'Ängel'], undefined, encode);
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
