import { describe, expect, it } from 'vitest';
import { defaultScenario } from '../../src/model/defaultScenario';
import { diffScenarios } from '../../src/model/diff';
import { setDecay, setPoints, setThreshold, setWeight } from '../../src/model/edits';
import { parseScenarioJson, parseShareHash, scenarioJson, shareHash } from '../../src/model/portable';

describe('scenario files and share links', () => {
  it('round-trips a scenario through JSON exactly', () => {
    const s = defaultScenario({ withUrgency: true });
    setPoints(s, 'beh-demo', 0, 41.5);
    const r = parseScenarioJson(scenarioJson(s));
    expect(r).toEqual({ ok: true, scenario: s });
  });

  it('round-trips a scenario through the URL hash exactly, and the link is short', async () => {
    const s = defaultScenario({ withUrgency: true });
    setWeight(s, 1, 77);
    setThreshold(s, 0, 65);
    const hash = await shareHash(s);
    expect(hash).toMatch(/^s=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(JSON.stringify(s).length / 2);
    expect(await parseShareHash(`#${hash}`)).toEqual({ ok: true, scenario: s });
  });

  it('rejects damaged links, other hashes and malformed files with listed paths', async () => {
    expect(await parseShareHash('#tiers')).toBeNull();
    expect(await parseShareHash('#s=not-deflate')).toEqual({
      ok: false,
      errors: [{ path: '$', message: 'the link is damaged or incomplete' }],
    });
    const bad = parseScenarioJson(
      '{"version":1,"name":"x","dimensions":[],"tiers":[],"settings":{},"__proto__":{}}',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.path)).toContain('$.__proto__');
    expect(parseScenarioJson('{nope').ok).toBe(false);
    const huge = parseScenarioJson(' '.repeat(1_000_001));
    expect(huge).toEqual({ ok: false, errors: [{ path: '$', message: 'larger than 1000000 bytes' }] });
  });
});

describe('diffScenarios', () => {
  it('lists what changed between two scenarios', () => {
    const a = defaultScenario({ withUrgency: true });
    const b = structuredClone(a);
    setWeight(b, 0, 55);
    setPoints(b, 'fit-industry', 1, 25);
    setDecay(b, 'beh-visit', { kind: 'none' });
    setThreshold(b, 1, 35);
    expect(diffScenarios(a, b)).toEqual([
      { kind: 'weight', dimension: 'fit', from: 40, to: 55 },
      { kind: 'points', rule: 'fit-industry', index: 1, from: 20, to: 25 },
      {
        kind: 'decay',
        rule: 'beh-visit',
        from: { kind: 'exponential', halfLifeDays: 30 },
        to: { kind: 'none' },
      },
      { kind: 'threshold', tier: 'B', from: 30, to: 35 },
    ]);
    expect(diffScenarios(a, a)).toEqual([]);
  });
});
