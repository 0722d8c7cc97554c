import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { prepareBigFile } from '../../src/ingest/bigFile';
import { csvChunks, type CsvChunk } from '../../src/ingest/csvChunks';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { prepareFile, type PreparedFile } from '../../src/ingest/prepare';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function chunksOf(text: string, chunkBytes: number, scanBytes?: number): Promise<CsvChunk[]> {
  const chunks: CsvChunk[] = [];
  for await (const c of csvChunks(new Blob([text]), ',', chunkBytes, scanBytes)) chunks.push(c);
  return chunks;
}

// Each record written out by hand, so the record ends are known without the app's parser.
const RECORDS = [
  'lead_id,company\n',
  'L1,"two\nlines"\n',
  'L2,"say ""hi""\n, ""there"""\n',
  'L3,plain\r\n',
  'L4,"""\n"""\n',
  'L5,mid"quote\n',
  'L6,""\n',
  'L7,"ends with a quote """\n',
  'L8,last',
];
const TEXT = RECORDS.join('');

describe('csvChunks: record-aligned chunks by the app’s quoting rules', () => {
  it('with a one-byte chunk size, cuts at every record end and never inside a quoted field', async () => {
    const starts = RECORDS.map((_, i) => RECORDS.slice(0, i).join('').length);
    const expected = RECORDS.map((r, i) => ({
      start: starts[i],
      end: starts[i] + r.length,
      linesBefore: i,
    }));
    // the quoting state carries over however the upload is sliced while it is read
    for (const scanBytes of [1, 2, 3, 5, 4096]) expect(await chunksOf(TEXT, 1, scanBytes)).toEqual(expected);
  });

  it('ends a chunk at the record’s end when the size falls on a line break inside quotes', async () => {
    const inQuotes = TEXT.indexOf('two\n') + 3;
    const chunks = await chunksOf(TEXT, inQuotes + 1);
    expect(chunks[0]).toEqual({ start: 0, end: RECORDS[0].length + RECORDS[1].length, linesBefore: 0 });
  });

  it('covers the upload with chunks of at least the size, for every size', async () => {
    for (let size = 1; size <= TEXT.length + 1; size++) {
      const chunks = await chunksOf(TEXT, size, 7);
      expect(chunks.map((c) => TEXT.slice(c.start, c.end)).join('')).toBe(TEXT);
      chunks.slice(0, -1).forEach((c) => expect(c.end - c.start).toBeGreaterThanOrEqual(size));
      chunks.forEach((c) => {
        expect(RECORDS.map((_, i) => RECORDS.slice(0, i).join('').length)).toContain(c.start);
        expect(c.linesBefore).toBe(
          RECORDS.findIndex((_, i) => RECORDS.slice(0, i).join('').length === c.start),
        );
      });
    }
  });

  it('makes the rest of the upload one chunk after a quote that never closes', async () => {
    const text = 'a,b\n1,2\n3,"open\n4,5\n6,7\n';
    expect(await chunksOf(text, 1)).toEqual([
      { start: 0, end: 4, linesBefore: 0 },
      { start: 4, end: 8, linesBefore: 1 },
      { start: 8, end: text.length, linesBefore: 2 },
    ]);
  });
});

// Leads with every fault the load reports, spread so that small chunks split them up. DuckDB numbers a
// rejected line by records (the header is 1; a quoted line break does not count): noted as they are made.
function leadsCsv(eol: string, tail = ''): { text: string; rejectedAt: number[] } {
  const lines = ['lead_id,company,industry,created_at'];
  const rejectedAt: number[] = [];
  for (let i = 1; i <= 30; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    if (i === 4) lines.push(`L${i},"Multi${eol}line, Inc",Retail,2024-01-${day}`);
    else if (i === 9) lines.push(`L${i},"Say ""hi""",Retail,2024-01-${day}`);
    else if (i === 12 || i === 25) {
      lines.push(`L${i},x,Retail,2024-01-${day},extra`);
      rejectedAt.push(lines.length);
    } else if (i === 17) {
      lines.push(`L${i},missing`);
      rejectedAt.push(lines.length);
    } else if (i === 21) lines.push(`L${i},Bad Date Co,Retail,2024-13-45`);
    else if (i === 23) lines.push('');
    else lines.push(`L${i},Company ${i},${i % 2 ? 'Retail' : 'Software'},2024-01-${day}`);
  }
  return { text: lines.join(eol) + eol + tail, rejectedAt };
}

