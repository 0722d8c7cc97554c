import { describe, expect, it } from 'vitest';
import { mappedHeaders } from '../../src/ingest/mapping';
import { IngestError, prepareFile } from '../../src/ingest/prepare';

const utf8 = (s: string) => new TextEncoder().encode(s);
const codeOf = (name: string, bytes: Uint8Array): string => {
  try {
    prepareFile({ name, bytes });
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(IngestError);
    expect((e as IngestError).file).toBe(name);
    return `${(e as IngestError).code}:${(e as IngestError).detail}`;
  }
};

describe('prepareFile', () => {
  it('names what a file really is when it is not CSV text', () => {
    expect(codeOf('a.csv', utf8('<!DOCTYPE html><html><body>login</body></html>'))).toBe('not-text:html');
    expect(codeOf('b.csv', utf8('%PDF-1.7\n...'))).toBe('not-text:pdf');
    expect(
      codeOf('c.csv', utf8('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n')),
    ).toBe('not-text:git-lfs-pointer');
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('[Content_Types].xml xl/workbook.xml')]);
    expect(codeOf('d.csv', xlsx)).toBe('not-text:xlsx');
  });

  it('says "empty" and "no data rows" rather than showing an empty dashboard', () => {
    expect(codeOf('e.csv', new Uint8Array(0))).toBe('empty:');
    expect(codeOf('f.csv', utf8('\uFEFF'))).toBe('empty:');
    expect(codeOf('g.csv', utf8('lead_id,company\r\n'))).toBe('no-data-rows:');
  });

  it('stops on a single column whose header holds a delimiter-like character, and on unknown headers', () => {
    expect(codeOf('h.csv', utf8('lead_id:company\nL1:Acme\n'))).toBe('one-column:');
    expect(codeOf('i.csv', utf8('foo,bar\n1,2\n'))).toBe('unknown-kind:foo, bar');
  });

  it('decodes, sniffs and maps a semicolon GBK-free export, keeping the original bytes', () => {
    const bytes = utf8('\uFEFFLead ID;Company name;Industry;Create Date\nL1;Acme;Software;2024-01-05\n');
    const p = prepareFile({ name: 'hubspot.csv', bytes });
    expect(p.source.bytes).toBe(bytes);
    expect(p.kind).toBe('leads');
    expect(p.delimiter).toBe(';');
    expect(p.headers[0]).toBe('Lead ID');
    expect(p.mapping).toMatchObject({ lead_id: 0, company: 1, industry: 2, created_at: 3 });
    expect(mappedHeaders(p.headers, p.mapping)).toMatchObject({
      lead_id: 'Lead ID',
      company: 'Company name',
      created_at: 'Create Date',
    });
  });
});
