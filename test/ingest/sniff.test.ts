import { describe, expect, it } from 'vitest';
import { sniffFileType } from '../../src/ingest/sniff';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...ascii(p)] : p)));

describe('sniffFileType', () => {
  it('names an xlsx workbook from its zip entry names', () => {
    const head = bytes(
      [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
      '\0'.repeat(22),
      '[Content_Types].xml',
    );
    expect(sniffFileType(head)).toBe('xlsx');
  });

  it('names an xlsx whose first entry is under xl/', () => {
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04], '\0'.repeat(26), 'xl/workbook.xml'))).toBe('xlsx');
  });

  it('names any other zip archive zip', () => {
    expect(sniffFileType(bytes([0x50, 0x4b, 0x03, 0x04], '\0'.repeat(26), 'leads.csv'))).toBe('zip');
  });

  it('names gzip, parquet and pdf from their magic bytes', () => {
    expect(sniffFileType(bytes([0x1f, 0x8b, 0x08, 0x00]))).toBe('gzip');
    expect(sniffFileType(bytes('PAR1', [0x15, 0x04, 0x15]))).toBe('parquet');
    expect(sniffFileType(bytes('%PDF-1.7\n%\xe2\xe3'))).toBe('pdf');
  });

  it('names html pages after a BOM and whitespace, in any case', () => {
    expect(sniffFileType(bytes([0xef, 0xbb, 0xbf], '  \r\n<!DOCTYPE html>\n<html>'))).toBe('html');
    expect(sniffFileType(bytes('<HTML lang="en">'))).toBe('html');
    expect(sniffFileType(bytes('<head><title>Login</title>'))).toBe('html');
    expect(sniffFileType(bytes('\n<body>'))).toBe('html');
  });

  it('does not take a CSV whose first header starts with < for html', () => {
    expect(sniffFileType(bytes('<id>,name\n1,a\n'))).toBe('text');
  });

  it('names a Git LFS pointer', () => {
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a\nsize 12345\n';
    expect(sniffFileType(bytes(pointer))).toBe('git-lfs-pointer');
  });

  it('calls 0 bytes, a lone BOM and whitespace empty', () => {
    expect(sniffFileType(new Uint8Array(0))).toBe('empty');
    expect(sniffFileType(bytes([0xef, 0xbb, 0xbf]))).toBe('empty');
    expect(sniffFileType(bytes([0xff, 0xfe]))).toBe('empty');
    expect(sniffFileType(bytes([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]))).toBe('empty');
    expect(sniffFileType(bytes(' \r\n\t\n'))).toBe('empty');
  });

  it('calls CSV text text, UTF-8 and UTF-16 alike', () => {
    expect(sniffFileType(bytes('lead_id,company\n1,Acme\n'))).toBe('text');
    expect(sniffFileType(ascii('客户编号,公司名称\r\n1,阿里\r\n'))).toBe('text');
    const utf16le = Uint8Array.from(Buffer.from('\uFEFFlead_id,company\r\n1,Acme\r\n', 'utf16le'));
    expect(sniffFileType(utf16le)).toBe('text');
    const bomless = Uint8Array.from(Buffer.from('lead_id,company\r\n1,Acme\r\n', 'utf16le'));
    expect(sniffFileType(bomless)).toBe('text');
  });

  it('keeps a CSV with a NUL inside a quoted field as text', () => {
    expect(sniffFileType(bytes('id,note\n1,"a', [0], 'b"\n2,"plain text here"\n'))).toBe('text');
  });

  it('calls NUL-heavy or control-heavy bytes binary', () => {
    const ole2 = bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array<number>(56).fill(0));
    expect(sniffFileType(ole2)).toBe('binary');
    expect(sniffFileType(bytes([1, 2, 3, 4, 5, 6, 7, 8, 0x41, 0x42, 0x0e, 0x0f, 0x10, 0x11]))).toBe('binary');
  });
});
