import { describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { dropText } from '../../src/ingest/keptText';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile, type PreparedFile } from '../../src/ingest/prepare';
import { prepareSource } from '../../src/ingest/source';

const LEADS =
  'lead_id,company,industry,created_at\nL1,北京科技,软件,2024-01-02\nL2,"Café\nLtd",Retail,2024-02-03\n';
const utf8 = (s: string) => new TextEncoder().encode(s);
const kept = (file: PreparedFile) => Object.getOwnPropertyDescriptor(file, 'text');

describe('dropText: a loaded file keeps its bytes, not its decoded text', () => {
  it('decodes the same text from the bytes on every read, for every encoding and line end', () => {
    const latin = Uint8Array.from('lead_id,company\nL1,Caf\u00e9\r\nL2,B\r\n', (c) => c.charCodeAt(0));
    const gbk = new Uint8Array([
      ...utf8('lead_id,company\nL1,'),
      0xb1,
      0xb1,
      0xbe,
      0xa9,
      0x0a,
      ...utf8('L2,x\n'),
    ]);
    const files = [
      prepareFile({ name: 'a.csv', bytes: utf8(LEADS) }),
      prepareFile({
        name: 'b.csv',
        bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(LEADS.replace(/\n/g, '\r\n'))]),
      }),
      prepareFile({ name: 'c.csv', bytes: latin }),
      prepareFile({ name: 'd.csv', bytes: gbk }, { encoding: 'gb18030' }),
    ];
    expect(files[2].encoding.encoding).toBe('windows-1252');
    for (const file of files) {
      const text = file.text;
      dropText(file);
      expect(kept(file)?.value).toBeUndefined();
      expect(kept(file)?.get).toBeTypeOf('function');
      expect(file.text).toBe(text);
      // a copy (a remap's { ...file, mapping }) holds the text itself
      expect(kept({ ...file })?.value).toBe(text);
    }
    expect(files[3].text).toBe('lead_id,company\nL1,北京\nL2,x\n');
  });

  it('leaves files whose text is not their bytes’ decode alone: a big file’s head, gzip, tables read in JS', async () => {
    const bytes = utf8(LEADS);
    const big: PreparedFile = {
      ...prepareFile({ name: 'a.csv', bytes }),
      source: { name: 'a.csv', bytes, file: new Blob([bytes]) },
    };
    const gz = await prepareSource({
      name: 'a.csv.gz',
      bytes: new Uint8Array(
        await new Response(
          new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')),
        ).arrayBuffer(),
      ),
    });
    const json = await prepareSource({
      name: 'a.json',
      bytes: utf8('[{"lead_id": "L1", "company": "A"}, {"lead_id": "L2", "company": "B"}]'),
    });
    expect(gz.format).toBe('csv.gz');
    expect(json.table).toBeDefined();
    for (const file of [big, gz, json]) {
      const text = file.text;
      dropText(file);
      expect(kept(file)?.value).toBe(text);
    }
  });

  it('a file whose text was dropped loads again exactly as before (a remap or a reload)', async () => {
    const engine = await createNodeEngine();
    try {
      const file = prepareFile({
        name: 'leads.csv',
        bytes: utf8(`${LEADS.replace('Café\n', 'Café ')}L3,"open,x,2024-03-04\nL4,a,b,c,d\n`),
      });
      const first = await loadFiles(engine, [file], { today: '2026-01-15' });
      dropText(file);
      const again = await loadFiles(engine, [file], { today: '2026-01-15' });
      expect(again).toEqual(first);
      expect(first.counts.leads).toBe(2);
      expect(first.files[0].rejectedLines.map((r) => r.line)).toEqual([4, 5]);
    } finally {
      await engine.close();
    }
  });
});
