import { describe, expect, it } from 'vitest';
import { columnsFromRows, logisticFit } from '../../src/metrics/logistic';
import { expectAllClose, golden, LOST, OPEN, WON } from './accuracyGolden';

describe('logisticFit against LogisticRegression(C=1.0) (make_accuracy_golden.py)', () => {
  it.each(golden.logistic.map((g) => [g.name, g] as const))('%s', (_, g) => {
    const d = g.coef.length;
    const columns = columnsFromRows(g.rows, d);
    const outcome = Uint8Array.from(g.won, (w) => (w ? WON : LOST));
    const model = logisticFit(columns, outcome)!;
    expect(Math.abs(model.intercept - g.intercept)).toBeLessThan(1e-4);
    expectAllClose(model.coef, g.coef, 1e-4);
    expect(model.gradNorm).toBeLessThan(1e-8);

    // open leads and leads outside the mask never count
    const rows = [...g.rows, ...g.rows.slice(0, 5), ...g.rows.slice(0, 5)];
    const noisy = Uint8Array.from(rows, (_, i) =>
      i < g.won.length ? outcome[i] : i < g.won.length + 5 ? OPEN : WON,
    );
    const mask = Uint8Array.from(rows, (_, i) => (i < g.won.length + 5 ? 1 : 0));
    expect(logisticFit(columnsFromRows(rows, d), noisy, { mask })).toEqual(model);
  });

  it('is null without both classes', () => {
    expect(logisticFit([[1, 0, 1]], [1, 1, 0])).toBeNull();
    expect(logisticFit([[]], [])).toBeNull();
  });

  it('with no features fits the intercept alone: the log-odds of the base rate', () => {
    const model = logisticFit([], [1, 2, 2, 2])!;
    expect(model.intercept).toBeCloseTo(Math.log(1 / 3), 12);
    expect(model.coef.length).toBe(0);
  });

  it('stronger C means less shrinkage', () => {
    const x = [[1, 1, 1, 0, 0, 0, 1, 0]];
    const y = [1, 1, 2, 2, 2, 1, 1, 2];
    const weak = logisticFit(x, y, { C: 0.01 })!;
    const strong = logisticFit(x, y, { C: 100 })!;
    expect(Math.abs(weak.coef[0])).toBeLessThan(Math.abs(strong.coef[0]));
  });
});
