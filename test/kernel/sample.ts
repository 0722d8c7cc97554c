import { readFileSync } from 'node:fs';
import type { SqlEngine } from '../../src/db/engine';
import { createNodeEngine } from '../../src/db/nodeEngine';
import {
  buildLeadFeatures,
  buildRuleInputs,
  fetchLeadTable,
  type DatasetFacts,
  type LeadTable,
} from '../../src/features/build';
import { loadFiles } from '../../src/ingest/load';
import { prepareFile } from '../../src/ingest/prepare';
import type { RuleInputs, RuleMatrix } from '../../src/kernel/matrix';
import { matrixWithEvents } from '../../src/kernel/eventColumns';
import { layoutOf, type MatrixLayout } from '../../src/model/compile';
import type { Scenario } from '../../src/model/scenario';

/** The committed sample loaded as the app loads it, with the rule matrix of one scenario. */
export interface LoadedSample {
  engine: SqlEngine;
  facts: DatasetFacts;
  leads: LeadTable;
  inputs: RuleInputs;
  /** The scenario's rule matrix: event columns in compilePlan's order, computed from the event log. */
  matrix: RuleMatrix;
}

export async function loadSample(scenario: Scenario): Promise<LoadedSample> {
  const engine = await createNodeEngine();
  const file = (name: string) =>
    prepareFile({ name, bytes: new Uint8Array(readFileSync(`datasets/${name}`)) });
  await loadFiles(engine, [file('leads.csv'), file('deals.csv'), file('activities.csv')]);
  const facts = await buildLeadFeatures(engine, scenario.settings.agingHorizonDays);
  const leads = await fetchLeadTable(engine);
  const inputs = await buildRuleInputs(engine, facts, scenario);
  const matrix = matrixWithEvents(inputs, layoutOf(scenario)!.eventRules);
  return { engine, facts, leads, inputs, matrix };
}

/** A scenario's rule matrix as the kernel computes it (event columns in compilePlan's order). */
export async function buildScenarioMatrix(
  engine: SqlEngine,
  facts: DatasetFacts,
  scenarioOrLayout: Scenario | MatrixLayout,
): Promise<RuleMatrix> {
  const layout = 'key' in scenarioOrLayout ? scenarioOrLayout : layoutOf(scenarioOrLayout)!;
  return matrixWithEvents(await buildRuleInputs(engine, facts, layout), layout.eventRules);
}
