// The activities upload streams (src/ingest/streamedUpload.ts): its raw table holds one chunk at a time,
// a first pass profiles the whole file, a second builds the canonical rows. Expected values are worked out
// by hand from the fixture below; every chunk size must give exactly those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { fetchOne, run } from '../../src/db/sql';
import { loadFiles, type LoadReport } from '../../src/ingest/load';
import { IngestError, prepareFile, type PreparedFile } from '../../src/ingest/prepare';
import { openStreamedUpload } from '../../src/ingest/streamedUpload';
import { loadQuality, type ColumnQuality } from '../../src/ingest/quality';
import { QualityCounter } from '../../src/ingest/qualityStream';
import { addDateProfiles, addMarkerCounts } from '../../src/ingest/streamedProfile';

const utf8 = (s: string) => new TextEncoder().encode(s);
const TODAY = '2026-01-15';

const LEADS = [
  'lead_id,company,created_at',
  'L1,Acme,2024-01-02',
  'L2,Beta,2024-01-03',
  'L3,Gamma,2024-01-04',
];
// Line numbers (header = 1) noted for the problems: dates are day/month, which only line 9 (13/02) shows,
// far from the first lines, so a chunk that profiled only itself would not know the order.
const ACTIVITIES = [
  'activity_id,lead_id,activity_type,occurred_at', // 1
  'A1,L1,Demo,05/03/2024', // 2 → _row 1: 2024-03-05 (day first)
  'A2,L1,demo,06/03/2024', // 3 → _row 2
  'A3,,email_open,07/03/2024', // 4 → _row 3: missing lead id
  'A4,L2,email_open,N/A', // 5 → _row 4: missing date (N/A is a marker)
  'A5,L9,web_visit,08/03/2024', // 6 → _row 5: unknown lead
  'A6,L2,web_visit,31/02/2024', // 7 → _row 6: no such day
  'A7,L3,Demo,09/03/2024,extra', // 8 → rejected: a field too many
  'A8,L3,web_visit,13/02/2024', // 9 → _row 7: 2024-02-13
  '1.2E+05,L3,demo,10/03/2024', // 10 → _row 8: id in scientific notation
  'A10,L1,,11/03/2024', // 11 → _row 9: missing type
  'A11,L2,email_open,12/03/2024', // 12 → _row 10
];

function file(name: string, lines: string[]): PreparedFile {
  return prepareFile({ name, bytes: utf8(lines.join('\n') + '\n') });
}

interface Loaded {
  report: LoadReport;
  activities: { _row: number; lead_id: string; activity_type: string; day: string }[];
  quality: ColumnQuality[];
  raw: number;
}

async function load(engine: SqlEngine, chunkBytes: number): Promise<Loaded> {
  const files = [file('leads.csv', LEADS), file('activities.csv', ACTIVITIES)];
  const report = await loadFiles(engine, files, { today: TODAY, chunkBytes });
  const activities = (
    await engine.query(
      "SELECT CAST(_row AS INTEGER) AS _row, lead_id, activity_type, strftime(occurred_at, '%Y-%m-%d') AS day FROM activities ORDER BY _row",
    )
  )
    .toArray()
    .map((r) => ({ ...r.toJSON() }) as Loaded['activities'][number]);
  const sources = files.map((f) => ({
    name: f.source.name,
    kind: f.kind,
    headers: f.headers,
    mapping: f.mapping,
  }));
  const quality = (await loadQuality(engine, sources, report)).filter((c) => c.kind === 'activities');
  const rawRows = async (table: string) =>
    (await fetchOne(engine, 'ingest/count_rows', { n: { type: 'number' } }, { identifiers: { table } })).n;
  return {
    report,
    activities,
    quality,
    raw: (await rawRows('raw_activities')) + (await rawRows('raw_leads')),
  };
}

describe('a streamed activities upload', () => {
  let engine: SqlEngine;
  const runs: Loaded[] = [];
  beforeAll(async () => {
    engine = await createNodeEngine();
    for (const size of [1 << 20, 1, 40, 97]) runs.push(await load(engine, size));
  });
  afterAll(async () => {
    await engine.close();
  });

  it('reads every date in the order the whole file shows, whatever the chunk (ingest/raw_shape.sql, ingest/raw_part.sql, ingest/activity_rows.sql, ingest/activities_more.sql)', () => {
    for (const { activities } of runs)
      expect(activities).toEqual([
        { _row: 1, lead_id: 'L1', activity_type: 'demo', day: '2024-03-05' },
        { _row: 2, lead_id: 'L1', activity_type: 'demo', day: '2024-03-06' },
        { _row: 5, lead_id: 'L9', activity_type: 'web_visit', day: '2024-03-08' },
        { _row: 7, lead_id: 'L3', activity_type: 'web_visit', day: '2024-02-13' },
        { _row: 8, lead_id: 'L3', activity_type: 'demo', day: '2024-03-10' },
        { _row: 10, lead_id: 'L2', activity_type: 'email_open', day: '2024-03-12' },
      ]);
    for (const { report } of runs) {
      const date = report.columns.find((c) => c.key === 'activities.occurred_at')!.date!;
      expect(date.used).toBe('dmy');
      expect(date.detected.profile.firstOver12).toBe(2); // 31/02 and 13/02
      expect(date.detected.profile.examples).toEqual(['05/03/2024', '06/03/2024', '07/03/2024']);
    }
  });

  it('reports every problem by row, the rejected line, the rows and the marker counts (ingest/activity_unknown_leads.sql)', () => {
    for (const { report } of runs) {
      const file = report.files.find((f) => f.kind === 'activities')!;
      expect(file.rows).toBe(10);
      expect(file.rejectedLines.map((l) => l.line)).toEqual([8]);
      expect(report.counts.activities).toBe(6);
      expect(
        report.problems.filter((p) => p.file === 'activities.csv').map((p) => [p.row, p.role, p.problem]),
      ).toEqual([
        [3, 'lead_id', 'missing_id'],
        [4, 'occurred_at', 'missing_value'],
        [5, 'lead_id', 'unknown_lead'],
        [6, 'occurred_at', 'bad_date'],
        [8, 'activity_id', 'scientific_id'],
        [9, 'activity_type', 'missing_value'],
      ]);
      const missing = report.columns.find((c) => c.key === 'activities.occurred_at')!.missing;
      expect(missing).toEqual([{ marker: 'N/A', n: 1 }]);
    }
  });

  it('counts the quality panel’s statistics during the load and empties every raw table (ingest/empty_raw.sql)', () => {
    for (const { quality, raw } of runs) {
      expect(raw).toBe(0);
      const type = quality.find((c) => c.header === 'activity_type')!;
      expect([type.missing, type.distinct, type.distinctOverCap]).toEqual([1, 4, false]);
      expect(type.top.slice(0, 2)).toEqual([
        { value: 'email_open', n: 3 },
        { value: 'web_visit', n: 3 },
      ]);
      expect(quality.find((c) => c.header === 'lead_id')!.missing).toBe(1);
    }
  });
});

