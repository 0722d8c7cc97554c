import { describe, expect, it } from 'vitest';
import { labelMargin, tierColor, tierColors } from '../../src/charts/palette';

describe('palette', () => {
  it('runs green → amber → grey-red, best tier first', () => {
    expect(tierColors(3)).toEqual(['#2f9e5f', '#d99a1e', '#a86660']);
    expect(tierColor(0, 1)).toBe('#2f9e5f');
    expect(tierColors(5)).toHaveLength(5);
    expect(new Set(tierColors(5)).size).toBe(5);
  });

  it('clamps out-of-range input instead of throwing', () => {
    expect(tierColor(-1, 3)).toBe(tierColor(0, 3));
    expect(tierColor(9, 3)).toBe(tierColor(2, 3));
    expect(tierColor(0, 0)).toBe('#2f9e5f');
    expect(tierColor(Number.NaN, Number.NaN)).toBe('#2f9e5f');
    expect(tierColors(0)).toEqual([]);
  });

  it('gives wide (CJK) labels more room', () => {
    expect(labelMargin([])).toBe(40);
    expect(labelMargin(['制造业制造业制造业'])).toBeGreaterThan(labelMargin(['Manufactur']));
  });
});
