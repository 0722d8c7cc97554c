import { describe, expect, it } from 'vitest';
import { decodeText, decodeTextInSteps, detectEncoding, type EncodingName } from '../../src/ingest/encoding';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const latin1 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const utf16le = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'utf16le'));
const utf16be = (s: string): Uint8Array => utf16le(s).map((_, i, a) => a[i ^ 1]);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => [...p]));

// GBK for 客户编号,公司名称 (checked against TextDecoder('gbk') below).
const GBK_HEADER = Uint8Array.from([
  0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xb9, 0xab, 0xcb, 0xbe, 0xc3, 0xfb, 0xb3, 0xc6,
]);
// GBK for 1,阿里巴巴 and 2,腾讯科技 rows.
const GBK_ROWS = Uint8Array.from([
  0x0d, 0x0a, 0x31, 0x2c, 0xb0, 0xa2, 0xc0, 0xef, 0xb0, 0xcd, 0xb0, 0xcd, 0x0d, 0x0a, 0x32, 0x2c, 0xcc, 0xda,
  0xd1, 0xb6, 0xbf, 0xc6, 0xbc, 0xbc, 0x0d, 0x0a,
]);

describe('GBK fixtures', () => {
  it('are the GBK bytes of the intended text', () => {
    expect(new TextDecoder('gbk').decode(GBK_HEADER)).toBe('客户编号,公司名称');
    expect(new TextDecoder('gbk').decode(GBK_ROWS)).toBe('\r\n1,阿里巴巴\r\n2,腾讯科技\r\n');
  });
});

describe('detectEncoding', () => {
  it('reads pure ASCII as utf-8 (ascii)', () => {
    expect(detectEncoding(utf8('lead_id,company\r\n1,Acme\r\n'))).toEqual({
      encoding: 'utf-8',
      bom: false,
      reason: 'ascii',
    });
  });

  it('reads UTF-8 without BOM as valid-utf8', () => {
    expect(detectEncoding(utf8('客户编号,公司名称\n1,Müller GmbH\n'))).toEqual({
      encoding: 'utf-8',
      bom: false,
      reason: 'valid-utf8',
    });
  });

  it('reads a UTF-8 BOM', () => {
    expect(detectEncoding(utf8('\uFEFFlead_id\n1\n'))).toEqual({
      encoding: 'utf-8',
      bom: true,
      reason: 'bom',
    });
  });

  it('reads UTF-16 LE and BE BOMs', () => {
    expect(detectEncoding(utf16le('\uFEFFlead_id\r\n'))).toEqual({
      encoding: 'utf-16le',
      bom: true,
      reason: 'bom',
    });
    expect(detectEncoding(utf16be('\uFEFFlead_id\r\n'))).toEqual({
      encoding: 'utf-16be',
      bom: true,
      reason: 'bom',
    });
  });

  it('detects GBK bytes as gb18030', () => {
    expect(detectEncoding(concat(GBK_HEADER, GBK_ROWS))).toEqual({
      encoding: 'gb18030',
      bom: false,
      reason: 'gb18030-cjk',
    });
  });

  it('detects GBK even when the sample ends inside a two-byte character', () => {
    const big = concat(...new Array<Uint8Array>(12000).fill(concat(GBK_HEADER, GBK_ROWS)));
    expect(big.length).toBeGreaterThan(256 * 1024);
    expect(detectEncoding(big).encoding).toBe('gb18030');
  });

  it('keeps accented Latin text (which fails GB18030) as windows-1252', () => {
    expect(detectEncoding(latin1('name,city\r\nJosé,São Paulo\r\nAção,Málaga\r\n'))).toEqual({
      encoding: 'windows-1252',
      bom: false,
      reason: 'single-byte-fallback',
    });
  });

  it('keeps German Latin text that happens to decode as GB18030 as windows-1252', () => {
    const german = latin1('name,city\r\nMüller,Köln\r\nStraße,Düsseldorf\r\n');
    expect(new TextDecoder('gb18030', { fatal: true }).decode(german)).not.toContain('Müller');
    expect(detectEncoding(german).encoding).toBe('windows-1252');
  });

  it('keeps UTF-8 text with a stray Latin-1 byte pair as windows-1252, not gb18030', () => {
    const mixed = concat(utf8('name\nMüller,São,José,Zürich\n'), latin1('ãé\n'));
    expect(detectEncoding(mixed).encoding).toBe('windows-1252');
  });
});

