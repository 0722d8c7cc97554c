// Guesses the text encoding of a CRM export and decodes it.

import { pacer } from '../kernel/tasks';

/** Every encoding a file can be read as; detection picks among the first five, the user may pick any. */
export const ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'windows-1252',
  'big5',
  'shift_jis',
  'euc-kr',
] as const;
export type EncodingName = (typeof ENCODINGS)[number];
/**
 * Why an encoding was chosen. 'mixed-utf8': not UTF-8 as a whole, but some lines are (an export that
 * pasted UTF-8 text into a Latin-1 file); those lines are read as UTF-8 ("Café", not "CafÃ©"), the rest
 * as Windows-1252, and utf8Lines() names them.
 */
export type EncodingReason =
  'bom' | 'valid-utf8' | 'ascii' | 'gb18030-cjk' | 'single-byte-fallback' | 'mixed-utf8';
export interface EncodingGuess {
  encoding: EncodingName;
  bom: boolean;
  reason: EncodingReason;
}

const SAMPLE_BYTES = 256 * 1024;

const BOMS: readonly { encoding: EncodingName; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'gb18030', bytes: [0x84, 0x31, 0x95, 0x33] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

function bomOf(bytes: Uint8Array): { encoding: EncodingName; length: number } | null {
  for (const bom of BOMS) {
    if (bytes.length >= bom.bytes.length && bom.bytes.every((b, i) => bytes[i] === b)) {
      return { encoding: bom.encoding, length: bom.bytes.length };
    }
  }
  return null;
}

/** Decodes strictly; a multi-byte sequence cut at the end of the sample is not an error (stream mode). */
function decodesStrictly(sample: Uint8Array, encoding: EncodingName): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch {
    return null;
  }
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

function isCommonCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

function cjkShare(text: string): number {
  let nonAscii = 0;
  let cjk = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) continue;
    nonAscii++;
    if (isCommonCjk(code)) cjk++;
  }
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}

/**
 * Share of GB18030 two-byte characters that lie in the GB2312 block (both bytes 0xA1–0xFE), where
 * everyday Chinese lives. Latin-1 text that happens to decode as GB18030 pairs an accented byte with
 * the next ASCII letter ("Müller" → M黮ler), which lands outside that block.
 */
function gb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let gb2312 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x81 || lead === 0xff) continue;
    const trail = bytes[i + 1] ?? 0;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3; // four-byte sequence
      continue;
    }
    pairs++;
    if (lead >= 0xa1 && trail >= 0xa1 && trail <= 0xfe) gb2312++;
    i++;
  }
  return pairs === 0 ? 0 : gb2312 / pairs;
}

/**
 * Share of non-ASCII bytes that form well-formed UTF-8 sequences for Latin-1 letters (lead byte C2/C3:
 * ü, é, ã…). High in a UTF-8 file with a few stray Latin-1 bytes (whose UTF-8 pairs also look like
 * GB2312), low in real GBK text, where the pairs that happen to be valid UTF-8 spread over every lead.
 */
function utf8SequenceShare(bytes: Uint8Array): number {
  let nonAscii = 0;
  let inSequences = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    const length =
      lead >= 0xc2 && lead <= 0xdf
        ? 2
        : lead >= 0xe0 && lead <= 0xef
          ? 3
          : lead >= 0xf0 && lead <= 0xf4
            ? 4
            : 1;
    let valid = length > 1 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = (bytes[i + k] & 0xc0) === 0x80;
    if (valid) {
      nonAscii += length;
      if (lead === 0xc2 || lead === 0xc3) inSequences += length;
      i += length - 1;
    } else {
      nonAscii++;
    }
  }
  return nonAscii === 0 ? 0 : inSequences / nonAscii;
}

const MIN_CJK_SHARE = 0.9;
const MIN_GB2312_SHARE = 0.8;
const MAX_UTF8_SEQUENCE_SHARE = 0.5;

