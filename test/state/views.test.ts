import { describe, expect, it } from 'vitest';
import { readsProbabilities, VIEWS } from '../../src/state/views';

describe('readsProbabilities', () => {
  it('asks for calibration only in the views that show or export the probabilities', () => {
    const calibrated = VIEWS.filter(readsProbabilities);
    expect(calibrated.sort()).toEqual(['accuracy', 'bias', 'leads']);
  });
});