describe('detectEncoding on GBK deals exports', () => {
  it('detects GBK when stage values like 赢单 (D3 AE = a valid UTF-8 pair) dominate the non-ASCII bytes', () => {
    // 阶段 赢单 赢单 输单 in GBK: BD D7 B6 CE / D3 AE B5 A5 ×2 / CA E4 B5 A5 — a quarter of the pairs decode as UTF-8
    const gbk = Uint8Array.from([
      ...[0x61, 0x2c],
      ...[0xbd, 0xd7, 0xb6, 0xce],
      0x0a,
      ...[0x31, 0x2c],
      ...[0xd3, 0xae, 0xb5, 0xa5],
      0x0a,
      ...[0x32, 0x2c],
      ...[0xd3, 0xae, 0xb5, 0xa5],
      0x0a,
      ...[0x33, 0x2c],
      ...[0xca, 0xe4, 0xb5, 0xa5],
      0x0a,
    ]);
    expect(new TextDecoder('gbk').decode(gbk)).toBe('a,阶段\n1,赢单\n2,赢单\n3,输单\n');
    expect(detectEncoding(gbk).encoding).toBe('gb18030');
  });
});

describe('decodeText', () => {
  it('drops the UTF-8 BOM', () => {
    expect(decodeText(utf8('\uFEFFlead_id,company\n'), 'utf-8')).toBe('lead_id,company\n');
  });

  it('decodes UTF-16 LE and BE without a leading \\uFEFF', () => {
    expect(decodeText(utf16le('\uFEFF客户编号,company\r\n'), 'utf-16le')).toBe('客户编号,company\r\n');
    expect(decodeText(utf16be('\uFEFF客户编号,company\r\n'), 'utf-16be')).toBe('客户编号,company\r\n');
  });

  it('decodes GBK as gb18030, keeping CRLF', () => {
    expect(decodeText(concat(GBK_HEADER, GBK_ROWS), 'gb18030')).toBe(
      '客户编号,公司名称\r\n1,阿里巴巴\r\n2,腾讯科技\r\n',
    );
  });

  it('decodes windows-1252, including its 0x80–0x9F letters', () => {
    expect(
      decodeText(Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x80, 0x31, 0x8a]), 'windows-1252'),
    ).toBe('José,€1Š');
  });

  it('removes a UTF-8 BOM even when the user picks a single-byte encoding', () => {
    expect(decodeText(utf8('\uFEFFid\n'), 'windows-1252')).toBe('id\n');
  });

  it('removes NUL characters', () => {
    expect(decodeText(utf8('id,note\n1,"a\0b"\n'), 'utf-8')).toBe('id,note\n1,"ab"\n');
  });
});

describe('decodeTextInSteps', () => {
  const noPause = async () => {};
  const cases: [string, EncodingName, Uint8Array][] = [
    ['UTF-8 with a BOM, CJK, emoji and a NUL', 'utf-8', utf8('\uFEFFid,名称\n1,北京 😀 a\0b\n2,𝄞 Ünï\n')],
    [
      'UTF-8 with repeated BOMs and NULs among them',
      'utf-8',
      utf8('\uFEFF\uFEFF\0\uFEFFid\0,x\n1,\uFEFF\0\n'),
    ],
    ['UTF-16 LE with a BOM', 'utf-16le', utf16le('\uFEFF客户编号,company\r\n1,腾讯 😀\r\n')],
    ['UTF-16 BE with a BOM', 'utf-16be', utf16be('\uFEFF客户编号,company\r\n1,腾讯 😀\r\n')],
    ['GBK as gb18030', 'gb18030', concat(GBK_HEADER, GBK_ROWS)],
    ['windows-1252 (decoded at once)', 'windows-1252', Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x80])],
  ];

  it.each(cases)('%s: the same text as decodeText at every part size', async (_, encoding, bytes) => {
    const expected = decodeText(bytes, encoding);
    for (let part = 1; part <= bytes.length + 1; part++)
      expect([part, await decodeTextInSteps(bytes, encoding, part, noPause)]).toEqual([part, expected]);
  });

  it('pauses after each part', async () => {
    const bytes = utf8('x'.repeat(100));
    let pauses = 0;
    expect(await decodeTextInSteps(bytes, 'utf-8', 16, async () => void pauses++)).toBe('x'.repeat(100));
    expect(pauses).toBe(Math.ceil(100 / 16));
  });
});
