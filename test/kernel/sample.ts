import { readFileSync } from 'node:fs';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import {
  buildLeadFeatures,
  buildRuleMatrix,
  fetchLeadTable,
  type DatasetFacts,
  type LeadTable,
} from '../../src/features/build';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import type { RuleMatrix } from '../../src/kernel/matrix';
import type { Scenario } from '../../src/model/scenario';

/** The committed sample loaded as the app loads it, with the rule matrix of one scenario. */
export interface LoadedSample {
  engine: SqlEngine;
  facts: DatasetFacts;
  leads: LeadTable;
  matrix: RuleMatrix;
}

export async function loadSample(scenario: Scenario): Promise<LoadedSample> {
  const engine = await createNodeEngine();
  const file = (name: string) =>
    prepareFile({ name, bytes: new Uint8Array(readFileSync(`datasets/${name}`)) });
  await loadFiles(engine, [file('leads.csv'), file('deals.csv'), file('activities.csv')]);
  const facts = await buildLeadFeatures(engine, scenario.settings.agingHorizonDays);
  const leads = await fetchLeadTable(engine);
  const matrix = await buildRuleMatrix(engine, facts, scenario);
  return { engine, facts, leads, matrix };
}
