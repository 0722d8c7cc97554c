import { describe, expect, it } from 'vitest';
import { KernelSession } from '../../src/kernel/session';
import { compilePlan } from '../../src/model/compile';
import { tinyScenario } from '../features/tinyScenario';

/**
 * BAD-INPUTS 17: no outcome at all, or only one class. Accuracy explains itself (degenerate), Bias has no
 * calibrated probabilities to judge and reports nothing instead of inventing gaps, ROI counts costs with
 * zero revenue, and no number is NaN or infinite.
 */
function sessionWith(outcome: Uint8Array): KernelSession {
  const n = outcome.length;
  const session = new KernelSession();
  session.setData(
    {
      n,
      caseCodes: [
        Uint8Array.from({ length: n }, (_, i) => i % 3),
        Uint8Array.from({ length: n }, (_, i) => (i % 2) + 1),
        new Uint8Array(n),
      ],
      events: { types: ['demo_request'], lead: [Int32Array.of(0, 3, 5)], age: [Float64Array.of(1, 2, 3)] },
    },
    { outcome, createdDay: Int32Array.from({ length: n }, (_, i) => 19700 + i * 20) },
    {},
  );
  session.setBiasSegment({
    key: 'seg',
    codes: Int32Array.from({ length: n }, (_, i) => i % 2),
    labels: ['a', 'b'],
    second: null,
  });
  session.setRoiData({
    key: 'roi',
    quarter: Int32Array.from({ length: n }, (_, i) => (i < n / 2 ? 0 : 1)),
    labels: ['2024-Q1', '2024-Q2'],
    amount: new Float64Array(n).fill(outcome.includes(1) ? 1000 : 0),
    daysToWin: new Float64Array(n).fill(NaN),
  });
  return session;
}

const allFinite = (value: unknown): boolean =>
  JSON.stringify(value, (_, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v)) throw new Error(`infinite ${v}`);
    if (typeof v === 'number' && Number.isNaN(v)) throw new Error('NaN');
    return ArrayBuffer.isView(v) ? [] : v;
  }) !== undefined;

describe('BAD-INPUTS 17: no outcomes, or one outcome class only', () => {
  const accuracy = {
    splitDay: null,
    calibration: 'platt',
    binning: 'quantile',
    cutTier: 0,
    report: true,
  } as const;
  const bias = { key: 'seg', reference: null, cut: 0, focus: null };
  const roi = {
    key: 'roi',
    costPerLead: [100, 50, 10],
    marginPct: 70,
    fixedPerQuarter: 0,
    capacity: null,
    cut: 1,
  };

  for (const [name, code] of [
    ['every lead open', 0],
    ['every lead won', 1],
    ['every lead lost', 2],
  ] as const) {
    it(`${name}: accuracy says why, bias judges nothing, ROI has costs and no invented revenue`, () => {
      const n = 40;
      const session = sessionWith(new Uint8Array(n).fill(code));
      const r = session.score(1, compilePlan(tinyScenario()), null, null, accuracy, bias, roi, () => 0);
      expect(r.summary.auc).toBeNull();
      expect(r.accuracy!.report!.test.degenerate).not.toBeNull();
      expect(r.bias).toBeNull();
      const cells = r.roi!.report.cells.flat();
      expect(cells.reduce((s, c) => s + c.leads, 0)).toBe(n);
      expect(cells.reduce((s, c) => s + c.cost, 0)).toBeGreaterThan(0);
      if (code !== 1) expect(cells.every((c) => c.revenue === 0)).toBe(true);
      expect(allFinite({ summary: r.summary, accuracy: r.accuracy!.report, roi: r.roi })).toBe(true);
    });
  }
});
