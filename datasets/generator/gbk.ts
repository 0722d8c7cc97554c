/** GBK encoder whose table is the inverse of the platform's WHATWG 'gbk' decoder. */

let table: Uint16Array | null = null;

/** code unit → (lead << 8 | trail), 0 = unencodable. Built once by decoding every 2-byte pair. */
function reverseTable(): Uint16Array {
  if (table) return table;
  const pairs: number[] = [];
  // Each pair is followed by LF so that an invalid pair (decoded as U+FFFD + an ASCII trail) stays isolated.
  const bytes = new Uint8Array(126 * 190 * 3);
  let n = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      bytes[n++] = lead;
      bytes[n++] = trail;
      bytes[n++] = 0x0a;
      pairs.push((lead << 8) | trail);
    }
  }
  const decoded = new TextDecoder('gbk').decode(bytes.subarray(0, n)).split('\n');
  const t = new Uint16Array(65536);
  for (let i = 0; i < pairs.length; i++) {
    const s = decoded[i];
    if (s.length !== 1 || s === '\ufffd') continue;
    const code = s.charCodeAt(0);
    if (t[code] === 0) t[code] = pairs[i];
  }
  table = t;
  return t;
}

export function encodeGbk(text: string): Uint8Array {
  const t = reverseTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    if (code === 0x20ac) {
      out[n++] = 0x80; // WHATWG gbk encoder: € is the single byte 0x80
      continue;
    }
    const pair = t[code];
    if (pair === 0) {
      const cp = text.codePointAt(i) ?? code;
      throw new Error(`encodeGbk: U+${cp.toString(16).toUpperCase().padStart(4, '0')} has no GBK encoding`);
    }
    out[n++] = pair >> 8;
    out[n++] = pair & 0xff;
  }
  return out.slice(0, n);
}