const TODAY = '2026-01-15';
const SIZES = [1, 40, 97, 1 << 20];
// each test loads its file once per chunk size, one-byte chunks (a statement per record) included
const LOADS_TIMEOUT = 120_000;

interface Loaded {
  rows: unknown[];
  report: LoadReport;
}

async function load(engine: SqlEngine, file: PreparedFile, chunkBytes: number): Promise<Loaded> {
  const report = await loadFiles(engine, [file], { today: TODAY, chunkBytes, keepRawTables: true });
  const rows = (await engine.query('SELECT * FROM raw_leads ORDER BY _row')).toArray().map((r) => ({
    ...r.toJSON(),
  }));
  return { rows, report };
}

describe('loadFiles: a CSV split into chunks loads exactly as one chunk', { timeout: LOADS_TIMEOUT }, () => {
  let engine: SqlEngine;
  beforeAll(async () => {
    engine = await createNodeEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  async function sameForEverySize(file: PreparedFile): Promise<Loaded> {
    const whole = await load(engine, file, 1 << 20);
    for (const size of SIZES) {
      const chunked = await load(engine, file, size);
      expect(chunked.rows).toEqual(whole.rows);
      expect(chunked.report.files).toEqual(whole.report.files);
      expect(chunked.report.problems).toEqual(whole.report.problems);
      expect(chunked.report.counts).toEqual(whole.report.counts);
    }
    const rowNumbers = whole.rows.map((r) => Number((r as { _row: bigint })._row));
    expect(rowNumbers).toEqual(rowNumbers.map((_, i) => i + 1));
    return whole;
  }

  it('ingest/raw_file.sql, ingest/raw_chunk.sql, ingest/drop_rejects.sql: UTF-8 bytes as they are (the Blob path) give the same rows, _row, rejected lines and problems', async () => {
    const { text, rejectedAt } = leadsCsv('\n');
    const whole = await sameForEverySize(prepareFile({ name: 'leads.csv', bytes: utf8(text) }));
    expect(whole.report.files[0].rejectedLines.map((r) => r.line)).toEqual(rejectedAt);
    expect(whole.report.counts.leads).toBe(26); // 30 records, 2 rejected, 1 blank
    expect(whole.report.problems.map((p) => p.row)).toEqual([19]); // L21: 21 records, 2 rejected before it
    expect(whole.rows[3]).toMatchObject({ _row: 4n, column1: 'Multi\nline, Inc' });
  });

  it('a CRLF file (the decoded-text path) with a line whose quote never closes', async () => {
    const { text, rejectedAt } = leadsCsv(
      '\r\n',
      'L31,"open,Retail,2024-01-02\r\nL32,after,Retail,2024-01-03\r\n',
    );
    const whole = await sameForEverySize(prepareFile({ name: 'leads.csv', bytes: utf8(text) }));
    const openLine = text.split('\r\n').length - 2;
    expect(whole.report.files[0].rejectedLines.map((r) => r.line)).toEqual([...rejectedAt, openLine]);
    expect(whole.report.counts.leads).toBe(27);
  });

  it('a big upload read through its handle, in UTF-8 and in Windows-1252', async () => {
    const { text, rejectedAt } = leadsCsv('\n');
    const bytes = utf8(text);
    const big = await prepareBigFile({ name: 'leads.csv', bytes, file: new Blob([bytes]) }, {});
    const whole = await sameForEverySize(big);
    expect(whole.report.files[0].rejectedLines.map((r) => r.line)).toEqual(rejectedAt);

    // DuckDB reads a big file itself: a quote that never closes takes the rest of the file into one line
    const open = utf8(`${text}L31,"open,Retail,2024-01-02\nL32,after,Retail,2024-01-03\n`);
    const swallowed = await sameForEverySize(
      await prepareBigFile({ name: 'leads.csv', bytes: open, file: new Blob([open]) }, {}),
    );
    expect(swallowed.report.files[0].rejectedLines.at(-1)?.raw).toContain('L32,after');

    const latin = text.replace('Company 2,', 'Caf\u00e9 2,');
    const latinBytes = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const big1252 = await prepareBigFile(
      { name: 'leads.csv', bytes: latinBytes, file: new Blob([latinBytes]) },
      {},
    );
    expect(big1252.encoding.encoding).toBe('windows-1252');
    const decoded = await sameForEverySize(big1252);
    expect(decoded.rows[1]).toMatchObject({ column1: 'Caf\u00e9 2' });
  });
});
