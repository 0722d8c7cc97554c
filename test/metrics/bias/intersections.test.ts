import { describe, expect, it } from 'vitest';
import { intersectionBias, intersectSegments } from '../../../src/metrics/bias/intersections';
import { compareSegments, golden } from './golden';

describe('intersections', () => {
  it('matches pandas on the pairs of the 5000-lead fixture (source × region)', () => {
    const f = golden.fixtures.find((g) => g.intersection)!;
    const got = intersectionBias({
      p: Float64Array.from(f.p),
      outcome: Uint8Array.from(f.outcome),
      a: Int32Array.from(f.segment),
      aLabels: f.labels,
      b: Int32Array.from(f.b!),
      bLabels: f.bLabels!,
      scores: Float64Array.from(f.scores),
    });
    expect(got.intersection.labels).toEqual(f.intersection!.labels);
    compareSegments(got, f.intersection!);
  });

  it('codes only the combinations present, in a-then-b order, missing on either side → −1', () => {
    const x = intersectSegments([1, 0, 1, -1, 2, 0], ['A', 'B', '(blank)'], [0, 1, 0, 1, 1, 7], ['x', 'y'], {
      aMissing: 2,
    });
    expect(x.labels).toEqual(['A × y', 'B × x']);
    expect(Array.from(x.codes)).toEqual([1, 0, 1, -1, -1, -1]);
    expect(Array.from(x.parts)).toEqual([0, 1, 1, 0]);
  });
});
