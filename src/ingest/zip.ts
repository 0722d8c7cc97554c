// Reads the entries of a ZIP archive (an XLSX workbook is one) with the platform's own inflater.

export interface ZipEntry {
  name: string;
  method: number;
  compressed: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class ZipError extends Error {
  override name = 'ZipError';
}

/** Runs bytes through a platform (de)compression stream: Chromium and Node 20 both have them. */
export async function throughStream(
  bytes: Uint8Array,
  transform: ReadableWritablePair<Uint8Array, BufferSource>,
): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function endOfCentralDirectory(view: DataView): number {
  // the record is 22 bytes plus a comment of at most 65535 bytes, at the very end
  const last = view.byteLength - 22;
  for (let at = last; at >= Math.max(0, last - 65535); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new ZipError('no end of central directory (not a ZIP archive, or cut short)');
}

/** The archive's entries by name; data stays compressed until inflateEntry. */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (at === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new ZipError('damaged central directory');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
    if (size === 0xffffffff || local === 0xffffffff) throw new ZipError('ZIP64 archives are not supported');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      throw new ZipError(`damaged entry ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + size > bytes.length) throw new ZipError(`entry ${name} is cut short`);
    entries.set(name, { name, method, compressed: bytes.subarray(start, start + size) });
  }
  return entries;
}

export async function inflateEntry(entry: ZipEntry): Promise<Uint8Array> {
  if (entry.method === STORED) return entry.compressed;
  if (entry.method !== DEFLATED)
    throw new ZipError(`entry ${entry.name} uses compression method ${entry.method}`);
  return throughStream(entry.compressed, new DecompressionStream('deflate-raw'));
}
