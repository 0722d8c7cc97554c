import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile, type PreparedFile } from '../../src/ingest/prepare';
import { cutUnclosedQuotes } from '../../src/ingest/unclosedQuote';
import { unchangedBytes } from '../../src/ingest/unchangedBytes';

const LEADS =
  'lead_id,company,industry,created_at\nL1,北京科技,软件,2024-01-02\nL2,Café Ltd,Retail,2024-02-03\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];
const file = (bytes: Uint8Array) => prepareFile({ name: 'leads.csv', bytes });
/** The text the load hands DuckDB, as load.ts prepares it. */
const loadText = (f: PreparedFile) => cutUnclosedQuotes(f.text.replace(/\r\n/g, '\n'), f.delimiter).text;
const unchanged = (f: PreparedFile) => unchangedBytes(f, loadText(f));

describe('unchangedBytes: a UTF-8 upload goes to DuckDB as its own bytes only when they equal the text', () => {
  it('gives the bytes (after one BOM) when they are exactly the UTF-8 of the text DuckDB reads', () => {
    const plain = file(utf8(LEADS));
    const bytes = unchanged(plain)!;
    expect(new TextDecoder().decode(bytes)).toBe(loadText(plain));
    expect(bytes.length).toBe(utf8(LEADS).length);

    const withBom = file(new Uint8Array([...BOM, ...utf8(LEADS)]));
    expect(Array.from(unchanged(withBom)!)).toEqual(Array.from(utf8(LEADS)));
  });

  it('gives null whenever the decode or the load changed anything', () => {
    // CRLF line ends are made LF for DuckDB
    expect(unchanged(file(utf8(LEADS.replace(/\n/g, '\r\n'))))).toBeNull();
    // a line whose quote never closes is cut out
    expect(unchanged(file(utf8(`${LEADS}L3,"open,x,2024-03-04\nL4,a,b,2024-03-05\n`)))).toBeNull();
    // an invalid byte read as UTF-8 (the user chose UTF-8, or it lies past the detection sample) is U+FFFD
    const invalid = new Uint8Array([...utf8(LEADS), ...utf8('L3,'), 0xff, ...utf8(',x,2024-03-04\n')]);
    const forced = prepareFile({ name: 'leads.csv', bytes: invalid }, { encoding: 'utf-8' });
    expect(forced.text).toContain('\uFFFD');
    expect(unchanged(forced)).toBeNull();
    // NUL bytes and a repeated BOM are dropped by the decode
    expect(unchanged(file(utf8(`${LEADS}L3,a\0b,x,2024-03-04\n`)))).toBeNull();
    expect(unchanged(file(new Uint8Array([...BOM, ...BOM, ...utf8(LEADS)])))).toBeNull();
    // another encoding: the bytes are not the text's UTF-8
    const latin = new Uint8Array([...utf8('lead_id,company\nL1,Caf'), 0xe9, ...utf8('\nL2,B\n')]);
    expect(file(latin).encoding.encoding).toBe('windows-1252');
    expect(unchanged(file(latin))).toBeNull();
    // a big upload (read through its own handle) and a compressed one keep their own paths
    const plain = file(utf8(LEADS));
    expect(
      unchangedBytes({ ...plain, source: { ...plain.source, file: new Blob([]) } }, plain.text),
    ).toBeNull();
    expect(unchangedBytes({ ...plain, format: 'csv.gz' }, plain.text)).toBeNull();
  });

  it('loads the same leads through the bytes as through the text', async () => {
    const engine = await createNodeEngine();
    try {
      const report = await loadFiles(engine, [file(new Uint8Array([...BOM, ...utf8(LEADS)]))], {
        today: '2026-01-15',
      });
      expect(report.counts.leads).toBe(2);
      expect(report.files[0].rejectedLines).toEqual([]);
      const rows = (await engine.query('SELECT lead_id, company, industry FROM leads ORDER BY lead_id'))
        .toArray()
        .map((r) => r.toJSON());
      expect(rows).toEqual([
        { lead_id: 'L1', company: '北京科技', industry: '软件' },
        { lead_id: 'L2', company: 'Café Ltd', industry: 'Retail' },
      ]);
    } finally {
      await engine.close();
    }
  });
});
