import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { run } from '../../src/db/sql';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import { inRowRanges } from '../../src/ingest/rowRanges';

let engine: SqlEngine;
const file = (name: string) => prepareFile({ name, bytes: new Uint8Array(readFileSync(`datasets/${name}`)) });
const TODAY = '2026-01-15';

/** The activities table as stored (its own order), every value as text. */
async function stored(): Promise<string[]> {
  const table = await engine.query('SELECT * FROM activities');
  return table.toArray().map((r) => JSON.stringify(r.toJSON(), (_, v: unknown) => String(v)));
}

async function rebuild(rows: number): Promise<{ first: number; last: number }[]> {
  const ranges: { first: number; last: number }[] = [];
  await inRowRanges(
    engine,
    'clean_activities',
    async ({ index, first, last }) => {
      ranges.push({ first, last });
      await run(engine, index === 0 ? 'ingest/activities' : 'ingest/activities_more', {
        params: [TODAY, null, first, last],
      });
    },
    rows,
  );
  return ranges;
}

beforeAll(async () => {
  engine = await createNodeEngine();
  await loadFiles(engine, [file('leads.csv'), file('deals.csv'), file('activities.csv')], { today: TODAY });
});
afterAll(() => engine?.close());

describe('inRowRanges: a canonical table built a range of upload rows at a time', () => {
  it('ingest/row_span.sql, ingest/activity_rows.sql, ingest/activities.sql, ingest/activities_more.sql: the same activities in the same order for any range size', async () => {
    const loaded = await stored();
    const raw = Number(
      (await engine.query('SELECT count(*) AS n FROM raw_activities')).getChild('n')?.get(0),
    );
    expect(raw).toBe(87_399);
    expect(loaded.length).toBeGreaterThan(raw / 2);
    expect(await rebuild(1_000_000)).toEqual([{ first: 1, last: 1_000_000 }]);
    expect(await stored()).toEqual(loaded);
    const ranges = await rebuild(10_000);
    expect(ranges.length).toBe(9);
    expect(ranges.at(-1)).toEqual({ first: 80_001, last: 90_000 });
    expect(await stored()).toEqual(loaded);
  });

  it('ingest/row_span.sql: an empty view still gets one (empty) range, which creates the table', async () => {
    await engine.query('CREATE OR REPLACE VIEW empty_rows AS SELECT 1 AS _row WHERE false');
    const ranges: { index: number; first: number; last: number }[] = [];
    await inRowRanges(engine, 'empty_rows', async (r) => void ranges.push(r), 5);
    expect(ranges).toEqual([{ index: 0, first: 1, last: 5 }]);
  });
});