describe('QualityCounter: a column past the distinct cap is no longer counted', () => {
  it('keeps filled cells exact and drops distinct values and top values of capped columns (quality/stream_counts_start.sql, quality/stream_counts_merge.sql, quality/stream_counts_over.sql, quality/stream_counts_forget.sql, quality/stream_counts_finish.sql, quality/stream_counts_drop.sql)', async () => {
    const engine = await createNodeEngine();
    try {
      await engine.query("CREATE TABLE part AS SELECT 1 AS _row, 'x' AS column0, 'a' AS column1 WHERE false");
      const counter = new QualityCounter(engine, 3);
      await counter.start();
      for (const rows of [
        ["('1','a')", "('2','a')"],
        ["('3','b')", "('4', NULL)", "('5','a')"],
        // column0 is past the cap by now: only its filled cells are counted (a blank one is missing)
        ["('6','c')", "('  ','a')"],
      ]) {
        await engine.query(
          `CREATE OR REPLACE TABLE part AS SELECT 0 AS _row, * FROM (VALUES ${rows.join(',')}) t(column0, column1)`,
        );
        await counter.add('part', { first: 0, last: 0 });
      }
      const stats = await counter.finish();
      expect(stats).toEqual([
        { col: 'column0', filled: 6, distinct: null, top: [] },
        {
          col: 'column1',
          filled: 6,
          distinct: 3,
          top: [
            { value: 'a', n: 4 },
            { value: 'b', n: 1 },
            { value: 'c', n: 1 },
          ],
        },
      ]);
      await run(engine, 'quality/drop_counts');
    } finally {
      await engine.close();
    }
  });
});

describe('summing chunk profiles', () => {
  it('adds date profile counts and keeps the first three examples in byte order', () => {
    const a = {
      values: 3,
      dayMonth: 2,
      firstOver12: 1,
      secondOver12: 0,
      twoDigitYear: 0,
      orderFree: 1,
      examples: ['13/02/2024', '05/03/2024'],
    };
    const b = {
      values: 2,
      dayMonth: 2,
      firstOver12: 0,
      secondOver12: 1,
      twoDigitYear: 1,
      orderFree: 0,
      examples: ['01/12/24', '05/03/2024'],
    };
    expect(addDateProfiles(a, b)).toEqual({
      values: 5,
      dayMonth: 4,
      firstOver12: 1,
      secondOver12: 1,
      twoDigitYear: 1,
      orderFree: 1,
      examples: ['01/12/24', '05/03/2024', '13/02/2024'],
    });
  });
  it('adds marker counts by lower-cased marker, first spelling in byte order, commonest first', () => {
    expect(
      addMarkerCounts(
        [
          { marker: 'na', n: 2 },
          { marker: '', n: 1 },
        ],
        [
          { marker: 'NA', n: 1 },
          { marker: '', n: 3 },
        ],
      ),
    ).toEqual([
      { marker: '', n: 4 },
      { marker: 'NA', n: 3 },
    ]);
  });
});

describe('a streamed upload read twice', () => {
  it('refuses a second pass that reads a chunk with other rows (the file changed while it loaded)', async () => {
    const engine = await createNodeEngine();
    try {
      const prepared = file('activities.csv', ACTIVITIES);
      const asBlob = (lines: string[]) => ({ ...prepared.source, file: new Blob([lines.join('\n') + '\n']) });
      prepared.source = asBlob(ACTIVITIES);
      const upload = await openStreamedUpload(engine, prepared, { chunkBytes: 200 });
      const firstPass: [number, number][] = [];
      await upload.forEach(async (part) => void firstPass.push([part.first, part.last]));
      // a chunk ends at the first line end at or past its 200th byte: line 8 ends at byte 219, so the first
      // chunk is lines 2–8 (line 8 rejected: 6 rows), the second lines 9–12 (4 rows)
      expect(firstPass).toEqual([
        [1, 6],
        [7, 10],
      ]);
      expect(upload.rows).toBe(10);
      // line 3 is gone by the second pass: the first chunk now ends at line 9 (byte 224) with 6 rows again,
      // the second holds lines 10–12
      prepared.source = asBlob(ACTIVITIES.filter((_, i) => i !== 2));
      const error = await upload.forEach(async () => {}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect(error).toMatchObject({ file: 'activities.csv', code: 'reread-mismatch', detail: '7: 4 → 3' });
    } finally {
      await engine.close();
    }
  });
});
