import { describe, expect, it } from 'vitest';
import { safeText, toCsv } from '../../src/export/csv';

describe('toCsv', () => {
  it('starts with a BOM, uses CRLF and quotes only where needed', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x', 1],
          ['y,z', null],
          ['say "hi"', 2.5],
        ],
      ),
    ).toBe('\uFEFFa,b\r\nx,1\r\n"y,z",\r\n"say ""hi""",2.5\r\n');
  });

  it('prefixes formula-looking text cells with an apostrophe, not numbers', () => {
    expect(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', '\tx', '\rx', 'ok'].map(safeText)).toEqual([
      `'=HYPERLINK("x")`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'ok',
    ]);
    expect(toCsv(['n'], [[-5]])).toBe('\uFEFFn\r\n-5\r\n');
  });

  it('keeps long numeric ids as text exactly', () => {
    expect(toCsv(['id'], [['123456789012345678901']])).toBe('\uFEFFid\r\n123456789012345678901\r\n');
  });

  it('writes NaN and infinities as empty cells, never as text', () => {
    expect(toCsv(['x'], [[NaN], [Infinity]])).toBe('\uFEFFx\r\n\r\n\r\n');
  });
});