export function detectEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bomOf(bytes);
  if (bom) return { encoding: bom.encoding, bom: true, reason: 'bom' };

  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (isAscii(sample)) return { encoding: 'utf-8', bom: false, reason: 'ascii' };
  if (decodesStrictly(sample, 'utf-8') !== null)
    return { encoding: 'utf-8', bom: false, reason: 'valid-utf8' };

  // GBK bytes also "decode" as Windows-1252, so GB18030 must be tried first, but only accepted for CJK text.
  const gb = decodesStrictly(sample, 'gb18030');
  if (
    gb !== null &&
    cjkShare(gb) >= MIN_CJK_SHARE &&
    gb2312Share(sample) >= MIN_GB2312_SHARE &&
    utf8SequenceShare(sample) <= MAX_UTF8_SEQUENCE_SHARE
  ) {
    return { encoding: 'gb18030', bom: false, reason: 'gb18030-cjk' };
  }
  const mixed = splitLines(sample).some((line) => isUtf8Line(line));
  return { encoding: 'windows-1252', bom: false, reason: mixed ? 'mixed-utf8' : 'single-byte-fallback' };
}

/** The byte ranges of a buffer's lines, each with its LF. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A line with non-ASCII bytes that all form valid UTF-8. */
function isUtf8Line(line: Uint8Array): boolean {
  if (isAscii(line)) return false;
  try {
    STRICT_UTF8.decode(line);
    return true;
  } catch {
    return false;
  }
}

/** 1-based numbers of the lines of a Windows-1252 file that are read as UTF-8 (see 'mixed-utf8'). */
export function utf8Lines(bytes: Uint8Array): number[] {
  return splitLines(bytes).flatMap((line, i) => (isUtf8Line(line) ? [i + 1] : []));
}

function stripBomBytes(bytes: Uint8Array, encoding: EncodingName): Uint8Array {
  const bom = bomOf(bytes);
  // A UTF-8 BOM read as a single-byte or GB encoding would otherwise reach the first header as "ï»¿".
  if (bom && (bom.encoding === encoding || bom.encoding === 'utf-8')) return bytes.subarray(bom.length);
  return bytes;
}

// WHATWG windows-1252 for 0x80–0x9F (the rest is Latin-1). Decoded by hand because some Node builds
// TextDecoder('windows-1252') treat it as plain Latin-1 and turn € into U+0080.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const chunks: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b,
    );
    chunks.push(String.fromCharCode(...codes));
  }
  return chunks.join('');
}

export function decodeText(bytes: Uint8Array, encoding: EncodingName): string {
  const body = stripBomBytes(bytes, encoding);
  const text =
    encoding === 'windows-1252'
      ? splitLines(body)
          .map((line) => (isUtf8Line(line) ? STRICT_UTF8.decode(line) : decodeWindows1252(line)))
          .join('')
      : new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  return withoutBomsAndNuls(text);
}

/**
 * Drops the BOMs that open a text and every NUL in it, given the text whole or in consecutive parts (the
 * leading BOMs may run over several parts).
 */
function bomAndNulStripper(): (part: string) => string {
  let leading = true;
  return (decoded) => {
    let part = decoded;
    if (leading) {
      part = part.replace(/^\uFEFF+/, '');
      leading = part.length === 0;
    }
    return part.includes('\0') ? part.replaceAll('\0', '') : part;
  };
}

const withoutBomsAndNuls = (text: string) => bomAndNulStripper()(text);

/** How much of an upload is decoded between pauses (~10 ms of decoding). */
const DECODE_PART_BYTES = 8 * 1024 * 1024;

/**
 * decodeText a part at a time, yielding to the page between parts: a 157 MB upload decoded at once was a
 * half-second task. The streaming decoder carries a character cut between two parts into the next. The
 * windows-1252 path (line by line, for mixed files) is decoded at once.
 */
export async function decodeTextInSteps(
  bytes: Uint8Array,
  encoding: EncodingName,
  partBytes = DECODE_PART_BYTES,
  pace: () => Promise<void> = pacer(),
): Promise<string> {
  if (encoding === 'windows-1252' || bytes.length <= partBytes) return decodeText(bytes, encoding);
  const body = stripBomBytes(bytes, encoding);
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  const parts: string[] = [];
  // stripped a part at a time: on the joined text the scan was another ~100 ms of one task
  const strip = bomAndNulStripper();
  for (let at = 0; at < body.length; at += partBytes) {
    parts.push(strip(decoder.decode(body.subarray(at, at + partBytes), { stream: true })));
    await pace();
  }
  parts.push(strip(decoder.decode()));
  return parts.join('');
}
