import { describe, expect, it } from 'vitest';
import { readsProbabilities, VIEWS } from '../../src/state/views';

describe('readsProbabilities', () => {
  it('asks for calibration only in the views that show the probabilities', () => {
    const calibrated = VIEWS.filter((v) => readsProbabilities(v));
    expect(calibrated.sort()).toEqual(['accuracy', 'bias']);
  });

  it('asks for it in the Leads view while its export waits for them, and only there', () => {
    const calibrated = VIEWS.filter((v) => readsProbabilities(v, true));
    expect(calibrated.sort()).toEqual(['accuracy', 'bias', 'leads']);
  });
});
