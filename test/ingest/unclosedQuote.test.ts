import { describe, expect, it } from 'vitest';
import { cutUnclosedQuotes, unclosedRecord } from '../../src/ingest/unclosedQuote';

describe('unclosedQuote: cutting a line whose quote never closes (BAD-INPUTS 8)', () => {
  it('cuts only that line, numbered in the original file, and leaves a clean text alone', () => {
    const clean = 'a,b\n1,"x\ny"\n2,3\n';
    expect(cutUnclosedQuotes(clean, ',').text).toBe(clean);
    expect(cutUnclosedQuotes(clean, ',').merge([])).toEqual([]);

    // lines: 1 header, 2-3 a quoted newline, 4 the open quote, 5 a good line
    const cuts = cutUnclosedQuotes('a,b\n1,"x\ny"\n2,"open\n3,4\n', ',');
    expect(cuts.text).toBe('a,b\n1,"x\ny"\n3,4\n');
    expect(cuts.merge([])).toEqual([{ line: 4, errorType: 'UNQUOTED VALUE', raw: '2,"open' }]);
  });

  it('renumbers the reader’s rejects of the cut text to lines of the original file', () => {
    // original lines: 1 header, 2 good, 3 open quote (cut), 4 ragged → line 3 of the cut text
    const cuts = cutUnclosedQuotes('a;b\n1;2\n3;"open\n4\n', ';');
    expect(cuts.text).toBe('a;b\n1;2\n4\n');
    expect(cuts.merge([{ line: 3, errorType: 'MISSING COLUMNS', raw: '4' }])).toEqual([
      { line: 3, errorType: 'UNQUOTED VALUE', raw: '3;"open' },
      { line: 4, errorType: 'MISSING COLUMNS', raw: '4' },
    ]);
  });

  it('cuts a last line without a final newline; a later quote that closes it is left to the reader', () => {
    expect(cutUnclosedQuotes('a,b\n1,2\n3,"open', ',').text).toBe('a,b\n1,2\n');
    const paired = 'a,b\n1,"x\n2,"y"\n';
    expect(cutUnclosedQuotes(paired, ',').text).toBe(paired);
    // an open quote in the header is not cut (nothing would be left to read against)
    expect(cutUnclosedQuotes('a,"b\n1,2\n', ',').merge([])).toEqual([]);
  });
});

describe('unclosedRecord against a char-by-char reference', () => {
  /** The quote rules read one character at a time: the definition the indexOf jumps must keep. */
  function reference(text: string, delimiter: string, from: number) {
    let recordStart = from;
    let quoteAt = -1;
    let inQuotes = false;
    let atFieldStart = true;
    for (let i = from; i < text.length; i++) {
      const ch = text[i];
      if (inQuotes) {
        if (ch !== '"') continue;
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (ch === delimiter) atFieldStart = true;
      else if (ch === '\n') {
        recordStart = i + 1;
        atFieldStart = true;
      } else if (ch === '"' && atFieldStart) {
        inQuotes = true;
        quoteAt = i;
        atFieldStart = false;
      } else atFieldStart = false;
    }
    if (!inQuotes) return null;
    const lineEnd = text.indexOf('\n', quoteAt);
    return { start: recordStart, end: lineEnd < 0 ? text.length : lineEnd + 1 };
  }

  it('finds the same record on random texts of quotes, delimiters, line ends and letters', () => {
    let seed = 3;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['"', '"', ',', ';', '\n', 'a', 'b'];
    for (let t = 0; t < 5000; t++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 24) },
        () => alphabet[Math.floor(next() * 7)],
      ).join('');
      const delimiter = t % 2 === 0 ? ',' : ';';
      const starts = [0, ...[...text].flatMap((c, i) => (c === '\n' ? [i + 1] : []))];
      for (const from of starts)
        expect([text, from, unclosedRecord(text, delimiter, from)]).toEqual([
          text,
          from,
          reference(text, delimiter, from),
        ]);
    }
  });
});
