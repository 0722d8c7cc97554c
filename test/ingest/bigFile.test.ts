import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../datasets/generator/index';
import { createNodeEngine } from '../../src/db/nodeEngine';
import {
  BIG_FILE_BYTES,
  HEAD_BYTES,
  loadPathOf,
  readUpload,
  utf8Upload,
  transcodeToUtf8,
  wholeLines,
} from '../../src/ingest/bigFile';
import { loadFiles } from '../../src/ingest/load';
import { IngestError } from '../../src/ingest/prepare';
import { prepareSource } from '../../src/ingest/source';

const MB = 1024 ** 2;

/** A File that says it is `size` bytes (the real content stays small enough for a test). */
function sized(parts: BlobPart[], name: string, size: number): File {
  const file = new File(parts, name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

/** The sample leads repeated under new ids until the text passes `bytes` (ids counted here). */
function leadsCsv(bytes: number): { text: string; rows: number } {
  const [header, ...rows] = readFileSync('datasets/leads.csv', 'utf8').trimEnd().split('\n');
  const lines = [header];
  let size = header.length;
  let n = 0;
  while (size < bytes) {
    for (const row of rows) {
      const line = `B${++n}${row.slice(row.indexOf(','))}`;
      lines.push(line);
      size += line.length + 1;
    }
  }
  return { text: lines.join('\n') + '\n', rows: n };
}

describe('big files: a head read in JS, the whole file read by DuckDB', () => {
  it('cuts a head after its last line break, so no partial row is previewed', () => {
    const bytes = new TextEncoder().encode('a,b\n1,2\n3,');
    expect(new TextDecoder().decode(wholeLines(bytes))).toBe('a,b\n1,2\n');
    expect(wholeLines(new TextEncoder().encode('no break'))).toHaveLength(8);
  });

  it('reads a small upload whole and keeps no handle; a big one as its head with the file kept', async () => {
    const small = await readUpload(new File(['a,b\n1,2\n'], 'small.csv'));
    expect(small.file).toBeUndefined();
    expect(small.bytes).toHaveLength(8);
    const { text } = leadsCsv(HEAD_BYTES + MB);
    const big = sized([text], 'big.csv', BIG_FILE_BYTES + 1);
    const source = await readUpload(big);
    expect(source.file).toBe(big);
    expect(source.bytes.length).toBeLessThanOrEqual(HEAD_BYTES);
    expect(source.bytes[source.bytes.length - 1]).toBe(0x0a);
    expect(loadPathOf(source)).toBe('handle');
  });

  it('loads every row of a big CSV, not only the head the wizard previewed', async () => {
    const { text, rows } = leadsCsv(HEAD_BYTES + MB);
    const source = await readUpload(sized([text], 'big-leads.csv', BIG_FILE_BYTES + 1));
    const prepared = await prepareSource(source);
    expect(prepared.kind).toBe('leads');
    expect(prepared.text.length).toBeLessThan(text.length);
    const engine = await createNodeEngine();
    try {
      const report = await loadFiles(engine, [prepared]);
      expect(report.counts.leads).toBe(rows);
      expect(report.files[0].rows).toBe(rows);
    } finally {
      await engine.close();
    }
  });

  it('refuses a big file in a format read in JS, with its size', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(100).fill(0)]);
    const source = await readUpload(sized([zip], 'huge.xlsx', 300 * MB));
    const error = await prepareSource(source).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect([(error as IngestError).code, (error as IngestError).detail]).toEqual(['too-big', '300 MB']);
    const json = await readUpload(sized(['[{"lead_id": 1}]\n'], 'huge.json', 300 * MB));
    await expect(prepareSource(json)).rejects.toMatchObject({ code: 'too-big' });
  });

  it('decodes a GBK file chunk by chunk into UTF-8, characters split across chunks intact', async () => {
    const text = 'lead_id,company\nC1,北京科技有限公司\nC2,上海贸易股份有限公司\n';
    const gbk = new Uint8Array(encodeGbk(text));
    for (const chunk of [1, 7, 64]) {
      const utf8 = await transcodeToUtf8(new Blob([gbk]), 'gb18030', chunk);
      expect(await utf8.text()).toBe(text);
    }
    expect(loadPathOf({ name: 'g.csv', bytes: gbk, file: new Blob([gbk]) })).toBe('transcoded');
  });

  it('registers a non-UTF-8 big file as UTF-8, which DuckDB then reads', async () => {
    const text = 'lead_id,company\nC1,北京科技有限公司\n';
    const engine = await createNodeEngine();
    try {
      const upload = await utf8Upload(new Blob([new Uint8Array(encodeGbk(text))]), 'gb18030');
      await engine.registerBuffer('gbk.csv', new Uint8Array(await upload.arrayBuffer()));
      const table = await engine.query("SELECT company FROM read_csv('gbk.csv', header = true)");
      expect(table.getChild('company')?.get(0)).toBe('北京科技有限公司');
    } finally {
      await engine.close();
    }
  });
});
