import { defaultScenario } from './defaultScenario';
import { SCENARIO_VERSION, type Scenario } from './scenario';

export const PRESETS = ['source-default', 'urgency-card'] as const;
export type PresetId = (typeof PRESETS)[number];

/**
 * The urgency card of one source document: purchase window 30 / competition 25 / decision progress 25 /
 * budget 20, each a dimension of its own, with the four-level tiering (follow up now / quarter focus /
 * long-term nurture / hold). Tier names come from the caller (they are shown in the UI's language).
 */
function urgencyCard(tierNames: readonly string[]): Scenario {
  return {
    version: SCENARIO_VERSION,
    name: 'Urgency card',
    dimensions: [
      {
        id: 'purchase-window',
        weight: 30,
        rules: [
          {
            id: 'uc-window',
            kind: 'category',
            field: 'purchase_timeframe',
            cases: [
              { values: ['Within 1 month', '1个月内'], points: 100 },
              { values: ['1-3 months', '1-3个月'], points: 70 },
              { values: ['3-6 months', '3-6个月'], points: 40 },
              { values: ['6-12 months', '6-12个月'], points: 15 },
            ],
          },
        ],
      },
      {
        id: 'competition',
        weight: 25,
        rules: [
          {
            id: 'uc-competition',
            kind: 'boolean',
            field: 'competitor_present',
            pointsTrue: 20,
            pointsFalse: 100,
          },
        ],
      },
      {
        id: 'decision-progress',
        weight: 25,
        rules: [
          {
            id: 'uc-stage',
            kind: 'category',
            field: 'decision_stage',
            cases: [
              { values: ['Negotiating', '商务谈判'], points: 100 },
              { values: ['Shortlisting', '候选比较'], points: 70 },
              { values: ['Evaluating', '方案评估'], points: 40 },
              { values: ['Researching', '需求调研'], points: 10 },
            ],
          },
        ],
      },
      {
        id: 'budget',
        weight: 20,
        rules: [
          { id: 'uc-budget', kind: 'boolean', field: 'budget_confirmed', pointsTrue: 100, pointsFalse: 0 },
        ],
      },
    ],
    tiers: [
      { name: tierNames[0], min: 75 },
      { name: tierNames[1], min: 50 },
      { name: tierNames[2], min: 25 },
      { name: tierNames[3], min: 0 },
    ],
    settings: { agingHorizonDays: 180, observationDays: 30 },
  };
}

export function preset(
  id: PresetId,
  options: { withUrgency: boolean; fourLevelNames: readonly string[] },
): Scenario {
  return id === 'source-default'
    ? defaultScenario({ withUrgency: options.withUrgency })
    : urgencyCard(options.fourLevelNames);
}
