import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/defaultScenario';
import { validateScenario } from '../../src/model/validate';

const paths = (input: unknown): string[] => {
  const r = validateScenario(input);
  return r.ok ? [] : r.errors.map((e) => e.path);
};

describe('validateScenario', () => {
  it('accepts both default scenarios and returns a copy', () => {
    for (const withUrgency of [true, false]) {
      const s = defaultScenario({ withUrgency });
      const r = validateScenario(JSON.parse(JSON.stringify(s)));
      expect(r.ok).toBe(true);
      if (r.ok) expect(r.scenario).toEqual(s);
    }
  });

  it('accepts a snapshot date or null, and rejects anything else there with its path', () => {
    const s = defaultScenario({ withUrgency: true });
    for (const snapshotDate of ['2025-06-30', null]) {
      const r = validateScenario({ ...s, settings: { ...s.settings, snapshotDate } });
      expect(r.ok).toBe(true);
    }
    for (const snapshotDate of ['30/06/2025', 20250630, "2025-06-30'; DROP TABLE leads; --"]) {
      const r = validateScenario({ ...s, settings: { ...s.settings, snapshotDate } });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['$.settings.snapshotDate']);
    }
  });

  it('accepts ROI inputs and lists what is wrong in them', () => {
    const s = defaultScenario({ withUrgency: true });
    const roi = {
      costPerLead: [150, 60, 20],
      hourly: { hours: [2, 1, 0.25], rate: 80 },
      marginPct: 65,
      fixedPerQuarter: 5000,
      capacityPerQuarter: 400,
      cut: 1,
      currency: 'EUR',
      rates: { USD: 0.92, CNY: 0.13 },
      cohort: 'closed',
    };
    expect(validateScenario({ ...s, settings: { ...s.settings, roi } }).ok).toBe(true);
    const bad = { ...roi, costPerLead: [-1, 60, 20], marginPct: 120, cohort: 'fiscal', rates: { USD: 'x' } };
    const r = validateScenario({ ...s, settings: { ...s.settings, roi: bad } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.path).sort()).toEqual([
        '$.settings.roi.cohort',
        '$.settings.roi.costPerLead[0]',
        '$.settings.roi.marginPct',
        '$.settings.roi.rates.USD',
      ]);
  });

  it('lists every error with its path: version, NaN and negative weights, unknown keys, __proto__', () => {
    const s = JSON.parse(JSON.stringify(defaultScenario({ withUrgency: true })));
    s.version = 2;
    s.dimensions[0].weight = -5;
    s.dimensions[1].weight = 'NaN';
    s.dimensions[1].rules[0].pointsPerEvent = null;
    s.extra = true;
    const withProto = JSON.parse(
      JSON.stringify(s).replace('"settings":{', '"settings":{"__proto__":{"x":1},'),
    );
    expect(paths(withProto)).toEqual([
      '$.extra',
      '$.version',
      '$.dimensions[0].weight',
      '$.dimensions[1].weight',
      '$.dimensions[1].rules[0].pointsPerEvent',
      '$.settings.__proto__',
    ]);
  });

  it('rejects tiers out of order, too few tiers, and duplicate rule ids', () => {
    const s = defaultScenario({ withUrgency: false });
    s.tiers = [
      { name: 'A', min: 30 },
      { name: 'B', min: 70 },
      { name: 'C', min: 0 },
    ];
    s.dimensions[1].rules[1].id = s.dimensions[1].rules[0].id;
    expect(paths(s)).toEqual(['$.dimensions[1].rules[1].id', '$.tiers[1].min']);
    expect(paths({ ...defaultScenario({ withUrgency: false }), tiers: [{ name: 'A', min: 0 }] })).toEqual([
      '$.tiers',
    ]);
  });

  it('rejects non-objects and a huge document without crashing', () => {
    expect(paths(null)).toEqual(['$']);
    expect(paths([])).toEqual(['$']);
    const huge = defaultScenario({ withUrgency: false });
    (huge.dimensions[0].rules[0] as { cases: { values: string[]; points: number }[] }).cases[0].values =
      Array.from({ length: 100000 }, (_, i) => `v${i}`);
    expect(paths(huge)).toEqual(['$.dimensions[0].rules[0].cases[0].values']);
  });
});
