// Excel stores dates as serial day numbers; only the cell's number format says a number is a date.

export type DateKind = 'date' | 'datetime' | 'time';

// Built-in formats (ECMA-376 §18.8.30) that show a date or a time, and the East-Asian locale ones
// Excel writes for Chinese, Japanese and Korean settings (27–36, 50–58).
const BUILT_IN: Record<number, DateKind> = {
  14: 'date',
  15: 'date',
  16: 'date',
  17: 'date',
  18: 'time',
  19: 'time',
  20: 'time',
  21: 'time',
  22: 'datetime',
  45: 'time',
  46: 'time',
  47: 'time',
};
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]) BUILT_IN[id] = 'date';
for (const id of [32, 33, 55, 56]) BUILT_IN[id] = 'time';

/** What a number format shows: a date, a date and time, a time of day, or null for a plain number. */
export function dateKindOf(numFmtId: number, formatCode: string | undefined): DateKind | null {
  if (formatCode === undefined) return BUILT_IN[numFmtId] ?? null;
  // the first section is the one positive numbers use; quoted text, escapes and [colour]/[$-locale]
  // tags are not date parts (but [h] elapsed hours are)
  const section = formatCode.split(';')[0];
  const code = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .toLowerCase()
    .replace(/general|am\/pm|a\/p/g, '');
  const hasDate = /[dy]|e(?![+-])|g{2,}|b{2}/.test(code) || (/m/.test(code) && !/[hs]/.test(code));
  const hasTime = /[hs]/.test(code);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;
// 1900 system: day 1 is 1900-01-01 and day 60 the fictitious 1900-02-29 (a Lotus 1-2-3 bug Excel kept),
// so from day 61 on the epoch is 1899-12-30. 1904 system: day 0 is 1904-01-01.
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * The serial as ISO text: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS` (when the format shows a time or the serial
 * has one, so no time is lost) or `HH:MM:SS` for a time-only format. Null when out of Excel's range.
 */
export function serialToIso(serial: number, kind: DateKind, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  const totalSeconds = Math.round(serial * 86400);
  const days = Math.floor(totalSeconds / 86400);
  const seconds = totalSeconds - days * 86400;
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  if (kind === 'time' && serial < 1) return time;
  const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900_EARLY : EPOCH_1900;
  if (!date1904 && days === 60) return null; // the fictitious 1900-02-29
  if (!date1904 && days === 0) return kind === 'date' ? null : time; // Excel's "1900-01-00"

  const d = new Date(epoch + days * DAY_MS);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return kind === 'date' && seconds === 0 ? date : `${date} ${time}`;
}
