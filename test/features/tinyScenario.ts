import { SCENARIO_VERSION, type Decay, type Scenario } from '../../src/model/scenario';

/** A two-dimension model small enough to score by hand (see the tests' comments). */
export function tinyScenario(decay: Decay = { kind: 'none' }): Scenario {
  return {
    version: SCENARIO_VERSION,
    name: 'tiny',
    dimensions: [
      {
        id: 'fit',
        weight: 40,
        rules: [
          {
            id: 'industry',
            kind: 'category',
            field: 'industry',
            cases: [
              { values: ['software'], points: 30 },
              { values: ['Manufacturing'], points: 20 },
            ],
          },
          { id: 'dm', kind: 'boolean', field: 'is_decision_maker', pointsTrue: 20, pointsFalse: 0 },
          {
            id: 'gov',
            kind: 'category',
            field: 'industry',
            disqualify: true,
            cases: [{ values: ['Government'], points: 0 }],
          },
        ],
      },
      {
        id: 'behaviour',
        weight: 60,
        rules: [
          { id: 'demo', kind: 'events', events: ['demo_request'], pointsPerEvent: 25, cap: 1, decay },
          { id: 'unsub', kind: 'events', events: ['unsubscribe'], pointsPerEvent: -20, cap: 1, decay },
        ],
      },
    ],
    tiers: [
      { name: 'A', min: 70 },
      { name: 'B', min: 30 },
      { name: 'C', min: 0 },
    ],
    settings: { agingHorizonDays: 180, observationDays: null },
  };
}
