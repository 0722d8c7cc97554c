import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import { readRows } from '../../src/db/schema';
import { buildLeadFeatures, type DatasetFacts } from '../../src/features/build';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import { scoreAll } from '../../src/kernel/score';
import { buildScenarioMatrix } from '../kernel/sample';
import { compilePlan } from '../../src/model/compile';
import { defaultScenario } from '../../src/model/defaultScenario';
import { setDecay, setPoints } from '../../src/model/edits';
import { exportScenarioSql } from '../../src/model/exportSql';
import type { Scenario } from '../../src/model/scenario';

let engine: SqlEngine;
let facts: DatasetFacts;
beforeAll(async () => {
  engine = await createNodeEngine();
  const file = (name: string) =>
    prepareFile({ name, bytes: new Uint8Array(readFileSync(`datasets/${name}`)) });
  await loadFiles(engine, [file('leads.csv'), file('deals.csv'), file('activities.csv')]);
  facts = await buildLeadFeatures(engine, 180);
}, 60_000);
afterAll(() => engine?.close());

async function compare(scenario: Scenario) {
  const rows = readRows(await engine.query(exportScenarioSql(scenario, facts.endDate)), {
    lead_id: { type: 'string' },
    score: { type: 'number' },
    tier: { type: 'string' },
  });
  const k = scoreAll(await buildScenarioMatrix(engine, facts, scenario), compilePlan(scenario));
  expect(rows.length).toBe(12000);
  let worst = 0;
  rows.forEach((r, i) => (worst = Math.max(worst, Math.abs(r.score - k.score[i]))));
  expect(worst).toBeLessThan(1e-6);
  const names = scenario.tiers.map((t) => t.name);
  expect(rows.map((r) => r.tier)).toEqual(Array.from(k.tier, (t) => names[t]));
  return rows;
}

describe('the exported standalone SQL', () => {
  it('scores the committed sample as the kernel does (to 1e-6), default model', async () => {
    const rows = await compare(defaultScenario({ withUrgency: true }));
    expect(new Set(rows.map((r) => r.tier))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('follows edited points, other decays, current scoring and quotes in values', async () => {
    const s = defaultScenario({ withUrgency: true });
    setPoints(s, 'beh-demo', 0, 45);
    setDecay(s, 'beh-pricing', { kind: 'linear', windowDays: 60 });
    setDecay(s, 'beh-reply', { kind: 'window', windowDays: 20 });
    setDecay(s, 'beh-visit', { kind: 'none' });
    s.settings.observationDays = null;
    s.tiers[0].name = "Hot 'n ready";
    const rule = s.dimensions[0].rules[0];
    if (rule.kind === 'category') rule.cases[0].values.push("O'Brien & Sons");
    await compare(s);
  });

  it('scores as of a snapshot date as the kernel does', async () => {
    const s = defaultScenario({ withUrgency: true });
    s.settings.snapshotDate = '2025-06-30';
    await compare(s);
  });

  it('uses only portable SQL (no DuckDB-only functions)', () => {
    const sql = exportScenarioSql(defaultScenario({ withUrgency: true }), '2026-09-30');
    for (const duckOnly of ['date_diff', 'to_days', 'contains(', 'list_contains', 'pow('])
      expect(sql).not.toContain(duckOnly);
  });
});
