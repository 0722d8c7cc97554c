// Names what a file really is from its first bytes, whatever its extension says.

export type FileType =
  'text' | 'empty' | 'xlsx' | 'zip' | 'gzip' | 'parquet' | 'pdf' | 'html' | 'git-lfs-pointer' | 'binary';

const ASCII = new TextDecoder('latin1');

function startsWith(head: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (head.length < at + magic.length) return false;
  return magic.every((b, i) => head[at + i] === b);
}

function utf16Bom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** The head as text: UTF-16 when it has a UTF-16 BOM, else one char per byte (enough for ASCII markers). */
function headText(head: Uint8Array): string {
  const utf16 = utf16Bom(head);
  if (utf16) return new TextDecoder(utf16).decode(head.subarray(0, head.length - (head.length % 2)));
  const start = startsWith(head, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return ASCII.decode(head.subarray(start));
}

function isZipOfExcel(head: Uint8Array): boolean {
  const text = ASCII.decode(head);
  return text.includes('[Content_Types].xml') || text.includes('xl/');
}

// Every second byte NUL: UTF-16 text without a BOM, not binary.
function looksLikeBomlessUtf16(head: Uint8Array): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const high = Math.max(evenNul, oddNul) / pairs;
  const low = Math.min(evenNul, oddNul) / pairs;
  return high > 0.7 && low < 0.1;
}

function isControl(code: number): boolean {
  // Tab, LF, FF, CR and the DOS end-of-file mark are normal in text files.
  if (code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x1a) return false;
  return code < 0x20 || code === 0x7f;
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  return controls / text.length;
}

// A few NULs in quoted fields are a known CSV defect; a tenth of the head is not text.
const BINARY_CONTROL_SHARE = 0.1;

export function sniffFileType(head: Uint8Array): FileType {
  if (head.length === 0) return 'empty';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return isZipOfExcel(head) ? 'xlsx' : 'zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(head, [0x50, 0x41, 0x52, 0x31])) return 'parquet';

  const text = headText(head);
  const trimmed = text.replace(/^[\uFEFF\s]+/, '');
  if (trimmed.length === 0) return 'empty';
  if (trimmed.startsWith('%PDF')) return 'pdf';
  // a Git LFS pointer starts with "version " and the address of its spec on git-lfs.github.com
  if (/^version https:\/\/git-lfs/.test(trimmed)) return 'git-lfs-pointer';
  if (/^<(!doctype\s+html|html|head|body)([\s>]|$)/i.test(trimmed)) return 'html';

  if (!utf16Bom(head) && looksLikeBomlessUtf16(head)) return 'text';
  return controlShare(text) > BINARY_CONTROL_SHARE ? 'binary' : 'text';
}
