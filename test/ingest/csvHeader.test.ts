import { describe, expect, it } from 'vitest';
import { parseHeaderRow, uniqueColumnNames } from '../../src/ingest/csvHeader';

describe('parseHeaderRow', () => {
  it('reads the first record only', () => {
    expect(parseHeaderRow('lead_id,company\r\n1,Acme\r\n', ',')).toEqual(['lead_id', 'company']);
  });

  it('unquotes fields with "" escapes, delimiters and newlines inside', () => {
    const text = '"id";"say ""hi""";"a;b";"two\nlines"\n1;2;3;4\n';
    expect(parseHeaderRow(text, ';')).toEqual(['id', 'say "hi"', 'a;b', 'two\nlines']);
  });

  it('trims whitespace around names, quoted or not', () => {
    expect(parseHeaderRow('  id \t|  "company name"  | owner\n', '|')).toEqual([
      'id',
      'company name',
      'owner',
    ]);
  });

  it('strips a BOM', () => {
    expect(parseHeaderRow('\uFEFF客户编号\t公司名称\n', '\t')).toEqual(['客户编号', '公司名称']);
  });

  it('keeps the empty column after a trailing delimiter and empty names in between', () => {
    expect(parseHeaderRow('a,,b,\n1,2,3,\n', ',')).toEqual(['a', '', 'b', '']);
  });

  it('reads a header without a final newline, and nothing from an empty text', () => {
    expect(parseHeaderRow('a,b', ',')).toEqual(['a', 'b']);
    expect(parseHeaderRow('', ',')).toEqual([]);
  });
});

describe('uniqueColumnNames', () => {
  it('names empty headers by their 1-based position', () => {
    expect(uniqueColumnNames(['a', '', 'b', ''])).toEqual(['a', 'column_2', 'b', 'column_4']);
  });

  it('suffixes duplicates and case variants with _2, _3', () => {
    expect(uniqueColumnNames(['Amount', 'amount', 'AMOUNT', 'id', 'id'])).toEqual([
      'Amount',
      'amount_2',
      'AMOUNT_3',
      'id',
      'id_2',
    ]);
  });

  it('does not collide with a header that already has the suffixed name', () => {
    expect(uniqueColumnNames(['a', 'a_2', 'a'])).toEqual(['a', 'a_2', 'a_3']);
    expect(uniqueColumnNames(['', 'column_1'])).toEqual(['column_1', 'column_1_2']);
  });

  it('keeps the original text of other names', () => {
    expect(uniqueColumnNames(['select', 'Say "hi"', '公司 名称'])).toEqual([
      'select',
      'Say "hi"',
      '公司 名称',
    ]);
  });
});
