import { describe, expect, it } from 'vitest';
import { prepareFile } from '../../src/ingest/prepare';
import { csvReadShare } from '../../src/state/readShare';

const csv = (name: string, rows: number) =>
  prepareFile({
    name,
    bytes: new TextEncoder().encode(`lead_id,company\n${'L1,Acme\n'.repeat(rows)}`),
  });

describe('csvReadShare: one share for all of a load’s CSV uploads, weighted by size', () => {
  it('rises with each file’s chunks and never falls when the next file starts', () => {
    const small = csv('small.csv', 1); // 24 bytes
    const big = csv('big.csv', 10); // 96 bytes
    const shares: number[] = [];
    const progress = csvReadShare([small, big], (s) => shares.push(s));
    progress('small.csv', 0, 24);
    progress('small.csv', 24, 24);
    progress('big.csv', 0, 96);
    progress('big.csv', 48, 96);
    progress('big.csv', 96, 96);
    expect(shares).toEqual([0, 24 / 120, 24 / 120, 72 / 120, 1]);
  });

  it('ignores files it was not given and tables read in JS', () => {
    const shares: number[] = [];
    const sheet = { ...csv('sheet.xlsx', 1), table: { headers: [], rows: [], rowNumbers: [] } };
    const progress = csvReadShare([csv('a.csv', 1), sheet], (s) => shares.push(s));
    progress('sheet.xlsx', 1, 1);
    progress('other.csv', 1, 1);
    // the upload DuckDB reads may differ in size from the file (CRLF → LF, another encoding → UTF-8)
    progress('a.csv', 11, 22);
    expect(shares).toEqual([0.5]);
  });
});
