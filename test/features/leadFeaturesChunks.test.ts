import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { buildLeadFeatures, type DatasetFacts } from '../../src/features/build';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';

let engine: SqlEngine;
const file = (name: string) => prepareFile({ name, bytes: new Uint8Array(readFileSync(`datasets/${name}`)) });

/** lead_features as stored (no ORDER BY: the table's own order), every value as text. */
async function stored(): Promise<string[]> {
  const table = await engine.query('SELECT * FROM lead_features');
  return table.toArray().map((r) => JSON.stringify(r.toJSON(), (_, v: unknown) => String(v)));
}

beforeAll(async () => {
  engine = await createNodeEngine();
  await loadFiles(engine, [file('leads.csv'), file('deals.csv'), file('activities.csv')], {
    today: '2026-01-15',
  });
});
afterAll(() => engine?.close());

describe('buildLeadFeatures: lead_features built a range of leads at a time', () => {
  it('features/lead_order.sql, features/lead_order_count.sql, features/lead_feature_rows.sql, features/lead_features.sql, features/lead_features_more.sql, features/drop_lead_order.sql: the same rows in the same order for any range size; _idx is the lead_id order', async () => {
    const whole = await buildLeadFeatures(engine, 180, 1_000_000);
    const rows = await stored();
    expect(rows.length).toBe(12_000);
    const ids = (await engine.query('SELECT _idx, lead_id FROM lead_features')).toArray();
    const sorted = ids.map((r) => String(r.lead_id)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(ids.map((r) => String(r.lead_id))).toEqual(sorted);
    expect(ids.map((r) => Number(r._idx))).toEqual(ids.map((_, i) => i + 1));

    for (const chunk of [1_000, 4_999, 12_000]) {
      const facts: DatasetFacts = await buildLeadFeatures(engine, 180, chunk);
      expect(facts).toEqual(whole);
      expect(await stored()).toEqual(rows);
    }
    // the helper table is gone
    const left = await engine.query(
      "SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = 'lead_order'",
    );
    expect(Number(left.getChild('n')?.get(0))).toBe(0);
  });
});
