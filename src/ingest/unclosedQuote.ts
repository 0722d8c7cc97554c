// A quote that never closes makes a CSV reader take every following line into one field. Such a line is
// cut out of an in-memory text before DuckDB reads it, so the lines after it still load; it is reported
// as a rejected line like DuckDB's own. (A big file DuckDB reads itself keeps DuckDB's behaviour: the
// line and all it swallowed come back as one rejected line.)

import type { Delimiter } from './delimiter';
import type { RejectedLine } from './load';

/** DuckDB's reject code for the same fault, so the quality panel and exports treat both alike. */
export const UNCLOSED_QUOTE = 'UNQUOTED VALUE';

interface Cut {
  /** 1-based line of the file where the record with the unclosed quote starts. */
  line: number;
  /** Lines cut out (the record's lines up to the one where the quote opened). */
  lines: number;
  raw: string;
}

export interface QuoteCuts {
  /** The text without the cut lines. */
  text: string;
  /** The cut lines, plus DuckDB's rejects of the cut text renumbered to lines of the original file. */
  merge: (rejected: readonly RejectedLine[]) => RejectedLine[];
}

/**
 * The first record from `from` (a record start) whose quote is still open at the end, as offsets. A quote
 * opens a quoted field only at a field's start (after a delimiter or a line end); inside, `""` is a quote.
 * The scan jumps from quote to quote with indexOf (a char-by-char loop took a second on a 1M-lead file).
 */
export function unclosedRecord(text: string, delimiter: Delimiter, from: number) {
  let recordStart = from;
  /** Where the text outside quotes since the last quoted field begins. */
  let outside = from;
  let q = text.indexOf('"', from);
  while (q >= 0) {
    const prev = q === from ? '\n' : text[q - 1];
    if (prev !== delimiter && prev !== '\n') {
      q = text.indexOf('"', q + 1); // a quote inside an unquoted field is text
      continue;
    }
    const lineEnd = text.lastIndexOf('\n', q - 1);
    if (lineEnd >= outside) recordStart = lineEnd + 1;
    let close = text.indexOf('"', q + 1);
    while (close >= 0 && text[close + 1] === '"') close = text.indexOf('"', close + 2);
    if (close < 0) {
      const end = text.indexOf('\n', q);
      return { start: recordStart, end: end < 0 ? text.length : end + 1 };
    }
    outside = close + 1;
    q = text.indexOf('"', outside);
  }
  return null;
}

const newlines = (s: string) => s.split('\n').length - 1;

/** Cuts every line whose quote never closes out of a CSV text with LF line ends (header on line 1). */
export function cutUnclosedQuotes(text: string, delimiter: Delimiter): QuoteCuts {
  const kept: string[] = [];
  const cuts: Cut[] = [];
  let at = 0;
  let line = 1;
  for (;;) {
    const found = unclosedRecord(text, delimiter, at);
    // an open quote in the header leaves nothing to cut against; DuckDB reports it
    if (!found || found.start === 0) break;
    kept.push(text.slice(at, found.start));
    line += newlines(text.slice(at, found.start));
    const segment = text.slice(found.start, found.end);
    const lines = segment.endsWith('\n') ? newlines(segment) : newlines(segment) + 1;
    cuts.push({ line, lines, raw: segment.replace(/\n$/, '') });
    line += lines;
    at = found.end;
  }
  kept.push(text.slice(at));
  const original = (cutLine: number) => cuts.reduce((n, c) => (n >= c.line ? n + c.lines : n), cutLine);
  return {
    text: kept.join(''),
    merge: (rejected) =>
      [
        ...rejected.map((r) => ({ ...r, line: original(r.line) })),
        ...cuts.map((c) => ({ line: c.line, errorType: UNCLOSED_QUOTE, raw: c.raw })),
      ].sort((a, b) => a.line - b.line),
  };
}
