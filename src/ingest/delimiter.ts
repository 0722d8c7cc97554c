// Guesses the field delimiter of a CSV-like text from its first records.

export type Delimiter = ',' | ';' | '\t' | '|';

// Order is the tie-break order.
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
const MAX_RECORDS = 50;

/**
 * Counts each candidate outside double quotes, per record. A quote opens a quoted field only at the start
 * of a field (after a line break or any candidate), so a stray inch mark in 5" screen does not derail
 * the count; quoted fields may span lines.
 */
function countPerRecord(text: string): { counts: number[][]; lastTerminated: boolean } {
  const counts: number[][] = [];
  let current = CANDIDATES.map(() => 0);
  let inQuotes = false;
  let atFieldStart = true;
  let recordHasContent = false;
  let i = 0;
  for (; i < text.length && counts.length < MAX_RECORDS; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      if (recordHasContent) counts.push(current);
      current = CANDIDATES.map(() => 0);
      recordHasContent = false;
      atFieldStart = true;
      continue;
    }
    recordHasContent = true;
    const index = CANDIDATES.indexOf(ch as Delimiter);
    if (index >= 0) {
      current[index]++;
      atFieldStart = true;
    } else if (ch === '"' && atFieldStart) {
      inQuotes = true;
    } else if (ch !== ' ') {
      atFieldStart = false;
    }
  }
  const lastTerminated = !recordHasContent;
  if (recordHasContent && counts.length < MAX_RECORDS) counts.push(current);
  return { counts, lastTerminated };
}

function mode(values: number[]): { value: number; share: number } {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [value, count] of tally) {
    if (count > bestCount || (count === bestCount && value > best)) {
      best = value;
      bestCount = count;
    }
  }
  return { value: best, share: values.length === 0 ? 0 : bestCount / values.length };
}

/**
 * Picks the candidate whose per-record count is non-zero and most consistent; then the one with more
 * fields; then , ; tab |. Confidence is the share of records that agree with that count (0 when no
 * candidate occurs, which means a single column and falls back to ',').
 */
export function sniffDelimiter(text: string): { delimiter: Delimiter; confidence: number } {
  const { counts, lastTerminated } = countPerRecord(text);
  // An unterminated last record may be a sample cut mid-line; drop it when there are enough others.
  const records = !lastTerminated && counts.length >= 3 ? counts.slice(0, -1) : counts;

  let best: { delimiter: Delimiter; share: number; fields: number } | null = null;
  for (let index = 0; index < CANDIDATES.length; index++) {
    const { value, share } = mode(records.map((r) => r[index]));
    if (value === 0) continue;
    if (!best || share > best.share || (share === best.share && value > best.fields)) {
      best = { delimiter: CANDIDATES[index], share, fields: value };
    }
  }
  return best ? { delimiter: best.delimiter, confidence: best.share } : { delimiter: ',', confidence: 0 };
}
